import PbRCore

/// A client's journey as a timeline drawn by the server in SVG: dates along the x axis, one labelled
/// lane each for episodes (bars from start to discharge, or to the as-of day while open), TOPs (marks
/// with the scores that mattered), offences, assessments (with the band), outcomes reached and
/// payments (with their amounts, at the end of the month of the statement that paid them). Styled by
/// the page's CSS classes; every mark has a `<title>` with its detail.
public enum JourneyTimeline {
    static let width = 720.0, left = 92.0, right = 24.0, top = 10.0, axisHeight = 34.0
    static let lanes = ["Episodes", "TOPs", "Offences", "Assessments", "Outcomes", "Payments"]
    /// Each lane's height: room for the rows of labels its marks may need.
    static let laneHeights = [40.0, 52.0, 40.0, 36.0, 64.0, 62.0]
    static var plotBottom: Double { top + laneHeights.reduce(0, +) }

    public static func svg(_ journey: ClientJourney) -> String {
        let frame = Frame(journey)
        let height = plotBottom + axisHeight
        var parts = ["<svg class=\"chart timeline\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">",
                     "<title>\(StatementHTML.escape("Journey of client \(journey.history.clientID) as of \(journey.asOf)"))</title>"]
        for (index, lane) in lanes.enumerated() {
            let y = laneTop(index)
            let bottom = y + laneHeights[index]
            parts.append("<line class=\"grid\" x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(bottom)\" y2=\"\(bottom)\"/>"
                + "<text class=\"title\" x=\"\(left - 8)\" y=\"\(fixed(y + 14))\" text-anchor=\"end\">\(lane)</text>")
        }
        parts += frame.axis(bottom: plotBottom)
        parts += episodes(journey, frame) + tops(journey, frame) + offences(journey, frame) + assessments(journey, frame)
        parts += outcomes(journey, frame) + payments(journey, frame)
        return (parts + ["</svg>"]).joined(separator: "\n")
    }

    static func laneTop(_ index: Int) -> Double { top + laneHeights.prefix(index).reduce(0, +) }

    private static func episodes(_ journey: ClientJourney, _ frame: Frame) -> [String] {
        let y = laneTop(0) + 6
        return journey.history.episodes.compactMap { episode -> String? in
            guard let start = episode.startOn ?? episode.referralOn else { return nil }
            let end = episode.endOn ?? journey.asOf
            let x1 = frame.x(start), x2 = max(frame.x(end), x1 + 2)
            let detail = "episode \(episode.recordID) at \(episode.providerID): \(start) to "
                + (episode.endOn.map { "\($0) (\(episode.dischargeReason?.rawValue ?? "no reason"))" } ?? "open")
            return "<rect class=\"episode\(episode.endOn == nil ? " open" : "")\" x=\"\(fixed(x1))\" y=\"\(y)\" width=\"\(fixed(x2 - x1))\" height=\"14\">"
                + "<title>\(StatementHTML.escape(detail))</title></rect>"
                + "<text x=\"\(fixed(x1 + 2))\" y=\"\(y + 25)\">\(StatementHTML.escape("\(episode.providerID) #\(episode.recordID)" + (episode.endOn == nil ? " (open)" : "")))</text>"
        }
    }

    private static func tops(_ journey: ClientJourney, _ frame: Frame) -> [String] {
        let sorted = journey.history.tops.sorted { ($0.on, $0.recordID) < ($1.on, $1.recordID) }
        var labels = LabelRows(firstBaseline: laneTop(1) + 26, rowHeight: 11, rows: 2)
        return sorted.map { top in
            let x = frame.x(top.on), y = laneTop(1) + 12
            let scores = journey.scoresThatMattered(top).map { "\($0.field.rawValue) \($0.value)" }.joined(separator: ", ")
            let short = journey.scoresThatMattered(top).first { $0.field == .qualityOfLife }.map { "QoL \($0.value)" } ?? ""
            let label = (top.stage == .postExit ? "P" : String(top.stage.rawValue.prefix(1)).uppercased()) + (short.isEmpty ? "" : " " + short)
            return "<circle class=\"mark top\" cx=\"\(fixed(x))\" cy=\"\(y)\" r=\"4\"><title>\(StatementHTML.escape("TOP \(top.stage.rawValue) on \(top.on): \(scores)"))</title></circle>"
                + labels.place(label, at: x)
        }
    }

    private static func offences(_ journey: ClientJourney, _ frame: Frame) -> [String] {
        journey.history.offences.map { offence in
            let x = frame.x(offence.offenceOn), y = laneTop(2) + 12
            return "<path class=\"mark offence\" d=\"M\(fixed(x)) \(y - 5)L\(fixed(x + 5)) \(y + 4)H\(fixed(x - 5))Z\">"
                + "<title>\(StatementHTML.escape("offence on \(offence.offenceOn) (\(offence.category)), proven \(offence.provenOn?.description ?? "?")"))</title></path>"
                + "<text x=\"\(fixed(x))\" y=\"\(y + 18)\" text-anchor=\"middle\">\(StatementHTML.escape(offence.category))</text>"
        }
    }

