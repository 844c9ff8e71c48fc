/// How much room each cap has left in the contract year that holds a day, as the engine counts caps:
/// the payable and capped lines whose earning day falls in that year.
public struct CapHeadroom: Hashable, Sendable {
    /// Nil for the cap on all outcomes.
    public var outcome: OutcomeID?
    public var yearStart: Day
    public var cap: Money
    public var used: Money
    public var headroom: Money { max(cap - used, .zero) }

    public static func of(_ contract: Contract, run: [Entitlement], on day: Day) -> [CapHeadroom] {
        let year = contract.yearStart(containing: day)
        let counted = run.filter { $0.status != .pending && contract.yearStart(containing: $0.earnsOn) == year }
        return contract.caps.map { cap in
            let used = counted.filter { cap.outcome == nil || $0.outcomeID == cap.outcome }.reduce(.zero) { $0 + $1.amount }
            return CapHeadroom(outcome: cap.outcome, yearStart: year, cap: cap.perYear, used: used)
        }
    }
}
