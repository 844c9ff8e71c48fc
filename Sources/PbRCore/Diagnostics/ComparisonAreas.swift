/// Monthly figures of comparison areas, as `pbr diagnose --comparison FILE` reads them (DOMAIN.md,
/// "Diagnostics: data out"): for each measure, each area's value month by month.
public struct ComparisonAreas: Sendable, Equatable {
    public enum Measure: String, CaseIterable, Sendable {
        case referrals, starts, completions
        case completionsWithoutRepresentation = "completions_without_representation"
        case declined
        case inTreatment = "in_treatment"
    }

    private var values: [Measure: [String: [StatementPeriod: Double]]] = [:]

    public init() {}

    /// Nil where the area has no figure for the month.
    public func value(_ measure: Measure, area: String, month: StatementPeriod) -> Double? {
        values[measure]?[area]?[month]
    }

    /// Whether a figure is already there (a file giving one twice is refused).
    public func contains(_ measure: Measure, area: String, month: StatementPeriod) -> Bool {
        value(measure, area: area, month: month) != nil
    }

    public mutating func set(_ measure: Measure, area: String, month: StatementPeriod, to value: Double) {
        values[measure, default: [:]][area, default: [:]][month] = value
    }

    /// Every figure of one area (an area's own, from `ComparisonFigures`).
    public mutating func set(area: String, _ figures: [Measure: [StatementPeriod: Int]]) {
        for (measure, months) in figures {
            for (month, value) in months { set(measure, area: area, month: month, to: Double(value)) }
        }
    }

    /// The months an area has a figure of the measure for, in order.
    public func months(_ measure: Measure, area: String) -> [StatementPeriod] { (values[measure]?[area] ?? [:]).keys.sorted() }

    /// The areas with any figure of the measure, in id order.
    public func areas(_ measure: Measure) -> [String] { (values[measure] ?? [:]).keys.sorted() }

    /// Every area named, in id order.
    public var allAreas: [String] { Set(values.values.flatMap(\.keys)).sorted() }
}
