import PbRCore

/// A synthetic area for proving the diagnostics: providers taking referrals month by month from five
/// years before a contract's start, each client assessed, started (or not), reviewed, tested, completed or
/// discharged, re-presenting and dying at steady rates; and one harm planted at one provider from the
/// start on. Not the cohort model a contract is priced on (that is issue 13's), nor the edge-case extract
/// `pbr generate` writes: its rates are round figures that make the baseline steady and the harm clear.
public struct PlantedHarmArea: Sendable {
    public var providers = ["P01", "P02", "P03", "P04"]
    /// Referrals a month to each provider.
    public var referralsPerMonth = 40
    public var contractStart = Day(year: 2012, month: 4, day: 1)!
    /// The last day simulated: the run's as-of day.
    public var through = Day(year: 2012, month: 6, day: 30)!
    public var harm = PlantedHarm.none
    /// The provider the harm is planted at.
    public var harmAt = "P02"
    /// The day the harm begins: the contract's start, unless a test plants it earlier (a provider whose
    /// deaths have always been high).
    public var harmFrom: Day?
    public var seed: UInt64 = 1
    /// Whether complex clients complete less often (45% of leavers in band 1, 10 points fewer a band);
    /// off, every band completes alike, as the calibration tables were measured.
    public var completionsByBand = false
    /// When a review falls due: the area's reviews come every 21 to 120 days, so one is overdue 3 months
    /// after the last. A contract diagnosing the area should state the same (`Contract.reviewsDueEvery`).
    public var reviewsDueEvery = Period.months(3)

    public init() {}

    /// Every client's records, client by client.
    public func records() -> [[Record]] {
        // A generator for each month's referrals and one for each client, so that a later `through`
        // adds to the same area rather than drawing another.
        var clients: [[Record]] = []
        // Five years before the start: with 10% leaving a month, the numbers in treatment have settled
        // long before the baseline's first month, so the baseline is steady and only the harm changes.
        var month = contractStart.adding(months: -60)
        while month <= through {
            var random = SplitMix64(seed: seed ^ (UInt64(bitPattern: Int64(month.ordinal)) &* 0x9E37_79B9_7F4A_7C15))
            for provider in providers {
                for _ in 0..<referrals(&random) {
                    let number = clients.count + 1
                    var own = SplitMix64(seed: seed &+ UInt64(number) &* 0xBF58_476D_1CE4_E5B9)
                    clients.append(client(number: number, provider: provider, referredIn: month, &own))
                }
            }
            month = month.adding(months: 1)
        }
        return clients
    }

    /// The clients' histories, as a run would load them.
    public func histories() -> [ClientHistory] {
        records().map(ClientHistory.init(records:))
    }

    private func referrals(_ random: inout SplitMix64) -> Int {
        // Poisson by its normal approximation: 40 a month is well past where it matters.
        let mean = Double(referralsPerMonth)
        return max(0, Int((mean + mean.squareRoot() * normal(&random)).rounded()))
    }

    private func planted(_ provider: String, on day: Day) -> PlantedHarm {
        provider == harmAt && day >= (harmFrom ?? contractStart) ? harm : .none
    }

    private func client(number: Int, provider: String, referredIn month: Day, _ random: inout SplitMix64) -> [Record] {
        let id = ClientID(String(format6(number)))
        let referral = month.adding(days: random.int(0...27))
        var band = Band([1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5][random.int(0...10)])!
        if case .complexCaseload(let share) = planted(provider, on: referral), random.chance(share) { band = Band(5)! }
        let substances: [Substance] = random.chance(0.6) ? [.opiates] : (random.chance(0.5) ? [.alcohol] : [.cannabis])
        // Three in ten are assessed 1-14 days before their referral, so that about 9% of starts wait more
        // than three weeks from the assessment. Drawn apart, so that the client's other draws are as before.
        var assessing = SplitMix64(seed: (seed &+ UInt64(number) &* 0xBF58_476D_1CE4_E5B9) ^ 0x94D0_49BB_1331_11EB)
        let assessedOn = referral.adding(days: assessing.chance(0.3) ? -assessing.int(1...14) : 0)
        var records: [Record] = [.client(Client(id: id, sex: random.chance(0.7) ? .male : .female, birthYear: random.int(1960...1992))),
                                 .assessment(Assessment(recordID: RecordID("A\(number)"), clientID: id, assessedOn: assessedOn, band: band,
                                                        assessor: "LASAR", reason: .initial))]
        var startOn = referral.adding(days: random.int(0...20))
        if case .slowStarts(let days) = planted(provider, on: referral) { startOn = startOn.adding(days: days) }
        var startChance = 0.8
        switch planted(provider, on: startOn) {
        case .startsFall(let oddsRatio): startChance = oddsRatio * 0.8 / (0.2 + oddsRatio * 0.8)
        case .creaming(let kept) where band.value >= 4: startChance *= kept
        default: break
        }
        guard startOn <= through, random.chance(startChance) else { return records }
        var journey = Journey(client: id, number: number, provider: ProviderID(provider), substances: substances, band: band)
        journey.treat(from: startOn, referral: referral, area: self, &random)
        records += journey.records
        return records
    }

