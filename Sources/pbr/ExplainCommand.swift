import ArgumentParser
import Foundation
import PbRCore
import PbRService
import PbRStore

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Why a client is paid what they are: journeys, each outcome's verdict and its evidence, band, price, parts, statement lines; or, with --cohort, a cohort outcome's cohorts: members, rate, baseline, arithmetic, shares.")

    @OptionGroup var store: StoreOptions

    @Option(help: "The contract's id in the store.")
    var contract: String

    @Option(help: "The client id (pseudonymous, as in the extract).")
    var client: String?

    @Option(help: "Only this outcome; with --cohort, the cohort outcome to explain.")
    var outcome: String?

    @Option(help: "Explain a cohort outcome's cohorts instead of a client: `all`, or one cohort by its label (`2012/13 Q1`) or number.")
    var cohort: String?

    @Option(help: "The day to explain as of (YYYY-MM-DD). Default: today.", transform: Day.argument)
    var asOf: Day?

    @Option(help: "See only data known at or before this moment. Default: all imported.", transform: Moment.argument)
    var knownAt: Moment?

    func validate() throws {
        guard (client == nil) != (cohort == nil) else { throw ValidationError("name one of --client CLIENT or --cohort all|LABEL|NUMBER") }
        if cohort != nil, outcome == nil { throw ValidationError("--cohort needs --outcome, the cohort outcome to explain") }
    }

    func run() async throws {
        let day = asOf ?? WallClock.system.today
        if let cohort, let outcome {
            let job = CohortExplanation(contractID: contract, outcomeID: OutcomeID(outcome), cohort: cohort == "all" ? nil : cohort,
                                        asOf: day, knownAt: knownAt)
            let result = try await store.using { try await job.run(on: $0) }
            print(CohortExplainText.render(result, contract: contract, asOf: day))
            return
        }
        guard let client else { return }
        let job = ClientExplanation(contractID: contract, clientID: ClientID(client), outcomeID: outcome.map(OutcomeID.init),
                                    asOf: day, knownAt: knownAt)
        let result = try await store.using { try await job.run(on: $0) }
        print(ExplainText.render(result, contract: contract, asOf: day))
    }
}

/// An explanation as a person reads it.
enum ExplainText {
    static func render(_ result: ClientExplanation.Result, contract: String, asOf: Day) -> String {
        let history = result.history
        var text = "Client \(history.clientID) under \(contract), as of \(asOf), on the data to import #\(result.lastImportID)."
        text += "\nJourneys:"
        for (index, journey) in result.journeys.enumerated() {
            let providers = journey.episodes.map(\.providerID.rawValue).joined(separator: " then ")
            text += "\n  \(index + 1). \(journey.start) to \(journey.end.map(\.description) ?? "open") at \(providers)"
                + (journey.endReason.map { " (\($0.rawValue))" } ?? "")
                + (journey.presenting.isEmpty ? "" : "; presenting \(journey.presenting.map(\.rawValue).joined(separator: ", "))")
        }
        if result.journeys.isEmpty { text += " none" }
        text += "\nAssessments:"
        for assessment in history.assessments.sorted(by: { $0.assessedOn < $1.assessedOn }) {
            text += "\n  \(assessment.assessedOn) band \(assessment.band) (\(assessment.reason?.rawValue ?? "no reason given"), by \(assessment.assessor), record \(assessment.recordID))"
        }
        if history.assessments.isEmpty { text += " none" }
        for outcome in result.outcomes {
            let trace = outcome.trace
            text += "\n\n\(trace.outcomeID): \(trace.summary)"
            for (index, journey) in trace.journeys.enumerated() { text += "\n  journey \(index + 1): \(journey.verdict): \(journey.why)" }
            if let band = trace.band, let assessment = trace.assessment, let price = outcome.price, let version = outcome.version {
                text += "\n  band \(band) from the assessment of \(assessment.assessedOn) (record \(assessment.recordID)); "
                    + "price \(price.sterling) under contract version \(version)"
            }
            for part in trace.parts { text += "\n  part \(part.number) due \(part.dueOn): \(part.state)" }
            for line in outcome.lines {
                text += "\n  owed: part \(line.part) \(line.amount.sterling) \(line.status.rawValue), paid to \(line.providerID)"
                    + (line.earnedBy != line.providerID ? ", earned by \(line.earnedBy)" : "") + "; \(line.reason)"
            }
            for line in outcome.issued {
                text += "\n  issued: \(line.statementID):\(line.line) part \(line.part ?? 0) \(line.kind.rawValue) \(line.amount.sterling): \(line.reason)"
            }
        }
        return text
    }
}
