/// Pays a client at most the highest price among a group's outcomes: the earliest pays its price, a
/// later one pays its price less what the group already paid (a top-up), and a zero line is not written.
/// Achieved on the same day, the higher price goes first, so only it is paid.
struct ExclusiveGroupSettlement: Sendable {
    /// An outcome's lines with the full price they stand for (a pending line shows 0.00).
    struct Earned: Sendable {
        var price: Money
        var lines: [Entitlement]
    }

    /// The group's outcomes, each with its index among the contract's outcomes.
    private let members: [(id: OutcomeID, index: Int)]

    /// - Parameter outcomes: the contract's outcomes in order, as `settle`'s array holds them.
    init(group: ExclusiveGroup, outcomes: [OutcomeID]) {
        members = group.outcomes.compactMap { id in outcomes.firstIndex(of: id).map { (id, $0) } }
    }

    /// - Parameter earned: by the index of each outcome among the contract's outcomes.
    func settle(_ earned: inout [Earned?]) {
        let members = self.members.compactMap { member in
            earned[member.index].flatMap { $0.lines.isEmpty ? nil : (id: member.id, index: member.index, earned: $0) }
        }
        guard members.count > 1 else { return }
        let ordered = members.sorted { a, b in
            let (dayA, dayB) = (a.earned.lines[0].achievedOn, b.earned.lines[0].achievedOn)
            if dayA != dayB { return dayA < dayB }
            return a.earned.price != b.earned.price ? a.earned.price > b.earned.price : a.id < b.id
        }
        var paid = Money.zero
        var paidBy: [String] = []
        for member in ordered {
            let price = member.earned.price
            let topUp = price - paid
            guard topUp > .zero else {
                earned[member.index]?.lines = []
                continue
            }
            if paid > .zero {
                let note = "top-up: \(price) less \(paid) paid for \(paidBy.joined(separator: ", "))"
                earned[member.index]?.lines = member.earned.lines.map { line in
                    var line = line
                    if line.status == .payable { line.amount = topUp }
                    if line.status == .pending { line.pendingAmount = topUp }
                    line.reason = note + "; " + line.reason
                    return line
                }
            }
            paid += topUp
            paidBy.append(member.id.rawValue)
        }
    }
}
