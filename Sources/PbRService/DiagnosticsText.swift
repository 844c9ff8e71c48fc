import PbRCore

/// The terminal summary of `pbr diagnose`: the months judged, then each diagnostic's alerts, or that it
/// found nothing.
public enum DiagnosticsText {
    public static func render(_ report: DiagnosticsReport) -> String {
        var lines = ["Diagnostics for \(report.contractID) as of \(report.asOf): baseline \(report.baseline.lowerBound) to \(report.baseline.upperBound), "
            + (report.monitored.map { "months judged \($0.lowerBound) to \($0.upperBound)" } ?? "no month of the contract has ended yet")]
        let alerts = report.diagnostics.reduce(0) { $0 + $1.alerts.count }
        lines.append((alerts == 0 ? "No alerts" : "\(alerts) alert\(alerts == 1 ? "" : "s")") + "; by diagnostic:")
        for diagnostic in report.diagnostics {
            let monitored = diagnostic.series.filter { $0.threshold != nil }.count
            if diagnostic.alerts.isEmpty {
                lines.append("  \(diagnostic.id): quiet (\(monitored) series judged)")
                continue
            }
            for alert in diagnostic.alerts {
                lines.append("  \(diagnostic.id) \(alert.provider?.rawValue ?? "area") from \(alert.firstMonth): \(alert.message) "
                    + "[\(alert.clients.count) client\(alert.clients.count == 1 ? "" : "s")]")
            }
        }
        return lines.joined(separator: "\n")
    }
}
