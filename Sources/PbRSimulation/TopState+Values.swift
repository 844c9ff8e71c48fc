import PbRCore

extension TopState {
    /// The interview as recorded: every field set, except about 2% left unknown (empty in top.csv).
    func values(_ rng: inout SplitMix64) -> TopValues {
        var values = TopValues()
        func set(_ field: TopField, _ value: Int32) {
            values[field] = rng.next() % 50 == 0 ? nil : value
        }
        set(.alcoholDays, days[Substance.alcohol.slot])
        set(.opiatesDays, days[Substance.opiates.slot])
        set(.crackDays, days[Substance.crack.slot])
        set(.cocaineDays, days[Substance.cocaine.slot])
        set(.amphetaminesDays, days[Substance.amphetamines.slot])
        set(.cannabisDays, days[Substance.cannabis.slot])
        set(.otherDays, days[Substance.other.slot])
        set(.alcoholUnits, alcoholUnits)
        set(.injectedDays, injected)
        set(.sharedEquipment, sharedEquipment)
        set(.shopliftingDays, shoplifting)
        set(.sellingDays, selling)
        set(.theftVehicle, theftVehicle)
        set(.otherTheft, otherTheft)
        set(.fraud, fraud)
        set(.violence, violence)
        set(.psychological, psychological)
        set(.physical, physical)
        set(.qualityOfLife, qualityOfLife)
        set(.paidWorkDays, paidWork)
        set(.educationDays, education)
        set(.acuteHousing, acuteHousing)
        set(.evictionRisk, evictionRisk)
        return values
    }
}
