import PbRCore

/// A client's journey as a timeline drawn by the server in SVG: dates along the x axis, one labelled
/// lane each for episodes (bars from start to discharge, or to the as-of day while open), TOPs (marks
/// with the scores that mattered), offences, assessments (with the band), outcomes reached and
/// payments (with their amounts, at the end of the month of the statement that paid them). Styled by
/// the page's CSS classes; every mark has a `<title>` with its detail.
public enum JourneyTimeline {
    static let width = 720.0, left = 92.0, right = 24.0, top = 10.0, laneHeight = 46.0, axisHeight = 34.0
    static let lanes = ["Episodes", "TOPs", "Offences", "Assessments", "Outcomes", "Payments"]

    public static func svg(_ journey: ClientJourney) -> String {
        let frame = Frame(journey)
        let height = top + laneHeight * Double(lanes.count) + axisHeight
        var parts = ["<svg class=\"chart timeline\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">",
                     "<title>\(StatementHTML.escape("Journey of client \(journey.history.clientID) as of \(journey.asOf)"))</title>"]
        for (index, lane) in lanes.enumerated() {
            let y = laneTop(index)
            parts.append("<line class=\"grid\" x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y + laneHeight)\" y2=\"\(y + laneHeight)\"/>"
                + "<text class=\"title\" x=\"\(left - 8)\" y=\"\(fixed(y + laneHeight / 2))\" dy=\"3\" text-anchor=\"end\">\(lane)</text>")
        }
        parts += frame.axis(bottom: top + laneHeight * Double(lanes.count))
        parts += episodes(journey, frame) + tops(journey, frame) + offences(journey, frame) + assessments(journey, frame)
        parts += outcomes(journey, frame) + payments(journey, frame)
        return (parts + ["</svg>"]).joined(separator: "\n")
    }

    static func laneTop(_ index: Int) -> Double { top + laneHeight * Double(index) }

    private static func episodes(_ journey: ClientJourney, _ frame: Frame) -> [String] {
        let y = laneTop(0) + 12
        return journey.history.episodes.compactMap { episode -> String? in
            guard let start = episode.startOn ?? episode.referralOn else { return nil }
            let end = episode.endOn ?? journey.asOf
            let x1 = frame.x(start), x2 = max(frame.x(end), x1 + 2)
            let detail = "episode \(episode.recordID) at \(episode.providerID): \(start) to "
                + (episode.endOn.map { "\($0) (\(episode.dischargeReason?.rawValue ?? "no reason"))" } ?? "open")
            return "<rect class=\"episode\(episode.endOn == nil ? " open" : "")\" x=\"\(fixed(x1))\" y=\"\(y)\" width=\"\(fixed(x2 - x1))\" height=\"14\">"
                + "<title>\(StatementHTML.escape(detail))</title></rect>"
                + "<text x=\"\(fixed(x1 + 2))\" y=\"\(y + 26)\">\(StatementHTML.escape("\(episode.providerID) #\(episode.recordID)"))</text>"
        }
    }

    private static func tops(_ journey: ClientJourney, _ frame: Frame) -> [String] {
        let sorted = journey.history.tops.sorted { ($0.on, $0.recordID) < ($1.on, $1.recordID) }
        return sorted.enumerated().map { index, top in
            let x = frame.x(top.on), y = laneTop(1) + 14
            let scores = journey.scoresThatMattered(top).map { "\($0.field.rawValue) \($0.value)" }.joined(separator: ", ")
            let short = journey.scoresThatMattered(top).first { $0.field == .qualityOfLife }.map { "QoL \($0.value)" } ?? ""
            let label = (top.stage == .postExit ? "P" : String(top.stage.rawValue.prefix(1)).uppercased()) + (short.isEmpty ? "" : " " + short)
            return "<circle class=\"mark top\" cx=\"\(fixed(x))\" cy=\"\(y)\" r=\"4\"><title>\(StatementHTML.escape("TOP \(top.stage.rawValue) on \(top.on): \(scores)"))</title></circle>"
                + "<text x=\"\(fixed(x))\" y=\"\(y + (index % 2 == 0 ? 16 : 27))\" text-anchor=\"middle\">\(StatementHTML.escape(label))</text>"
        }
    }

    private static func offences(_ journey: ClientJourney, _ frame: Frame) -> [String] {
        journey.history.offences.map { offence in
            let x = frame.x(offence.offenceOn), y = laneTop(2) + 14
            return "<path class=\"mark offence\" d=\"M\(fixed(x)) \(y - 5)L\(fixed(x + 5)) \(y + 4)H\(fixed(x - 5))Z\">"
                + "<title>\(StatementHTML.escape("offence on \(offence.offenceOn) (\(offence.category)), proven \(offence.provenOn?.description ?? "?")"))</title></path>"
                + "<text x=\"\(fixed(x))\" y=\"\(y + 18)\" text-anchor=\"middle\">\(StatementHTML.escape(offence.category))</text>"
        }
    }

