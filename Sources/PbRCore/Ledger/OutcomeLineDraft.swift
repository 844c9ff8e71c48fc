/// A period's outcome and attachment lines: for each key, the difference between what the period's run
/// owes and what earlier statements issued for it (DOMAIN.md, "Outcome lines"). A zero difference
/// writes nothing; a key with nothing issued before is `new`; any other difference is an `adjustment`
/// that refers to the lines it corrects.
public enum OutcomeLineDraft {
    /// What is owed for one key as of the period's last day.
    public struct Owed: Hashable, Sendable {
        public var key: LedgerKey
        public var earnedBy: ProviderID
        /// Nil for a cohort's share: a cohort has no band.
        public var band: Band?
        public var achievedOn: Day
        public var dueOn: Day
        public var amount: Money
        public var reason: String
        /// The run's line was cut by a cap.
        public var capped = false

        public init(key: LedgerKey, earnedBy: ProviderID, band: Band?, achievedOn: Day, dueOn: Day, amount: Money, reason: String,
                    capped: Bool = false) {
            self.key = key; self.earnedBy = earnedBy; self.band = band; self.achievedOn = achievedOn; self.dueOn = dueOn
            self.amount = amount; self.reason = reason; self.capped = capped
        }

        /// What the latest issued line for a key says, for a key the run no longer owes.
        init?(issued line: IssuedLedger.Latest, key: LedgerKey) {
            guard line.band != nil || key.component == .cohort, let achievedOn = line.achievedOn, let dueOn = line.dueOn else { return nil }
            self.init(key: key, earnedBy: line.earnedBy ?? key.payee, band: line.band, achievedOn: achievedOn, dueOn: dueOn,
                      amount: .zero, reason: "")
        }

        /// A run's payable or capped line.
        public init(_ line: Entitlement) {
            self.init(key: LedgerKey(payee: line.providerID, clientID: line.clientID, outcomeID: line.outcomeID, part: line.part),
                      earnedBy: line.earnedBy, band: line.band, achievedOn: line.achievedOn, dueOn: line.dueOn, amount: line.amount,
                      reason: line.reason, capped: line.status == .capped)
        }
    }

    /// What an upheld dispute, or a line found wrong by verification, settles a key at, whatever the run says.
    public struct Override: Hashable, Sendable {
        public var amount: Money
        public var reason: String
        /// The component of the line that settles the key: nil for the key's own (a dispute's);
        /// `verification` for a line found wrong, whose reversal keeps the override's reason as it is.
        public var component: StatementLine.Component?
        public init(amount: Money, reason: String, component: StatementLine.Component? = nil) {
            self.amount = amount; self.reason = reason; self.component = component
        }
    }

    /// A line before it has its statement and number.
    public struct Draft: Hashable, Sendable {
        public var key: LedgerKey
        /// The line's component: the key's, or `verification` for a reversal by verification.
        public var component: StatementLine.Component
        public var earnedBy: ProviderID
        public var band: Band?
        public var achievedOn: Day?
        public var dueOn: Day?
        public var kind: StatementLine.Kind
        public var amount: Money
        public var reason: String
        public var refersTo: [LineReference]
    }

