extension ClientHistory {
    /// The band in force on a day (DOMAIN.md's "band on a day"): the latest assessment on or before it,
    /// ties to the larger record_id; nil when none is in force.
    public func band(on day: Day) -> Band? { ClientEvaluator.band(on: day, in: assessments) }
}
