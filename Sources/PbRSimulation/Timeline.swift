import PbRCore

/// The fixed calendar of the synthetic extract: the reference contract's span (2012-04-01 ..
/// 2016-03-31) and the moments at which each batch became known.
enum Timeline {
    /// First referrals fall in this span, so that some journeys start before the contract does.
    static let firstReferrals = Day(year: 2011, month: 10, day: 1)!...Day(year: 2015, month: 6, day: 30)!
    /// The treatment extract holds facts dated up to the contract's `outcomes_until`.
    static let treatmentCutoff = Day(year: 2016, month: 3, day: 31)!
    /// The treatment extract carries offences dated up to here; later ones arrive with the police.
    static let treatmentOffencesUntil = Day(year: 2015, month: 6, day: 30)!
    /// The police extract holds only offences already proven when it was cut.
    static let policeProvenBy = Day(year: 2016, month: 7, day: 5)!
    /// Episodes starting from here may be left open by chance (long stays, "parking").
    static let openByChanceFrom = Day(year: 2014, month: 1, day: 1)!

    static let treatmentKnownAt = Moment(iso: "2016-04-05T09:00:00+01:00")!
    static let policeKnownAt = Moment(iso: "2016-07-06T09:00:00+01:00")!
    static let correctionsKnownAt = Moment(iso: "2016-08-03T09:00:00+01:00")!
}
