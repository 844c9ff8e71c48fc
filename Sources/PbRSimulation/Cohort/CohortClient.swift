import PbRCore

/// One client of a simulated cohort, month by month from referral: assessed, started (or not), reviewed,
/// using or abstinent, injecting, housed, working, offending, leaving, re-presenting, dying, as the model's
/// chances say.
struct CohortClient {
    /// The model's tables to draw from, made once for a whole cohort.
    struct Draws: Sendable {
        let bands: Weighted<Band>
        let presenting: Weighted<[Substance]>

        init(_ model: CohortModel) {
            bands = Weighted(Band.all.map { ($0, model.bandWeights[$0.value - 1]) })
            presenting = Weighted(model.presenting.map { ($0.substances, $0.weight) })
        }
    }

    let model: CohortModel
    let draws: Draws
    let id: ClientID
    let number: Int
    let provider: ProviderID
    let through: Day
    /// What is drawn, held as a run loads it: no records between.
    private(set) var history: ClientHistory
    private var serial = 0

    // What the client is now.
    private var substances: [Substance] = []
    private var abstinent = false
    private var injecting = false
    private var housingProblem = false
    private var inWork = false
    private var qualityOfLife: Int32 = 8
    private var offends = false
    private var vaccinated = false
    private var died = false

    init(model: CohortModel, draws: Draws, number: Int, provider: ProviderID, through: Day) {
        self.model = model; self.draws = draws; self.number = number; self.provider = provider; self.through = through
        let digits = String(number)
        id = ClientID("S" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits)
        history = ClientHistory(clientID: id)
    }

    /// The client's records, kind by kind, each kind in the order it was drawn: as an extract holds them.
    var records: [Record] {
        (history.client.map { [.client($0)] } ?? [])
            + history.assessments.map(Record.assessment) + history.episodes.map(Record.episode) + history.tops.map(Record.top)
            + history.offences.map(Record.offence) + history.events.map(Record.event) + history.claims.map(Record.claim)
    }

    private mutating func nextID(_ prefix: String) -> RecordID {
        serial += 1
        return RecordID(prefix + String(number) + "-" + String(serial))
    }

    private func chance(_ basisPoints: Int, _ random: inout SplitMix64) -> Bool { random.chance(Double(basisPoints) / 10_000) }

    mutating func live(referredOn referral: Day, _ random: inout SplitMix64) {
        let band = draws.bands.draw(&random)
        substances = draws.presenting.draw(&random)
        let criminalJustice = chance(model.criminalJusticeBasisPoints, &random)
        offends = criminalJustice || chance(model.offendedBeforeBasisPoints, &random)
        injecting = substances.contains { $0 == .opiates || $0 == .crack } && chance(model.injectingBasisPoints, &random)
        housingProblem = chance(model.housingProblemBasisPoints, &random)
        inWork = chance(model.inWorkBasisPoints, &random)
        history.client = Client(id: id, sex: random.chance(0.7) ? .male : .female, birthYear: random.int(1960...1994))
        history.assessments.append(Assessment(recordID: nextID("A"), clientID: id, assessedOn: referral, band: band, assessor: "LASAR",
                                              reason: .initial))
        if offends, !criminalJustice || random.chance(0.5) {
            let before = referral.adding(days: -random.int(30...330))
            history.offences.append(Offence(recordID: nextID("O"), clientID: id, offenceOn: before, provenOn: before.adding(days: 60),
                                            trigger: true, category: "theft"))
        }
        let source: ReferralSource = criminalJustice ? .criminalJustice : .selfReferral
        guard chance(model.startsBasisPoints, &random) else {
            history.episodes.append(Episode(recordID: nextID("E"), clientID: id, providerID: provider, referralOn: referral, startOn: nil,
                                            substances: substances, referralSource: source))
            return
        }
        var (referredOn, start) = (referral, referral.adding(days: random.int(0...model.maxWaitDays)))
        var episodes = 0
        // At most three episodes: a completion, a return within the year, and so on.
        while start <= through, !died, episodes < 3 {
            episodes += 1
            guard let completedOn = treat(from: start, referral: referredOn, source: source, &random),
                  let back = afterCompletion(completedOn, &random) else { return }
            (referredOn, start) = (back, back)
            abstinent = false
        }
    }

