extension ProofClient {
    /// The baseline TOP of the profile: 20 days of each presenting substance (and 30 units of alcohol a
    /// drinking day), 12 injecting days when injecting, 6 days of shoplifting when offending, scores of
    /// 8, 16 days of paid work when in work, an acute housing problem when it has one. Every other
    /// answer is 0 or N: an empty answer would satisfy no condition.
    var baseline: TopValues {
        var values = TopValues()
        for field in TopField.allCases { values[field] = field.scale == .score ? 8 : 0 }
        for substance in profile.substances { values[substance.topField] = 20 }
        if profile.substances.contains(.alcohol) { values[.alcoholUnits] = 600 }
        if profile.injecting { values[.injectedDays] = 12 }
        if profile.offending { values[.shopliftingDays] = 6 }
        if profile.inWork { values[.paidWorkDays] = 16 }
        if profile.housingProblem { values[.acuteHousing] = 1 }
        return values
    }

    /// A review and exit TOP that keeps every gain: no use, no injecting, no offending, the best scores,
    /// work and education, no housing problem and no risk of eviction.
    var recovered: TopValues {
        var values = TopValues()
        for field in TopField.allCases { values[field] = field.scale == .score ? 20 : 0 }
        values[.paidWorkDays] = 20
        values[.educationDays] = 8
        return values
    }
}
