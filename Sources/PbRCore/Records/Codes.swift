/// The code lists of the extract format (DOMAIN.md, "The extract: data in").

public enum Sex: String, Sendable, CaseIterable { case male = "M", female = "F", other = "X" }

public enum Substance: String, Sendable, CaseIterable {
    case alcohol, opiates, crack, cocaine, amphetamines, cannabis, other

    /// The TOP column that counts days of this substance in the past 28 days.
    public var topField: TopField {
        switch self {
        case .alcohol: .alcoholDays
        case .opiates: .opiatesDays
        case .crack: .crackDays
        case .cocaine: .cocaineDays
        case .amphetamines: .amphetaminesDays
        case .cannabis: .cannabisDays
        case .other: .otherDays
        }
    }
}

public enum DischargeReason: String, Sendable, CaseIterable {
    case completedDrugFree = "completed_drug_free"
    case completedAlcoholFree = "completed_alcohol_free"
    case completedOccasionalUser = "completed_occasional_user"
    case transferredNotInCustody = "transferred_not_in_custody"
    case transferredInCustody = "transferred_in_custody"
    case droppedOut = "dropped_out"
    case withdrawnByProvider = "withdrawn_by_provider"
    case retainedInCustody = "retained_in_custody"
    case declinedTreatment = "declined_treatment"
    case movedAway = "moved_away"
    case died
    case other

    /// The three codes of a successful completion (DOMAIN.md), whatever the substances presenting.
    public var isSuccessfulCompletion: Bool {
        self == .completedDrugFree || self == .completedAlcoholFree || self == .completedOccasionalUser
    }
}

public enum ReferralSource: String, Sendable, CaseIterable {
    case selfReferral = "self", gp
    case criminalJustice = "criminal_justice"
    case health
    case socialCare = "social_care"
    case other
}

public enum AssessmentReason: String, Sendable, CaseIterable { case initial, reassessment }

public enum TopStage: String, Sendable, CaseIterable {
    case start, review, exit
    case postExit = "post_exit"
}

public enum EventKind: String, Sendable, CaseIterable {
    case workActivity = "work_activity"
    case hepbDose = "hepb_dose"
    case hepbCourseComplete = "hepb_course_complete"
    case goalAgreed = "goal_agreed"
    case goalAchieved = "goal_achieved"
    case drugTestNegative = "drug_test_negative"
    case drugTestPositive = "drug_test_positive"
    case died
}

/// A tariff band, 1 (least complex) to 5 (most complex).
public struct Band: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: Int
    public init?(_ value: Int) {
        guard Band.range.contains(value) else { return nil }
        self.value = value
    }
    public static let range = 1...5
    public static let all = range.map { Band($0)! }
    public static func < (lhs: Band, rhs: Band) -> Bool { lhs.value < rhs.value }
    public var description: String { String(value) }
}
