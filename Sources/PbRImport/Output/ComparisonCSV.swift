import PbRCore

/// Comparison areas' figures as the file `pbr diagnose --comparison` reads: by area, month and measure.
public enum ComparisonCSV {
    public static func bytes(_ areas: ComparisonAreas) -> [UInt8] {
        var writer = CSVWriter(header: ComparisonFile.columns)
        for area in areas.allAreas {
            let months = Set(ComparisonAreas.Measure.allCases.flatMap { areas.months($0, area: area) }).sorted()
            for month in months {
                for measure in ComparisonAreas.Measure.allCases {
                    guard let value = areas.value(measure, area: area, month: month) else { continue }
                    writer.append([area, month.description, measure.rawValue, value == value.rounded() ? String(Int(value)) : String(value)])
                }
            }
        }
        return writer.bytes
    }
}
