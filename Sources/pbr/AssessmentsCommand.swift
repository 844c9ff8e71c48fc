import ArgumentParser
import Foundation
import PbRCore
import PbRService
import PbRStore

struct AssessmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessments",
        abstract: "Independent assessment (LASAR): record one, waiting times by provider and band, clients assessed twice before treatment.",
        subcommands: [Record.self, Waiting.self, Twice.self])

    /// Whoever holds the store records and reads as an admin, named after the machine's user.
    static var viewer: Viewer { Accounts.commandLine(currentUser) }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an assessment scored by the contract's banding rules; a band that disagrees with the score is kept and flagged.")
        @OptionGroup var store: StoreOptions
        @Option(help: "The contract whose banding rules score it.") var contract: String
        @Option(help: "The client.") var client: String
        @Option(help: "The assessment's day (YYYY-MM-DD).", transform: Day.argument) var on: Day
        @Option(help: "A complexity factor present (repeat for more).") var factor: [String] = []
        @Option(help: "The band the assessor decided, 1 to 5.") var band: Int
        @Option(help: "The provider the client is referred to.") var referredTo: String?
        @Option(help: "initial or reassessment.") var reason: String
        @Option(help: "Why a reassessment was needed.") var why: String = ""

        func run() async throws {
            guard let band = Band(band) else { throw ValidationError("--band is 1 to 5") }
            guard let reason = AssessmentReason(rawValue: reason) else { throw ValidationError("--reason is initial or reassessment") }
            let draft = AssessmentDraft(clientID: ClientID(client), assessedOn: on, factors: factor, recordedBand: band,
                                        referredTo: referredTo.map(ProviderID.init), reason: reason, why: why)
            let details = try await store.using { try await AssessmentDesk(store: $0, viewer: AssessmentsCommand.viewer).record(draft, contract: contract) }
            print("Recorded \(details.recordID): \(details.clientID) band \(details.recordedBand) on \(details.assessedOn), score \(details.score)"
                + (details.disagrees ? " (FLAGGED: the score gives band \(details.computedBand))" : ""))
        }
    }

    struct Waiting: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Days from referral to assessment to start, by provider and band: count, median and 90th percentile (nearest rank).")
        @OptionGroup var store: StoreOptions
        @Option(help: "The day the figures are for (YYYY-MM-DD).", transform: Day.argument) var asOf: Day

        func run() async throws {
            let times = try await store.using { try await AssessmentDesk(store: $0, viewer: AssessmentsCommand.viewer).waitingTimes(asOf: asOf) }
            func cell(_ s: WaitingTimes.Spread) -> String { "\(s.count): \(s.median.map(String.init) ?? "-") / \(s.p90.map(String.init) ?? "-")" }
            print("provider  band  referred  started  referral->assessment  assessment->start  referral->start   (count: median / p90 days)")
            for row in times.rows {
                print([row.providerID.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0), (row.band.map { "\($0)" } ?? "none").padding(toLength: 4, withPad: " ", startingAt: 0),
                       String(row.referred).padding(toLength: 8, withPad: " ", startingAt: 0), String(row.started).padding(toLength: 7, withPad: " ", startingAt: 0),
                       cell(row.referralToAssessment).padding(toLength: 20, withPad: " ", startingAt: 0),
                       cell(row.assessmentToStart).padding(toLength: 17, withPad: " ", startingAt: 0), cell(row.referralToStart)].joined(separator: "  "))
            }
        }
    }

    struct Twice: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clients assessed twice or more on or before their first start, or never started (offered assessments instead of treatment?).")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let flags = try await store.using { try await AssessmentDesk(store: $0, viewer: AssessmentsCommand.viewer).assessedTwice() }
            if flags.isEmpty { print("No client was assessed twice before treatment.") }
            for flag in flags { print("\(flag.clientID)  \(flag.assessments) assessments  first start \(flag.firstStart?.description ?? "none")") }
        }
    }
}
