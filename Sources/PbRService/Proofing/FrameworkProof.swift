import Foundation
import PbRCore
import PbRImport
import PbRStore

/// Framework proofing before signing (`pbr proof`): what a provider can earn from each client profile
/// under a contract, at most and on stated rates, through the real engine; the profiles paid least first.
public struct FrameworkProof: Sendable {
    public let versions: ContractVersions
    /// Where the contract came from, for the outputs' records.
    public let stamp: Provenance.ContractStamp
    public let rates: ProofRates
    /// `shipped defaults` or the rates file's path.
    public let ratesSource: String
    /// The day every synthetic journey starts.
    public let start: Day

    /// What a proof found.
    public struct Result: Sendable {
        public var contract: Contract
        public var stamp: Provenance.ContractStamp
        public var ratesSource: String
        public var start: Day
        /// The runs' day: after every window has closed.
        public var asOf: Day
        public var order: ProofRun.RankOrder
        /// Paid least first.
        public var earnings: [ProfileEarning]
    }

    /// Reads the contract (a file, or the id of a contract in the store at `store`) and the rates (a file,
    /// or the shipped defaults).
    /// - Parameter start: the day the synthetic journeys start; default the contract's start.
    /// - Throws: a `Refusal` for an unknown contract, a rates file with a mistake (file, key, line, reason)
    ///   or a start before the contract's.
    public static func prepare(contract reference: String, store: StoreLocation, rates ratesPath: String?,
                               start: Day?) async throws -> FrameworkProof {
        let (versions, stamp) = try await ContractSource.alone(reference, store: store)
        return try prepare(versions: versions, stamp: stamp, rates: ratesPath, start: start)
    }

    /// A proof of a contract already read, on the rates of a file or the shipped defaults.
    public static func prepare(versions: ContractVersions, stamp: Provenance.ContractStamp, rates ratesPath: String?,
                               start: Day?) throws -> FrameworkProof {
        let outcomes = Set(versions.versions.flatMap { $0.outcomes.map(\.id) })
        let rates: ProofRates
        if let ratesPath {
            rates = try loadRates(ratesPath, outcomes: outcomes)
        } else {
            // The shipped text is tested: it cannot fail.
            rates = try! ProofRatesLoader.parse(DefaultProofRates.yaml)
        }
        if let start, start < versions.first.start {
            throw Refusal("--start \(start) is before \(versions.first.id)'s start on \(versions.first.start): "
                          + "a journey that starts before the contract earns nothing")
        }
        return FrameworkProof(versions: versions, stamp: stamp, rates: rates, ratesSource: ratesPath ?? "shipped defaults",
                              start: start ?? versions.first.start)
    }

    /// Runs every profile of the grid.
    /// - Throws: a `Refusal` naming the outcome and profile the rates give no chance for, or a group whose
    ///   rates add up to more than 100%.
    public func run(order: ProofRun.RankOrder = .most, profiles: [ProofProfile] = ProofProfile.grid()) throws(Refusal) -> Result {
        let proof = ProofRun(versions: versions, journeysStartOn: start)
        do {
            let earnings = try proof.evaluate(profiles, rates: rates, rankBy: order)
            return Result(contract: proof.versions.inForce(on: start), stamp: stamp, ratesSource: ratesSource, start: start,
                          asOf: proof.asOf, order: order, earnings: earnings)
        } catch {
            throw Refusal((ratesSource == "shipped defaults" ? "the shipped rates" : ratesSource) + ": \(error)")
        }
    }

    static func loadRates(_ path: String, outcomes: Set<OutcomeID>) throws(Refusal) -> ProofRates {
        let data = try InputFile.contents(path, what: "rates file")
        guard let text = String(data: data, encoding: .utf8) else { throw Refusal("\(path): the rates file must be UTF-8") }
        do { return try ProofRatesLoader.parse(text, outcomes: outcomes) } catch { throw Refusal("\(path): \(error)") }
    }
}
