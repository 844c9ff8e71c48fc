/// How much room each yearly cap has left in the contract year that holds a day, as the engine counts
/// caps: the payable and capped lines whose earning day falls in that year. (A per-client cap has a
/// headroom for each client; `pbr explain` shows a client's.)
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
        return contract.caps.filter { !$0.perClient }.map { cap in
            let used = counted.filter { cap.outcome == nil || $0.outcomeID == cap.outcome }.reduce(.zero) { $0 + $1.amount }
            return CapHeadroom(outcome: cap.outcome, yearStart: year, cap: cap.limit, used: used)
        }
    }

    /// `D2-work-activity 2013/14: 350.00 of 500.00 used, 150.00 left` (`all outcomes` for the overall cap).
    public var description: String {
        let year = yearStart.year
        return "\(outcome?.rawValue ?? "all outcomes") \(year)/\(String(year + 1).suffix(2)): \(used.sterling) of \(cap.sterling) used, \(headroom.sterling) left"
    }
}
