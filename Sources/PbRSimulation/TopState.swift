import PbRCore

/// The answers a client would give at a TOP interview, carried from one interview to the next so that
/// reviews improve (or relapse) from where the client was.
struct TopState {
    /// Days of use in the past 28, by `Substance.slot`; and the baseline each improvement is measured from.
    private(set) var days: [Int32]
    private var baselineDays: [Int32]
    private(set) var alcoholUnits: Int32 = 0
    private var baselineUnits: Int32 = 0
    private(set) var injected: Int32 = 0
    private var baselineInjected: Int32 = 0
    private(set) var sharedEquipment: Int32 = 0
    private(set) var shoplifting: Int32 = 0, selling: Int32 = 0
    private var baselineShoplifting: Int32 = 0, baselineSelling: Int32 = 0
    private(set) var theftVehicle: Int32 = 0, otherTheft: Int32 = 0, fraud: Int32 = 0, violence: Int32 = 0
    private(set) var psychological: Int32, physical: Int32, qualityOfLife: Int32
    private(set) var paidWork: Int32 = 0, education: Int32 = 0
    private(set) var acuteHousing: Int32, evictionRisk: Int32

    /// The state at the client's first assessment for treatment.
    init(_ profile: ClientProfile, _ rng: inout SplitMix64) {
        days = Array(repeating: 0, count: 7)
        baselineDays = days
        psychological = rng.int32(4...13)
        physical = rng.int32(5...14)
        qualityOfLife = rng.int32(3...12)
        acuteHousing = profile.acuteHousing ? 1 : 0
        evictionRisk = profile.evictionRisk ? 1 : 0
        if profile.employed { paidWork = rng.int32(8...20) }
        if rng.chance(0.05) { education = rng.int32(2...12) }
        if !profile.substances.contains(.alcohol) && rng.chance(0.3) {
            days[Substance.alcohol.slot] = rng.int32(1...8)
            baselineDays[Substance.alcohol.slot] = days[Substance.alcohol.slot]
            alcoholUnits = rng.int32(2...8)
            baselineUnits = alcoholUnits
        }
        if profile.offends {
            shoplifting = rng.int32(0...16)
            selling = rng.chance(0.3) ? rng.int32(1...12) : 0
            otherTheft = rng.chance(0.3) ? 1 : 0
            fraud = rng.chance(0.1) ? 1 : 0
            theftVehicle = rng.chance(0.05) ? 1 : 0
            violence = rng.chance(0.15) ? 1 : 0
            baselineShoplifting = shoplifting
            baselineSelling = selling
        }
        present(profile, &rng)
    }

    /// At an episode start that is not a transfer: every presenting substance is in use again, so the
    /// baseline shows it (a re-presenting client has relapsed).
    mutating func present(_ profile: ClientProfile, _ rng: inout SplitMix64) {
        for (rank, substance) in profile.substances.enumerated() {
            let slot = substance.slot
            if days[slot] == 0 { days[slot] = Int32(rng.int(substance.baselineDays(primary: rank == 0))) }
            baselineDays[slot] = days[slot]
        }
        if profile.substances.contains(.alcohol) {
            let primary = profile.substances[0] == .alcohol
            alcoholUnits = max(alcoholUnits, rng.int32(primary ? 12...40 : 4...14))
            baselineUnits = alcoholUnits
        }
        if profile.injects {
            injected = max(injected, min(injectableDays, rng.int32(6...28)))
            sharedEquipment = rng.chance(0.25) ? 1 : 0
        }
        baselineInjected = injected
        qualityOfLife = max(0, qualityOfLife - rng.int32(0...3))
    }

