import PbRCore

/// The proofing file (`pbr proof --csv`): one row per profile, paid least first. Amounts are pounds with
/// two decimals, flags `Y`/`N`; `paid_for` lists the outcomes the profile can be paid for, by id.
public enum ProofCSV {
    public static let header = ["substances", "offending", "injecting", "housing_problem", "in_work", "band", "most",
                                "expected", "rank", "paid_for"]

    public static func render(_ earnings: [ProfileEarning]) -> String {
        var writer = CSVWriter(header: header, expectedBytes: earnings.count * 120)
        for earning in earnings {
            let profile = earning.profile
            writer.append([
                profile.substancesLabel, flag(profile.offending), flag(profile.injecting), flag(profile.housingProblem),
                flag(profile.inWork), profile.band.description, earning.most.description, earning.expected.description,
                String(earning.rank), earning.outcomes.map(\.id.rawValue).joined(separator: " "),
            ])
        }
        return writer.text
    }

    private static func flag(_ value: Bool) -> String { value ? "Y" : "N" }
}
