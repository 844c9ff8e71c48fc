import PbRCore
import PbRService

/// A cohort outcome's explanation as a person reads it (`pbr explain --cohort`).
enum CohortExplainText {
    static func render(_ result: CohortExplanation.Result, contract: String, asOf: Day) -> String {
        let outcome = result.outcome
        var text = "Cohort outcome \(outcome.id) under \(contract), as of \(asOf), on the data to import #\(result.lastImportID)."
        let grouping = switch outcome.grouping {
        case .quarter: "quarter's"
        case .contractYear: "contract year's"
        case .contract: "contract's single"
        }
        text += "\nEach \(grouping) cohort of journeys"
            + (outcome.members == .offenders ? " by offenders (an offence in the year before the start, or referred by criminal justice)" : "")
            + ": the share that passed \(outcome.test.rawValue) within \(outcome.within)"
            + (outcome.test == .completedWithoutRepresentation ? " (no re-presentation within \(outcome.representationWithin))" : "")
            + ", against the baseline; due \(outcome.dataLag) after the last member's test closes."
        if result.cohorts.isEmpty { text += "\n\nNo cohort has begun by \(asOf)." }
        for cohort in result.cohorts {
            let result = cohort.result
            text += "\n\nCohort \(result.period.number), \(result.period.label): journeys started \(result.period.from) to \(result.period.to); "
                + "closes \(result.closesOn), due \(result.dueOn)"
            text += "\n  members: \(result.members.count), counted \(result.counted), passed \(result.passed)"
                + (result.counted > 0 ? " (\(Ratio(Int128(result.passed), Int128(result.counted)).percent))" : "")
            text += "\n  baseline: " + (result.baseline.map { "\($0.percent), " } ?? "") + result.baselineSource
            if let payment = result.payment {
                text += "\n  working: " + payment.working(outcome)
                for (provider, amount) in result.shares.sorted(by: { $0.key < $1.key }) where amount != .zero {
                    let started = result.startedBy[provider].map { ", \($0) of \(result.counted) journeys" } ?? ""
                    text += "\n  share: \(provider) \(amount.sterling)\(started)"
                }
            } else {
                text += "\n  working: " + (result.dueOn > asOf ? "not due until \(result.dueOn)" : "nothing to work out (no member or no baseline)")
            }
            for line in cohort.issued {
                text += "\n  issued: \(line.statementID):\(line.line) \(line.kind.rawValue) \(line.amount.sterling)"
            }
            for member in result.members {
                text += "\n  \(member.clientID) started \(member.start) at \(member.startedBy): \(label(member.result)): \(member.evidence)"
            }
        }
        return text
    }

    private static func label(_ result: CohortMember.Result) -> String {
        switch result {
        case .passed: "passed"
        case .failed: "failed"
        case .leftOut: "left out"
        }
    }
}
