import PbRCore

/// A proof as text (`pbr proof` on the terminal, and the web's proofing page): what was proofed, the
/// profiles paid least, and the one paid most for contrast.
public enum ProofText {
    public static func render(_ result: FrameworkProof.Result, show: Int) -> String {
        let earnings = result.earnings
        var lines = [
            "\(result.contract.id): \(earnings.count) profiles proofed, journeys starting \(result.start), run as of \(result.asOf); "
                + "rates: \(result.ratesSource).",
            "The \(min(show, earnings.count)) profiles paid least, by \(result.order == .expected ? "expected earning" : "the most a provider can earn"):",
            header,
        ]
        lines += earnings.prefix(show).map(row)
        if earnings.count > show, let last = earnings.last {
            lines.append("   ...")
            lines.append(row(last))
        }
        return lines.joined(separator: "\n")
    }

    static let header = column("rank", 4, right: true) + "  " + column("substances", 16) + "  " + column("offending", 9) + "  "
        + column("injecting", 9) + "  " + column("housing", 7) + "  " + column("work", 7) + "  " + column("band", 4, right: true)
        + "  " + column("most", 11, right: true) + "  " + column("expected", 11, right: true)

    static func row(_ earning: ProfileEarning) -> String {
        let p = earning.profile
        return column(String(earning.rank), 4, right: true) + "  " + column(p.substancesLabel, 16) + "  "
            + column(p.offending ? "yes" : "no", 9) + "  " + column(p.injecting ? "yes" : "no", 9) + "  "
            + column(p.housingProblem ? "problem" : "housed", 7) + "  " + column(p.inWork ? "in work" : "no", 7) + "  "
            + column(p.band.description, 4, right: true) + "  " + column(earning.most.sterling, 11, right: true) + "  "
            + column(earning.expected.sterling, 11, right: true)
    }

    static func column(_ text: String, _ width: Int, right: Bool = false) -> String {
        let pad = String(repeating: " ", count: max(0, width - text.count))
        return right ? pad + text : text + pad
    }
}