    /// One episode from `start`, month by month; the day it ended in a successful completion, or nil.
    private mutating func treat(from start: Day, referral: Day, source: ReferralSource, _ random: inout SplitMix64) -> Day? {
        let episode = nextID("E")
        top(.start, on: start, episode: episode, baseline: true)
        var month = 0
        var end: Day?, reason: DischargeReason?
        while end == nil {
            month += 1
            let day = start.adding(months: month)
            if day > through { break }
            if chance(model.monthly.death, &random) {
                (end, reason) = (day, .died)
                died = true
                history.events.append(Event(recordID: nextID("V"), clientID: id, on: day, kind: .died))
                break
            }
            changes(on: day, &random)
            if chance(model.monthly.leaving, &random) {
                let completes = abstinent && chance(model.monthly.completion, &random)
                reason = completes ? (substances == [.alcohol] ? .completedAlcoholFree : .completedDrugFree) : .droppedOut
                end = day
                top(.exit, on: day, episode: episode)
            } else if month % max(model.reviewEveryMonths, 1) == 0 {
                top(.review, on: day, episode: episode)
            }
        }
        history.episodes.append(Episode(recordID: episode, clientID: id, providerID: provider, referralOn: referral, startOn: start,
                                        endOn: end, dischargeReason: reason, substances: substances, referralSource: source))
        return reason?.isSuccessfulCompletion == true ? end : nil
    }

    /// The year after a completion: the day the client is back in treatment, or nil (not back, or died).
    private mutating func afterCompletion(_ completed: Day, _ random: inout SplitMix64) -> Day? {
        for month in 1...12 {
            let day = completed.adding(months: month)
            if day > through { return nil }
            if chance(model.monthly.death, &random) {
                died = true
                history.events.append(Event(recordID: nextID("V"), clientID: id, on: day, kind: .died))
                return nil
            }
            if offends, chance(model.monthly.offending, &random) { offence(on: day) }
            if chance(model.monthly.representation, &random) { return day }
        }
        return nil
    }

    /// A month in treatment: use, injecting, housing, work, vaccination, wellbeing, offending.
    private mutating func changes(on day: Day, _ random: inout SplitMix64) {
        let chances = model.monthly
        if abstinent { if chance(chances.relapse, &random) { abstinent = false } }
        else if chance(chances.abstinence, &random) { abstinent = true }
        if injecting, chance(chances.stopInjecting, &random) { injecting = false }
        if housingProblem, chance(chances.housed, &random) { housingProblem = false }
        if !inWork, chance(chances.workActivity, &random) {
            inWork = true
            history.events.append(Event(recordID: nextID("V"), clientID: id, on: day, kind: .workActivity))
        }
        if injecting, !vaccinated, chance(chances.hepatitisBCourse, &random) {
            vaccinated = true
            history.events.append(Event(recordID: nextID("V"), clientID: id, on: day, kind: .hepbCourseComplete))
        }
        if chance(chances.wellbeing, &random) { qualityOfLife = min(qualityOfLife + 2, 20) }
        if offends, chance(chances.offending, &random) { offence(on: day) }
    }

    /// A proven offence, proven 60 days after it; one not yet proven by `through` is not known.
    private mutating func offence(on day: Day) {
        guard day.adding(days: 60) <= through else { return }
        history.offences.append(Offence(recordID: nextID("O"), clientID: id, offenceOn: day, provenOn: day.adding(days: 60), trigger: true,
                                        category: "theft"))
    }

    /// A TOP with every count of days 0: each TOP starts from it.
    private static let noDays: TopValues = {
        var values = TopValues()
        for field in TopField.allCases where field.scale == .days { values[field] = 0 }
        return values
    }()

    /// A TOP of the client as now: 20 days of each presenting substance while using, 0 when abstinent.
    private mutating func top(_ stage: TopStage, on day: Day, episode: RecordID, baseline: Bool = false) {
        var values = Self.noDays
        for substance in substances { values[substance.topField] = abstinent && !baseline ? 0 : 20 }
        values[.injectedDays] = injecting ? 12 : 0
        values[.acuteHousing] = housingProblem ? 1 : 0
        values[.evictionRisk] = 0
        values[.paidWorkDays] = inWork ? 16 : 0
        values[.qualityOfLife] = qualityOfLife
        values[.psychological] = 10
        values[.physical] = 10
        history.tops.append(TopReview(recordID: nextID("T"), clientID: id, episodeID: episode, on: day, stage: stage, values: values))
    }
}
