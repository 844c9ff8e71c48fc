import PbRCore

/// Items drawn in proportion to integer weights, so a distribution reads as a table of shares.
struct Weighted<Item: Sendable>: Sendable {
    private let items: [Item]
    private let cumulative: [Int]

    init(_ table: [(Item, Int)]) {
        precondition(!table.isEmpty && table.allSatisfy { $0.1 >= 0 }, "weights must be non-negative")
        items = table.map(\.0)
        var total = 0
        cumulative = table.map { total += $0.1; return total }
        precondition(total > 0, "weights must not all be zero")
    }

    func draw(_ rng: inout SplitMix64) -> Item {
        let roll = rng.int(0...(cumulative[cumulative.count - 1] - 1))
        var index = 0
        while roll >= cumulative[index] { index += 1 }
        return items[index]
    }
}
