import ArgumentParser
import PbRCore
import PbRService

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Sampled verification: check a reproducible sample of a period's paid lines and recover the extrapolated error.",
        discussion: "docs/outcome-rules.md, \"Sampled verification\", says how the sample is drawn and the recovery worked out.",
        subcommands: [Sample.self, Record.self, Report.self, Close.self])

    /// The contract and the period every verify command names.
    struct Selection: ParsableArguments {
        @Option(help: "The contract's id in the store (see `pbr contract list`).")
        var contract: String

        @Option(help: "The month whose paid lines are sampled (YYYY-MM).", transform: StatementPeriod.argument)
        var period: StatementPeriod
    }

    struct Sample: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the period's sample, stratified by provider and outcome; amber providers are sampled at twice the rate, red at four times.",
            discussion: "The same contract, period, rate and seed give the same sample; a period is sampled once, and asking again with the same rate and seed prints it.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var selection: Selection

        @Option(help: "The stated rate, e.g. 5% (at least one line of each stratum is taken).", transform: Percent.argument)
        var rate: Int

        @Option(help: "The seed of the draw, kept with the sample so that it can be drawn again.")
        var seed: UInt64

        @Option(help: "Who draws it, for the audit trail.")
        var by: String = currentUser

        func run() async throws {
            let (sample, now) = try await store.using {
                try await SampledVerification(store: $0).sample(contractID: selection.contract, period: selection.period,
                                                                rateBasisPoints: rate, seed: seed, by: by)
            }
            print(VerificationText.sample(sample, drawnNow: now))
        }
    }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record what verifying a sampled line found: confirmed, or not confirmed with a reason.",
            discussion: "A finding may be recorded again, replacing the earlier one, until the sample is closed.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var selection: Selection

        @Option(help: "The sampled line, as STATEMENT_ID:LINE (e.g. national-pilot/2013-06/P01:3).")
        var line: String

        @Flag(help: "The evidence confirms the line.")
        var confirmed = false

        @Option(help: "The evidence does not confirm the line: why.")
        var notConfirmed: String?

        @Option(help: "Who verified it, for the audit trail.")
        var by: String = currentUser

        func validate() throws {
            guard confirmed != (notConfirmed != nil) else { throw ValidationError("give --confirmed or --not-confirmed REASON") }
        }

        func run() async throws {
            let finding: VerificationSample.Finding = notConfirmed.map { .notConfirmed(reason: $0) } ?? .confirmed
            let recorded = try await store.using {
                try await SampledVerification(store: $0).record(contractID: selection.contract, period: selection.period, line: line,
                                                                finding: finding, by: by)
            }
            print("\(recorded.reference) (\(recorded.provider) \(recorded.clientID) \(recorded.outcomeID) part \(recorded.part), "
                  + "\(recorded.amount.sterling)): " + VerificationText.finding(recorded.finding))
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per provider: lines sampled and not confirmed, the error rate by count (95% CI) and by value, and the recovery it extrapolates.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var selection: Selection

        func run() async throws {
            let sample = try await store.using {
                try await SampledVerification(store: $0).report(contractID: selection.contract, period: selection.period)
            }
            print(VerificationText.report(sample))
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close the sample once every sampled line has a finding: the next statement issued reverses the lines not confirmed and posts each provider's recovery.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var selection: Selection

        @Option(help: "Who closes it, for the audit trail.")
        var by: String = currentUser

        func run() async throws {
            let sample = try await store.using {
                try await SampledVerification(store: $0).close(contractID: selection.contract, period: selection.period, by: by)
            }
            print(VerificationText.report(sample))
        }
    }
}

extension Percent {
    /// A rate given on the command line: `5%` or `2.5%`, above 0% and at most 100%.
    static func argument(_ text: String) throws -> Int {
        guard let basisPoints = basisPoints(text), basisPoints > 0 else {
            throw ValidationError("'\(text)' is not a rate above 0% and at most 100% (e.g. 5% or 2.5%)")
        }
        return basisPoints
    }
}