    /// - Parameters:
    ///   - run: the contract's entitlements as of the period's last day, seeing the data the statement pins.
    ///   - attachments: the attachment fees and cohort shares owed as of that day (`AttachmentFees`,
    ///     `CohortOutcomes`).
    ///   - issued: every line issued for the contract before this period.
    ///   - overrides: keys settled by upheld disputes and by lines found wrong in a verification sample.
    ///   - why: for a key no longer owed, why, in the engine's words (`OutcomeTrace`); nil when unknown.
    /// - Returns: the drafts in key order.
    public static func drafts(run: [Entitlement], attachments: [Owed] = [], issued: IssuedLedger, asOf: Day,
                              overrides: [LedgerKey: Override] = [:], why: (LedgerKey) -> String? = { _ in nil }) -> [Draft] {
        // Each owed key is checked against what was issued and taken off `unsettled`; what is left there
        // is no longer owed. Only the keys whose amount changed are kept, and sorted: at national scale
        // nearly every key is unchanged, so no dictionary of everything owed is built.
        var unsettled = IssuedLedger.Unsettled(issued)
        var owed: [LedgerKey: Owed] = [:]
        var changed: [(LedgerKey, Money)] = []
        func settle(_ item: Owed) {
            var item = item
            if let override = overrides[item.key] { item.amount = override.amount; item.reason = override.reason }
            let difference = item.amount - (unsettled.take(item.key) ?? .zero)
            guard difference != .zero else { return }
            owed[item.key] = item
            changed.append((item.key, difference))
        }
        for line in run where line.status != .pending && line.dueOn <= asOf { settle(Owed(line)) }
        for fee in attachments where fee.dueOn <= asOf { settle(fee) }
        for (key, override) in overrides where unsettled.contains(key) {
            // An upheld dispute of a key the run no longer owes: settled at the dispute's amount.
            guard var item = issued[key].flatMap({ Owed(issued: $0.latest, key: key) }) else { continue }
            item.amount = override.amount
            item.reason = override.reason
            settle(item)
        }
        for (key, total) in unsettled.remaining where total != .zero { changed.append((key, -total)) }
        var drafts: [Draft] = []
        for (key, difference) in changed.sorted(by: { $0.0 < $1.0 }) {
            let now = owed[key]
            let before = issued[key]
            let component = overrides[key]?.component ?? key.component   // a dispute's adjustment keeps the key's own
            let line = Draft(key: key, component: component, earnedBy: now?.earnedBy ?? before?.latest.earnedBy ?? key.payee,
                             band: now?.band ?? before?.latest.band, achievedOn: now?.achievedOn ?? before?.latest.achievedOn,
                             dueOn: now?.dueOn ?? before?.latest.dueOn, kind: before == nil ? .new : .adjustment,
                             amount: difference, reason: now.map { $0.reason } ?? "", refersTo: before?.lines ?? [])
            // A reversal by verification says why in its own words: the finding.
            if let override = overrides[key], override.component == .verification {
                var reversal = line
                reversal.reason = override.reason
                drafts.append(reversal)
                continue
            }
            drafts.append(before.map { withCause(line, now: now, before: $0.latest, asOf: asOf, why: now == nil ? why(key) : nil) } ?? line)
        }
        return drafts
    }

    /// An adjustment's cause, from what changed between the line issued last and what is owed now.
    static func withCause(_ draft: Draft, now: Owed?, before: IssuedLedger.Latest, asOf: Day, why: String?) -> Draft {
        var draft = draft
        let subject = switch draft.key.component {
        case .attachment: "the attachment fee"
        case .cohort: "\(draft.key.outcomeID) cohort \(draft.key.part)"
        default: "\(draft.key.outcomeID) part \(draft.key.part)"
        }
        guard let now else {
            draft.reason = "no longer owed as of \(asOf): " + (why ?? "the data now known no longer shows "
                + "\(subject) achieved on \(before.achievedOn.map(\.description) ?? "its day")")
            return draft
        }
        if draft.amount == now.amount {
            draft.reason = "owed again as of \(asOf) (" + now.reason + ")"
            return draft
        }
        var changes: [String] = []
        if let band = before.band, let nowBand = now.band, band != nowBand { changes.append("band \(band) became band \(nowBand)") }
        if let day = before.achievedOn, day != now.achievedOn { changes.append("achieved on \(now.achievedOn), not \(day)") }
        if now.capped { changes.append("cut by a cap") }
        if changes.isEmpty { changes.append("the amount owed is now \(now.amount)") }
        draft.reason = changes.joined(separator: "; ") + " (" + now.reason + ")"
        return draft
    }
}