    private func format6(_ number: Int) -> String {
        let digits = String(number)
        return "C" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    func normal(_ random: inout SplitMix64) -> Double {
        // Irwin-Hall: twelve uniforms less six, close enough to normal for counts of referrals.
        (0..<12).reduce(0.0) { sum, _ in sum + random.double(0..<1) } - 6
    }

    /// One client's time in treatment: episodes, TOPs, drug tests, discharge, re-presentation, death.
    struct Journey {
        let client: ClientID
        let number: Int
        let provider: ProviderID
        let substances: [Substance]
        let band: Band
        var records: [Record] = []
        var serial = 0

        init(client: ClientID, number: Int, provider: ProviderID, substances: [Substance], band: Band) {
            self.client = client; self.number = number; self.provider = provider; self.substances = substances; self.band = band
        }

        mutating func nextID(_ prefix: String) -> RecordID {
            serial += 1
            return RecordID("\(prefix)\(number)-\(serial)")
        }

        func top(_ abstinent: Bool, _ random: inout SplitMix64) -> TopValues {
            var values = TopValues()
            for field in TopField.allCases where field.scale == .days { values[field] = 0 }
            for substance in substances { values[substance.topField] = abstinent ? 0 : Int32(random.int(4...28)) }
            values[.qualityOfLife] = Int32(random.int(6...14))
            return values
        }

        /// Treats from `start` at `provider`; re-presents after a completion with a chance; may die.
        mutating func treat(from start: Day, referral: Day, area: PlantedHarmArea, _ random: inout SplitMix64) {
            var start = start, referral = referral, episodes = 0
            while episodes < 3, start <= area.through {
                episodes += 1
                let episode = nextID("E")
                records.append(.top(TopReview(recordID: nextID("T"), clientID: client, episodeID: episode, on: start, stage: .start,
                                              values: top(false, &random))))
                // Monthly: leave with a chance of 10% (how as below); die with a chance rising by band.
                var day = start, nextReview = start.adding(days: random.int(21...120)), end: Day?, reason: DischargeReason?, died = false
                var lastTop = start
                while end == nil {
                    let monthEnd = day.adding(months: 1)
                    while nextReview <= monthEnd, nextReview <= area.through {
                        review(on: nextReview, episode: episode, area: area, &random)
                        lastTop = nextReview
                        let gap: Int
                        if case .reviewBunching(let share) = area.planted(provider.rawValue, on: nextReview), random.chance(share) {
                            gap = random.int(28...31)
                        } else {
                            gap = random.int(21...120)
                        }
                        nextReview = nextReview.adding(days: gap)
                    }
                    day = monthEnd
                    if day > area.through { break }
                    var ratio = 1.0
                    if case .deaths(let planted) = area.planted(provider.rawValue, on: day) { ratio = planted }
                    if random.chance(0.0008 * Double(band.value) * ratio) {
                        (end, reason, died) = (day, .died, true)
                        break
                    }
                    if random.chance(0.1) {
                        end = day
                        let due = area.reviewsDueEvery.after(lastTop)
                        if case .dischargesBeforeReview(let share) = area.planted(provider.rawValue, on: day), (0...27).contains(due.days(to: day)),
                           random.chance(share) {
                            end = due.adding(days: -random.int(1...14))
                        }
                        let roll = random.int(0...99)
                        let completing = area.completionsByBand ? 45 - 10 * (band.value - 1) : 45
                        reason = roll < completing ? (substances == [.alcohol] ? .completedAlcoholFree : .completedDrugFree)
                            : roll < 80 ? .droppedOut : roll < 85 ? .declinedTreatment : .transferredNotInCustody
                    }
                }
                records.append(.episode(Episode(recordID: episode, clientID: client, providerID: provider, referralOn: referral, startOn: start,
                                                endOn: end, dischargeReason: reason, substances: substances, referralSource: .selfReferral)))
                guard let end, let reason, !died else {
                    if died { records.append(.event(Event(recordID: nextID("V"), clientID: client, on: end!, kind: .died))) }
                    return
                }
                guard reason.isSuccessfulCompletion, random.chance(0.3) else { return }
                var back = end.adding(days: random.int(1...540))
                let windowEnd = end.adding(months: 12)
                if back <= windowEnd, case .heldRepresentations(let share) = area.planted(provider.rawValue, on: windowEnd), random.chance(share) {
                    back = windowEnd.adding(days: random.int(1...28))
                }
                (start, referral) = (back, back)
            }
        }

        mutating func review(on day: Day, episode: RecordID, area: PlantedHarmArea, _ random: inout SplitMix64) {
            // Truly abstinent 30% of the time; the drug test (a week either side) says so. Self-report
            // tells the truth, but where the harm is planted it reports abstinence more often.
            let abstinent = random.chance(0.3)
            var reported = abstinent
            if case .selfReport(let to) = area.planted(provider.rawValue, on: day), !abstinent, random.chance((to - 0.3) / 0.7) { reported = true }
            records.append(.top(TopReview(recordID: nextID("T"), clientID: client, episodeID: episode, on: day, stage: .review,
                                          values: top(reported, &random))))
            let tested = day.adding(days: random.int(-7...7))
            if tested <= area.through {
                records.append(.event(Event(recordID: nextID("V"), clientID: client, on: tested,
                                            kind: abstinent ? .drugTestNegative : .drugTestPositive)))
            }
        }
    }
}
