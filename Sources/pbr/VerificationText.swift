import PbRCore

/// Verification samples as a person reads them at a terminal. Every figure comes from PbRCore
/// (`VerificationSample`, `ProviderFindings`); this only lays them out.
enum VerificationText {
    static func sample(_ sample: VerificationSample, drawnNow: Bool) -> String {
        let paid = sample.providers.reduce(0) { $0 + $1.paidLines }
        var text = "\(sample.contractID) \(sample.period): sample " + (drawnNow ? "drawn" : "drawn before")
            + " with seed \(sample.seed) at \(Percent.text(basisPoints: sample.rateBasisPoints)) (the stated rate), "
            + "\(sample.lines.count) of \(paid.counted("paid line"))."
        text += "\n" + row(["provider", "status", "past samples", "rate", "paid lines", "paid value", "sampled"])
        for draw in sample.providers {
            let past = draw.pastSampled == 0 ? "none" : "\(draw.pastNotConfirmed) of \(draw.pastSampled) wrong"
            text += "\n" + row([draw.provider.rawValue, draw.status.rawValue, past, Percent.text(basisPoints: draw.rateBasisPoints),
                                draw.paidLines.grouped, draw.paidValue.sterling, sample.lines(of: draw.provider).count.grouped])
        }
        text += "\nLines to verify (`pbr verify record` records each):"
        for line in sample.lines {
            text += "\n  \(line.reference)  \(line.provider) \(line.clientID) \(line.outcomeID) part \(line.part) \(line.amount.sterling): "
                + finding(line.finding)
        }
        return text
    }

    static func report(_ sample: VerificationSample) -> String {
        let open = sample.lines.filter { $0.finding == nil }.count
        var text = "\(sample.contractID) \(sample.period): sample with seed \(sample.seed) at \(Percent.text(basisPoints: sample.rateBasisPoints)); "
            + (sample.postedIn.map { "closed: the \($0) statements reverse the lines not confirmed and post the recoveries." }
                ?? "open: \(open.counted("sampled line")) without a finding (figures so far).")
        for found in sample.findings {
            let draw = found.draw
            text += "\n\n\(draw.provider) (\(draw.status.rawValue), sampled at \(Percent.text(basisPoints: draw.rateBasisPoints))): "
                + "\(draw.paidLines.counted("paid line")), \(draw.paidValue.sterling)"
            text += "\n  sampled \(found.sampled) (\(found.sampledValue.sterling)); not confirmed \(found.notConfirmed) "
                + "(\(found.notConfirmedValue.sterling)); no finding yet \(found.open)"
            text += "\n  error rate by count \(Percent.text(basisPoints: found.countRateBasisPoints)) (95% CI \(found.countInterval)); "
                + "by value \(Percent.text(basisPoints: found.valueRateBasisPoints))"
            text += "\n  lines not confirmed, reversed in full where still paid: \(found.reversed.sterling); "
                + "extrapolated to \(found.unsampledValue.sterling) unsampled: \(found.recovery.sterling)"
        }
        let wrong = sample.lines.filter { $0.finding?.isConfirmed == false }
        if !wrong.isEmpty { text += "\n\nNot confirmed:" }
        for line in wrong { text += "\n  \(line.reference)  \(line.provider) \(line.clientID) \(line.outcomeID) \(line.amount.sterling): " + finding(line.finding) }
        return text
    }

    static func finding(_ finding: VerificationSample.Finding?) -> String {
        switch finding {
        case nil: "no finding yet"
        case .confirmed?: "confirmed"
        case .notConfirmed(let reason)?: "not confirmed: \(reason)"
        }
    }

    private static let widths = [10, 7, 22, 8, 11, 16, 8]

    private static func row(_ cells: [String]) -> String {
        zip(cells, widths).enumerated().map { index, cell in
            let padding = String(repeating: " ", count: max(0, cell.1 - cell.0.count))
            return index < 3 ? cell.0 + padding : padding + cell.0
        }.joined(separator: "  ")
    }
}
