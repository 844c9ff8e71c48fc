/// What a statement comes to. A claw-back larger than what the payee earns in the month is not paid
/// back in cash: the balance is carried forward and offset against the payee's later statements.
public struct StatementTotals: Hashable, Sendable {
    /// What the payee still owed from its statement before (zero or negative).
    public var broughtForward: Money
    /// Outcome lines paid for the first time, a cohort outcome's lines among them.
    public var new: Money
    /// Corrections of outcome and cohort lines issued before (negative: claw-backs).
    public var adjustments: Money
    public var block: Money
    public var attachment: Money
    /// The sum of the statement's lines.
    public var net: Money
    /// Disputed amounts held back this month (negative) or released (positive); shown apart from the lines.
    public var held: Money
    /// What is paid this month: brought forward plus net plus held, when that is positive.
    public var payable: Money
    /// What is left to offset against later statements (zero or negative).
    public var carriedForward: Money

    public init(broughtForward: Money, new: Money, adjustments: Money, block: Money, attachment: Money, net: Money,
                held: Money, payable: Money, carriedForward: Money) {
        self.broughtForward = broughtForward; self.new = new; self.adjustments = adjustments; self.block = block
        self.attachment = attachment; self.net = net; self.held = held; self.payable = payable; self.carriedForward = carriedForward
    }

    public init(lines: [StatementLine], broughtForward: Money, held: Money = .zero) {
        func sum(_ include: (StatementLine) -> Bool) -> Money { lines.filter(include).reduce(.zero) { $0 + $1.amount } }
        self.broughtForward = broughtForward
        // A cohort outcome is an outcome: its lines count with the others (the stored totals keep no column for them).
        let isOutcome = { (line: StatementLine) in line.component == .outcome || line.component == .cohort }
        new = sum { isOutcome($0) && $0.kind == .new }
        adjustments = sum { isOutcome($0) && $0.kind == .adjustment }
        block = sum { $0.component == .block }
        attachment = sum { $0.component == .attachment }
        net = sum { _ in true }
        self.held = held
        let balance = broughtForward + net + held
        payable = max(balance, .zero)
        carriedForward = min(balance, .zero)
    }

    /// The outcome and cohort lines' sum for each outcome, in outcome order.
    public static func byOutcome(_ lines: [StatementLine]) -> [(OutcomeID, Money)] {
        var sums: [OutcomeID: Money] = [:]
        for line in lines where line.component == .outcome || line.component == .cohort { if let outcome = line.outcomeID { sums[outcome, default: .zero] += line.amount } }
        return sums.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The outcome lines' sum for each band, in band order.
    public static func byBand(_ lines: [StatementLine]) -> [(Band, Money)] {
        var sums: [Band: Money] = [:]
        for line in lines where line.component == .outcome { if let band = line.band { sums[band, default: .zero] += line.amount } }
        return sums.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
