/// Achieved when no counted offence is dated within `window` after the clock start (the journey's
/// start). An offence in the window resets the clock to its day and the window is counted afresh. The
/// result waits for police data: it is due `dataLag` after the window's last day.
public struct NoOffending: Sendable {
    public enum Counted: String, Sendable, CaseIterable { case all, trigger }

    public var window: Period
    public var dataLag: Period
    public var counted: Counted
    /// Eligible when a counted offence is dated in this many days before the journey's start...
    public var lookbackDays: Int
    /// ...or the first episode's referral source is one of these.
    public var referralSources: [ReferralSource]

    public init(window: Period, dataLag: Period = .months(10), counted: Counted = .all, lookbackDays: Int = 365,
                referralSources: [ReferralSource] = [.criminalJustice]) {
        self.window = window; self.dataLag = dataLag; self.counted = counted
        self.lookbackDays = lookbackDays; self.referralSources = referralSources
    }

    func evaluate(_ context: JourneyContext) -> RuleOutcome {
        let offences = context.history.offences
            .filter { counted == .all || $0.trigger == true }
            .sorted { a, b in a.offenceOn != b.offenceOn ? a.offenceOn < b.offenceOn : a.recordID < b.recordID }
        let start = context.journey.start
        let lookbackFrom = start.adding(days: -lookbackDays)
        let history = offences.first { $0.offenceOn >= lookbackFrom && $0.offenceOn < start }
        let referred = context.journey.referralSource.map(referralSources.contains) ?? false
        guard history != nil || referred else {
            return .notEligible("no offence in the look-back and not referred from an eligible source")
        }
        var clock = start
        var resets: [Offence] = []
        var windowEnd = window.after(clock)
        while let offence = offences.first(where: { $0.offenceOn > clock && $0.offenceOn <= windowEnd }) {
            resets.append(offence)
            clock = offence.offenceOn
            windowEnd = window.after(clock)
        }
        guard windowEnd <= context.asOf else { return .running("the window has not ended") }
        let due = dataLag.after(windowEnd)
        let state: Part.State = due <= context.asOf ? .due : .waiting("waiting for police data until \(due)")
        var evidence = "no offence from \(clock.adding(days: 1)) to \(windowEnd)"
        if !resets.isEmpty {
            evidence += "; clock reset by offence " + resets.map { "\($0.recordID) on \($0.offenceOn)" }.joined(separator: ", ")
        }
        return .achieved(.whole(on: windowEnd, by: context.providerOpen(on: windowEnd), evidence: evidence,
                                dueOn: due, state: state))
    }
}