    private static func assessments(_ journey: ClientJourney, _ frame: Frame) -> [String] {
        journey.history.assessments.map { assessment in
            let x = frame.x(assessment.assessedOn), y = laneTop(3) + 10
            return "<rect class=\"mark assessment\" x=\"\(fixed(x - 4))\" y=\"\(y - 4)\" width=\"8\" height=\"8\">"
                + "<title>\(StatementHTML.escape("assessed on \(assessment.assessedOn): band \(assessment.band)"))</title></rect>"
                + "<text x=\"\(fixed(x))\" y=\"\(y + 18)\" text-anchor=\"middle\">band \(assessment.band)</text>"
        }
    }

    private static func outcomes(_ journey: ClientJourney, _ frame: Frame) -> [String] {
        var labels = LabelRows(firstBaseline: laneTop(4) + 24, rowHeight: 10, rows: 4)
        return journey.reached.map { trace in
            let x = frame.x(trace.achievedOn!), y = laneTop(4) + 10
            return "<circle class=\"mark outcome\" cx=\"\(fixed(x))\" cy=\"\(y)\" r=\"4\"><title>\(StatementHTML.escape("\(trace.outcomeID) on \(trace.achievedOn!): \(trace.summary)"))</title></circle>"
                + labels.place(trace.outcomeID.rawValue, at: x)
        }
    }

    /// Payments by the month of the statement that paid them: one bar each, its height the month's net
    /// amount, its title every line.
    private static func payments(_ journey: ClientJourney, _ frame: Frame) -> [String] {
        let months = Dictionary(grouping: journey.payments, by: \.period).sorted { $0.key < $1.key }
        let nets = months.map { $0.value.reduce(Money.zero) { $0 + $1.amount } }
        let largest = max(nets.map { abs(Double($0.pence)) }.max() ?? 1, 1)
        let baseline = laneTop(5) + 26
        var above = LabelRows(firstBaseline: laneTop(5) + 8, rowHeight: 0, rows: 1)
        var below = LabelRows(firstBaseline: baseline + 22, rowHeight: 10, rows: 2)
        return zip(months, nets).map { month, net in
            let x = frame.x(month.key.lastDay), height = max(16 * abs(Double(net.pence)) / largest, 1)
            let negative = net.pence < 0
            let detail = month.value.map { "\($0.statementID) line \($0.line): \($0.outcomeID?.rawValue ?? $0.component.rawValue) \($0.amount.sterling)" }
            let mark = "<rect class=\"bar\(negative ? " negative" : "")\" x=\"\(fixed(x - 3))\" y=\"\(fixed(negative ? baseline : baseline - height))\" width=\"6\" height=\"\(fixed(height))\">"
                + "<title>\(StatementHTML.escape("paid in \(month.key): \(net.sterling)\n" + detail.joined(separator: "\n")))</title></rect>"
            let label = above.fits(net.sterling, at: x) && !negative ? above.place(net.sterling, at: x) : below.place(net.sterling, at: x)
            return mark + label
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
            first = StatementPeriod(containing: earliest).previous.firstDay
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
            parts.append("<text class=\"title\" x=\"\((JourneyTimeline.left + JourneyTimeline.width - JourneyTimeline.right) / 2)\" y=\"\(bottom + 29)\" text-anchor=\"middle\">date (payments at the end of the month of the statement that paid them)</text>")
            return parts
        }
    }

    /// Labels centred under their marks, each in the first row where it does not run into the label
    /// before it (about 5.5 px a character at 10 px); when every row is taken, the emptiest.
    struct LabelRows {
        let firstBaseline: Double, rowHeight: Double
        private var ends: [Double]

        init(firstBaseline: Double, rowHeight: Double, rows: Int) {
            self.firstBaseline = firstBaseline; self.rowHeight = rowHeight; ends = Array(repeating: -Double.infinity, count: rows)
        }

        static func span(_ text: String, at x: Double) -> ClosedRange<Double> {
            let half = Double(text.count) * 2.75 + 2
            return (x - half)...(x + half)
        }

        func fits(_ text: String, at x: Double) -> Bool { ends.contains { $0 < Self.span(text, at: x).lowerBound } }

        mutating func place(_ text: String, at x: Double) -> String {
            let span = Self.span(text, at: x)
            let row = ends.firstIndex { $0 < span.lowerBound } ?? ends.indices.min { ends[$0] < ends[$1] }!
            ends[row] = span.upperBound
            return "<text x=\"\(JourneyTimeline.fixed(x))\" y=\"\(JourneyTimeline.fixed(firstBaseline + Double(row) * rowHeight))\" text-anchor=\"middle\">\(StatementHTML.escape(text))</text>"
        }
    }
}
