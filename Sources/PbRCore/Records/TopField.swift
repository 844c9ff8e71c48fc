/// The answers a TOP interview records, in the column order of `top.csv`.
public enum TopField: String, Sendable, CaseIterable {
    case alcoholDays = "alcohol_days"
    case opiatesDays = "opiates_days"
    case crackDays = "crack_days"
    case cocaineDays = "cocaine_days"
    case amphetaminesDays = "amphetamines_days"
    case cannabisDays = "cannabis_days"
    case otherDays = "other_days"
    case alcoholUnits = "alcohol_units"
    case injectedDays = "injected_days"
    case sharedEquipment = "shared_equipment"
    case shopliftingDays = "shoplifting_days"
    case sellingDays = "selling_days"
    case theftVehicle = "theft_vehicle"
    case otherTheft = "other_theft"
    case fraud
    case violence
    case psychological
    case physical
    case qualityOfLife = "quality_of_life"
    case paidWorkDays = "paid_work_days"
    case educationDays = "education_days"
    case acuteHousing = "acute_housing"
    case evictionRisk = "eviction_risk"

    public enum Scale: Sendable { case days, units, score, flag }

    public var scale: Scale {
        switch self {
        case .alcoholUnits: .units
        case .sharedEquipment, .theftVehicle, .otherTheft, .fraud, .violence, .acuteHousing, .evictionRisk: .flag
        case .psychological, .physical, .qualityOfLife: .score
        default: .days
        }
    }

    /// The values this field may take: days 0..28, scores 0..20, flags 0 (N) or 1 (Y), units 0..32766.
    public var validRange: ClosedRange<Int32> {
        switch scale {
        case .days: 0...28
        case .score: 0...20
        case .flag: 0...1
        case .units: 0...32_766
        }
    }

    /// The field's position among `allCases` (a switch: this is read for every answer of every TOP).
    public var index: Int {
        switch self {
        case .alcoholDays: 0
        case .opiatesDays: 1
        case .crackDays: 2
        case .cocaineDays: 3
        case .amphetaminesDays: 4
        case .cannabisDays: 5
        case .otherDays: 6
        case .alcoholUnits: 7
        case .injectedDays: 8
        case .sharedEquipment: 9
        case .shopliftingDays: 10
        case .sellingDays: 11
        case .theftVehicle: 12
        case .otherTheft: 13
        case .fraud: 14
        case .violence: 15
        case .psychological: 16
        case .physical: 17
        case .qualityOfLife: 18
        case .paidWorkDays: 19
        case .educationDays: 20
        case .acuteHousing: 21
        case .evictionRisk: 22
        }
    }
}

/// One TOP's answers. Unknown (empty) answers are `nil`; flags are 1 for `Y` and 0 for `N`.
///
/// Held inline (a tuple of 16-bit slots, one per field), not in an array: a national extract has a
/// million and a half TOPs, and an array each would be as many allocations.
public struct TopValues: Hashable, Sendable {
    private typealias Slots = (Int16, Int16, Int16, Int16, Int16, Int16, Int16, Int16, Int16, Int16, Int16, Int16,
                               Int16, Int16, Int16, Int16, Int16, Int16, Int16, Int16, Int16, Int16, Int16, Int16)
    private static let unknown: Int16 = -1
    private var slots: Slots = (-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1)

    public init() {}

    public subscript(field: TopField) -> Int32? {
        get {
            let value = withUnsafeBytes(of: slots) { $0.load(fromByteOffset: field.index * 2, as: Int16.self) }
            return value == TopValues.unknown ? nil : Int32(value)
        }
        set {
            precondition(newValue.map { field.validRange.contains($0) } ?? true, "\(field.rawValue) out of range")
            let value = newValue.map { Int16($0) } ?? TopValues.unknown
            withUnsafeMutableBytes(of: &slots) { $0.storeBytes(of: value, toByteOffset: field.index * 2, as: Int16.self) }
        }
    }

    public static func == (lhs: TopValues, rhs: TopValues) -> Bool {
        TopField.allCases.allSatisfy { lhs[$0] == rhs[$0] }
    }

    public func hash(into hasher: inout Hasher) {
        for field in TopField.allCases { hasher.combine(self[field]) }
    }
}