    /// One review: with the client's responsiveness things improve, sometimes they relapse.
    mutating func review(_ profile: ClientProfile, _ rng: inout SplitMix64, responsiveness: Double? = nil) {
        let improving = rng.chance(responsiveness ?? profile.responsiveness)
        let relapsing = !improving && rng.chance(0.2)
        for substance in profile.substances {
            let slot = substance.slot, baseline = max(1, baselineDays[slot])
            if improving, days[slot] > 0 {
                if substance == .alcohol {
                    days[slot] = rng.chance(0.4) ? 0 : rng.int32(0...(baseline / 2))
                } else {
                    days[slot] = rng.chance(0.55) ? 0 : days[slot] / 2
                }
            } else if relapsing {
                days[slot] = max(days[slot], rng.int32((baseline / 2 + 1)...baseline))
            } else if days[slot] > 0 {
                days[slot] = min(28, max(1, days[slot] + rng.int32(-3...3)))
            }
        }
        followUse(improving: improving, relapsing: relapsing, &rng)
        let step: Int32 = improving ? rng.int32(1...4) : (relapsing ? -rng.int32(2...5) : rng.int32(-1...1))
        qualityOfLife = score(qualityOfLife + step)
        psychological = score(psychological + (improving ? rng.int32(0...3) : step / 2))
        physical = score(physical + (improving ? rng.int32(0...2) : step / 2))
        if improving {
            if acuteHousing == 1 && rng.chance(0.4) { acuteHousing = 0 }
            if evictionRisk == 1 && rng.chance(0.4) { evictionRisk = 0 }
        } else if relapsing && rng.chance(0.1) {
            acuteHousing = 1
        }
        if paidWork == 0 {
            if rng.chance(improving ? 0.1 : 0.02) { paidWork = rng.int32(4...20) }
        } else if relapsing && rng.chance(0.3) {
            paidWork = 0
        }
        if education == 0 {
            if rng.chance(improving ? 0.06 : 0.01) { education = rng.int32(2...12) }
        } else if rng.chance(0.3) {
            education = 0
        }
    }

    /// The exit interview: a successful completion leaves the presenting substances behind (or, for
    /// an occasional user, nearly so); any other discharge is a review that goes worse than usual.
    mutating func exit(_ reason: DischargeReason, _ profile: ClientProfile, _ rng: inout SplitMix64) {
        switch reason {
        case .completedDrugFree, .completedAlcoholFree, .completedOccasionalUser:
            for substance in profile.substances {
                days[substance.slot] = reason == .completedOccasionalUser && substance != .alcohol ? rng.int32(0...4) : 0
            }
            followUse(improving: true, relapsing: false, &rng)
            injected = 0
            sharedEquipment = 0
            qualityOfLife = score(qualityOfLife + rng.int32(0...3))
        case .transferredNotInCustody, .transferredInCustody:
            review(profile, &rng)
        default:
            review(profile, &rng, responsiveness: profile.responsiveness / 3)
        }
    }

    /// Alcohol units, injecting and offending follow the days of use.
    private mutating func followUse(improving: Bool, relapsing: Bool, _ rng: inout SplitMix64) {
        let alcoholDays = days[Substance.alcohol.slot], alcoholBaseline = baselineDays[Substance.alcohol.slot]
        if alcoholDays == 0 {
            alcoholUnits = 0
        } else if alcoholBaseline > 0 {
            let scaled = baselineUnits * (alcoholDays + alcoholBaseline) / (2 * alcoholBaseline)
            alcoholUnits = max(1, scaled + rng.int32(-2...2))
        }
        if injectableDays == 0 || (improving && rng.chance(0.5)) {
            injected = 0
        } else if relapsing {
            injected = max(injected, baselineInjected)
        }
        injected = min(injected, injectableDays)
        if injected == 0 || improving { sharedEquipment = 0 }
        if improving {
            shoplifting /= 2
            selling /= 2
            if rng.chance(0.5) { otherTheft = 0; fraud = 0; theftVehicle = 0; violence = 0 }
        } else if relapsing {
            shoplifting = max(shoplifting, baselineShoplifting)
            selling = max(selling, baselineSelling)
        }
    }

    private var injectableDays: Int32 {
        max(days[Substance.opiates.slot], days[Substance.crack.slot], days[Substance.amphetamines.slot],
            days[Substance.cocaine.slot])
    }

    private func score(_ value: Int32) -> Int32 { min(20, max(0, value)) }
}

extension Substance {
    /// A fixed position for per-substance arrays; a switch, because this runs for every TOP.
    var slot: Int {
        switch self {
        case .alcohol: 0
        case .opiates: 1
        case .crack: 2
        case .cocaine: 3
        case .amphetamines: 4
        case .cannabis: 5
        case .other: 6
        }
    }

    /// Days of use in the 28 before a start, for a primary or a secondary substance.
    func baselineDays(primary: Bool) -> ClosedRange<Int> {
        switch self {
        case .opiates: 12...28
        case .crack: 3...20
        case .alcohol: primary ? 14...28 : 3...14
        case .cocaine: primary ? 6...20 : 2...10
        case .amphetamines: 6...20
        case .cannabis: primary ? 12...28 : 4...20
        case .other: 2...10
        }
    }
}
