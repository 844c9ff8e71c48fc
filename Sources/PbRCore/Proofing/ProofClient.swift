/// The synthetic client of a profile who reaches everything a contract could pay for: TOP reviews that
/// keep every gain, a successful completion with no re-presentation, no offence, every event an event
/// outcome names. The engine then decides what of it the contract pays; this type decides nothing.
///
/// The journey: assessed and started on `start` (referred by criminal justice, with an offence 30 days
/// before, when offending); baseline TOP that day; a review 3 months on; an exit TOP and a successful
/// discharge 3 months later (or the longest `min_gap` of the contract, if that is longer); events a month
/// after the start.
public struct ProofClient: Sendable {
    public let profile: ProofProfile
    public let contract: Contract
    public let start: Day

    /// - Parameters:
    ///   - contract: the version in force on `start`: it names the provider, the events and the gaps.
    ///   - start: the journey's first day, on or after the contract's start.
    public init(profile: ProofProfile, contract: Contract, start: Day) {
        precondition(start >= contract.start, "a journey before the contract's start earns nothing")
        self.profile = profile; self.contract = contract; self.start = start
    }

    public var review: Day { start.adding(months: 3) }

    /// The exit TOP's and the discharge's day: at least 3 months and every `min_gap` after the review.
    public var end: Day {
        contract.outcomes.compactMap { rule -> Day? in
            if case .topSustained(let top) = rule.kind { return top.minGap.after(review) }
            return nil
        }.reduce(review.adding(months: 3), max)
    }

    /// A day on which every window of every outcome has closed and its data lag passed, so no line of
    /// this client is pending: the latest of the contract's `outcomes_until`, each completion's last
    /// instalment and each offending window's end plus its lag, and one day more.
    public func settledOn(outcomesUntil: Day) -> Day {
        var last = max(outcomesUntil, end)
        for rule in contract.outcomes {
            switch rule.kind {
            case .completion(let completion):
                for instalment in completion.instalments { last = max(last, instalment.after.after(end)) }
            case .noOffending(let rule):
                last = max(last, rule.dataLag.after(rule.window.after(start)))
            case .topSustained, .event:
                break
            }
        }
        return last.adding(days: 1)
    }

    /// The client's records.
    public func history(_ id: ClientID) -> ClientHistory {
        var history = ClientHistory(clientID: id)
        history.client = Client(id: id, sex: .other, birthYear: start.year - 35)
        func record(_ n: Int) -> RecordID { RecordID(String(n)) }
        history.assessments = [Assessment(recordID: record(1), clientID: id, assessedOn: start, band: profile.band,
                                          assessor: "proof", reason: .initial)]
        let episode = record(2)
        history.episodes = [Episode(
            recordID: episode, clientID: id, providerID: provider, referralOn: start, startOn: start, endOn: end,
            dischargeReason: successfulReason, substances: profile.substances,
            referralSource: profile.offending ? .criminalJustice : .selfReferral)]
        history.tops = [
            TopReview(recordID: record(3), clientID: id, episodeID: episode, on: start, stage: .start, values: baseline),
            TopReview(recordID: record(4), clientID: id, episodeID: episode, on: review, stage: .review, values: recovered),
            TopReview(recordID: record(5), clientID: id, episodeID: episode, on: end, stage: .exit, values: recovered),
        ]
        if profile.offending {
            history.offences = [Offence(recordID: record(6), clientID: id, offenceOn: start.adding(days: -30),
                                        provenOn: start.adding(days: -10), trigger: true, category: "shoplifting")]
        }
        history.events = eventKinds.enumerated().map { index, kind in
            Event(recordID: record(7 + index), clientID: id, on: start.adding(months: 1), kind: kind)
        }
        return history
    }

    /// The contract's first covered provider, or a made-up one where it covers every provider.
    var provider: ProviderID { contract.providers.min() ?? ProviderID("PROOF") }

    /// The first discharge reason the contract's completions count as a success for these substances.
    var successfulReason: DischargeReason {
        for rule in contract.outcomes {
            guard case .completion(let completion) = rule.kind else { continue }
            if let success = completion.successes.first(where: { !$0.unlessPresenting.contains(where: profile.substances.contains) }) {
                return success.reason
            }
        }
        return .completedDrugFree
    }

    /// Every event kind an event outcome counts (never `died`), in a fixed order.
    var eventKinds: [EventKind] {
        var kinds: Set<EventKind> = []
        for rule in contract.outcomes { if case .event(let event) = rule.kind { kinds.formUnion(event.events) } }
        kinds.remove(.died)
        return EventKind.allCases.filter(kinds.contains)
    }
}
