/// Every version of one contract, oldest first: the first as written, then each amendment from the day
/// it names. An amendment decides what is achieved on or after its day and never what came before.
public struct ContractVersions: Sendable {
    public let versions: [Contract]

    /// - Precondition: at least one version; the first names no `effectiveFrom`, each later one a day after
    ///   the one before (`pbr contract add` refuses anything else).
    public init(_ versions: [Contract]) {
        precondition(!versions.isEmpty, "a contract has a first version")
        self.versions = versions
    }

    public var first: Contract { versions[0] }

    /// The number (1, 2, ...) of the version that decides what is achieved on `day`.
    public func number(inForceOn day: Day) -> Int {
        var number = 1
        for (index, version) in versions.enumerated() where index > 0 {
            if let from = version.effectiveFrom, from <= day { number = index + 1 }
        }
        return number
    }

    public func inForce(on day: Day) -> Contract { versions[number(inForceOn: day) - 1] }

    /// The run as of `asOf`: each version evaluates the whole journal, and a line is taken from the
    /// version in force on the day it was achieved. One version in force is one run.
    public func evaluate(_ histories: [ClientHistory], asOf: Day,
                         progress: (@Sendable (_ clients: Int) -> Void)? = nil) -> EntitlementReport {
        let last = number(inForceOn: asOf)
        guard last > 1 else { return EntitlementRun(contract: first).evaluate(histories, asOf: asOf, progress: progress) }
        var report = EntitlementRun(contract: versions[last - 1]).evaluate(histories, asOf: asOf, progress: progress)
        var byKey: [LedgerKey: Entitlement] = [:]
        for number in 1...last {
            let run = number == last ? report : EntitlementRun(contract: versions[number - 1]).evaluate(histories, asOf: asOf)
            for line in run.lines where self.number(inForceOn: line.achievedOn) == number {
                byKey[OutcomeLineDraft.Owed(line).key] = line
            }
        }
        report.lines = byKey.values.sorted(by: Entitlement.outputOrder)
        return report
    }
}