    private static func assessments(_ journey: ClientJourney, _ frame: Frame) -> [String] {
        journey.history.assessments.map { assessment in
            let x = frame.x(assessment.assessedOn), y = laneTop(3) + 14
            return "<rect class=\"mark assessment\" x=\"\(fixed(x - 4))\" y=\"\(y - 4)\" width=\"8\" height=\"8\">"
                + "<title>\(StatementHTML.escape("assessed on \(assessment.assessedOn): band \(assessment.band)"))</title></rect>"
                + "<text x=\"\(fixed(x))\" y=\"\(y + 18)\" text-anchor=\"middle\">band \(assessment.band)</text>"
        }
    }

    private static func outcomes(_ journey: ClientJourney, _ frame: Frame) -> [String] {
        journey.reached.enumerated().map { index, trace in
            let x = frame.x(trace.achievedOn!), y = laneTop(4) + 10
            return "<circle class=\"mark outcome\" cx=\"\(fixed(x))\" cy=\"\(y)\" r=\"4\"><title>\(StatementHTML.escape("\(trace.outcomeID) on \(trace.achievedOn!): \(trace.summary)"))</title></circle>"
                + "<text x=\"\(fixed(x))\" y=\"\(y + 14 + Double(index % 3) * 10)\" text-anchor=\"middle\">\(StatementHTML.escape(trace.outcomeID.rawValue))</text>"
        }
    }

    private static func payments(_ journey: ClientJourney, _ frame: Frame) -> [String] {
        let largest = max(journey.payments.map { abs(Double($0.amount.pence)) }.max() ?? 1, 1)
        let baseline = laneTop(5) + laneHeight / 2
        return journey.payments.enumerated().map { index, line in
            let x = frame.x(line.period.lastDay), height = max(16 * abs(Double(line.amount.pence)) / largest, 1)
            let negative = line.amount.pence < 0
            let detail = "\(line.statementID) line \(line.line): \(line.outcomeID?.rawValue ?? line.component.rawValue) \(line.amount.sterling)"
            return "<rect class=\"bar\(negative ? " negative" : "")\" x=\"\(fixed(x - 3))\" y=\"\(fixed(negative ? baseline : baseline - height))\" width=\"6\" height=\"\(fixed(height))\">"
                + "<title>\(StatementHTML.escape(detail))</title></rect>"
                + "<text x=\"\(fixed(x))\" y=\"\(fixed(index % 2 == 0 ? baseline - 18 : baseline + 20))\" text-anchor=\"middle\">\(StatementHTML.escape(line.amount.sterling))</text>"
        }
    }

    static func fixed(_ value: Double) -> String { SVGChart.fixed(value, 1) }

    /// The dates along the x axis: from the month before the earliest fact to the month after the latest.
    struct Frame {
        let first: Day, last: Day

        init(_ journey: ClientJourney) {
            let history = journey.history
            var days = history.episodes.compactMap { $0.startOn ?? $0.referralOn } + history.episodes.compactMap(\.endOn)
            days += history.tops.map(\.on) + history.offences.map(\.offenceOn) + history.assessments.map(\.assessedOn)
            days += journey.reached.compactMap(\.achievedOn) + journey.payments.map(\.period.lastDay)
            let earliest = days.min() ?? journey.asOf, latest = max(days.max() ?? journey.asOf, earliest.adding(days: 1))
            first = StatementPeriod(containing: earliest).firstDay
            last = StatementPeriod(containing: latest).lastDay.adding(days: 1)
        }

        func x(_ day: Day) -> Double {
            let span = Double(max(first.days(to: last), 1))
            return JourneyTimeline.left + (JourneyTimeline.width - JourneyTimeline.left - JourneyTimeline.right)
                * Double(first.days(to: min(max(day, first), last))) / span
        }

        /// A tick at each quarter's first day (each year's when the span is long), labelled YYYY-MM.
        func axis(bottom: Double) -> [String] {
            let months = StatementPeriod(containing: first).months(to: StatementPeriod(containing: last))
            let every = months > 72 ? 12 : months > 24 ? 6 : 3
            var parts = ["<path class=\"axis\" d=\"M\(JourneyTimeline.left) \(JourneyTimeline.top)V\(bottom)H\(JourneyTimeline.width - JourneyTimeline.right)\"/>"]
            var month = StatementPeriod(containing: first)
            while month.firstDay <= last {
                if (month.month - 1) % every == 0 {
                    let x = JourneyTimeline.fixed(self.x(month.firstDay))
                    parts.append("<line class=\"axis\" x1=\"\(x)\" x2=\"\(x)\" y1=\"\(bottom)\" y2=\"\(bottom + 5)\"/>"
                        + "<text class=\"tick\" x=\"\(x)\" y=\"\(bottom + 16)\" text-anchor=\"middle\">\(month)</text>")
                }
                month = month.next
            }
            parts.append("<text class=\"title\" x=\"\((JourneyTimeline.left + JourneyTimeline.width - JourneyTimeline.right) / 2)\" y=\"\(bottom + 30)\" text-anchor=\"middle\">date (payments at the end of the month of the statement that paid them)</text>")
            return parts
        }
    }
}
