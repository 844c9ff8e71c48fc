extension RecordSchema {
    /// Calls `body` with each date the record holds and its column, in column order.
    public static func forEachDate(in record: Record, _ body: (_ column: String, _ day: Day) -> Void) {
        switch record {
        case .client: break
        case .assessment(let r): body("assessed_on", r.assessedOn)
        case .episode(let r):
            if let day = r.referralOn { body("referral_on", day) }
            if let day = r.startOn { body("start_on", day) }
            if let day = r.endOn { body("end_on", day) }
        case .top(let r): body("on", r.on)
        case .offence(let r):
            body("offence_on", r.offenceOn)
            if let day = r.provenOn { body("proven_on", day) }
        case .event(let r): body("on", r.on)
        case .claim(let r): body("achieved_on", r.achievedOn)
        }
    }
}
