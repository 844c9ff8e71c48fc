import Foundation
import PbRCore
import PbRService
import PbRSimulation
import Testing

/// The report's funnel plots: each provider a labelled dot at its denominator and figure, the target and
/// the 99.8% limits drawn from the core's funnel, the provider outside marked.
@Suite("DiagnosticsHTML: funnel plots")
struct DiagnosticsFunnelHTMLTests {
    func section(_ html: String, _ id: String) throws -> String {
        let start = try #require(html.range(of: "<section class=\"diagnostic\" id=\"\(id)\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The chart block whose heading names this figure.
    func funnelBlock(_ html: String, _ figure: String) throws -> String {
        let start = try #require(html.range(of: "<h3>Providers compared: \(figure)</h3>"))
        let end = try #require(html.range(of: "\n</div>\n", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func aProviderAlwaysSlowerIsMarkedOutsideTheWaitFunnel() throws {
        var area = PlantedHarmArea()
        area.harm = .slowStarts(days: 14)
        area.harmFrom = Day(iso: "2009-04-01")!
        let report = AreaDiagnostics.run(area.histories(), contract: DiagnosticsHTMLTests.contract, asOf: area.through)
        let html = DiagnosticsHTML.render(report)
        let creaming = try section(html, "creaming")
        let block = try funnelBlock(creaming, "share of starts more than 21 days after the assessment")
        #expect(block.contains("<title>Funnel plot: creaming, share of starts more than 21 days after the assessment</title>"))
        #expect(block.contains(">starts after an assessment since 2010-04</text>"), "\(block.prefix(1500))")
        for provider in ["P01", "P03", "P04"] { #expect(block.contains("dy=\"-4\">\(provider)</text>"), "\(provider)") }
        #expect(block.contains("<text class=\"note alerting\"") && block.contains("dy=\"-4\">P02</text>"))
        #expect(block.components(separatedBy: "<circle class=\"out\"").count == 2)
        #expect(block.components(separatedBy: "<path class=\"limit\"").count == 3)
        #expect(block.contains(">99.8% limits</text>") && block.contains(">target "))
        #expect(block.contains("Outside: P02 (marked)."))
        // Every funnel of the report is drawn: two in creaming, one in parking, one in deaths.
        #expect(html.components(separatedBy: "<title>Funnel plot: ").count == 5)
    }

    @Test func theDotsStandWhereTheirDenominatorsAndFiguresPutThem() throws {
        let report = AreaDiagnostics.run(PlantedHarmArea().histories(), contract: DiagnosticsHTMLTests.contract, asOf: PlantedHarmArea().through)
        let plot = try #require(report.diagnostics.first { $0.id == "parking" }?.funnels.first)
        let block = try funnelBlock(DiagnosticsHTML.render(report), plot.figureTitle)
        // The widest provider sits at 1/1.1 of the plot's width from its left edge (62 px, 566 px wide).
        let widest = try #require(plot.points.max { $0.denominator < $1.denominator })
        let x = String(format: "%.1f", 62 + 566 / 1.1)
        #expect(block.contains("<circle class=\"dot\" cx=\"\(x)\""), "\(widest.provider) \(block.prefix(2000))")
        #expect(!block.contains("class=\"out\""))
        #expect(block.contains("No provider is outside."))
    }
}
