extension DiagnosticsHTML {
    /// Inline CSS, for the page and for the SVG charts' marks (by class, so that each chart stays small):
    /// a readable column on a laptop; on paper A4 portrait, each diagnostic from a new page, charts never split.
    static let style = """
        @page { size: A4; margin: 12mm; }
        body { font: 10pt/1.4 "Helvetica Neue", Helvetica, Arial, sans-serif; color: #111; max-width: 60em; margin: 1.5em auto; padding: 0 1em; }
        h1 { font-size: 15pt; margin: 0 0 .6em; }
        h2 { font-size: 12pt; margin: 1.6em 0 .4em; padding-bottom: .15em; border-bottom: 1px solid #888; }
        h3 { font-size: 10.5pt; margin: 1.2em 0 .3em; }
        table { border-collapse: collapse; }
        th, td { text-align: left; vertical-align: top; padding: .2em .6em; border-bottom: 1px solid #ddd; }
        thead th { border-bottom: 1.5px solid #444; background: #f2f2f2; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .facts th { font-weight: normal; color: #444; padding-left: 0; white-space: nowrap; }
        .number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .alerts, .series { width: 100%; font-size: 9pt; }
        .alerting { color: #b00020; }
        details { margin: .3em 0; }
        summary { cursor: pointer; }
        .ids { font-family: Menlo, Consolas, monospace; font-size: 8.5pt; margin: .2em 0 .6em 1.2em; word-spacing: .3em; }
        .charts { break-inside: avoid; page-break-inside: avoid; }
        .caption { font-size: 9pt; color: #333; margin: .1em 0 1em; max-width: 52em; }
        svg.chart { display: block; width: 100%; max-width: 720px; height: auto; }
        svg .grid { stroke: #e6e6e6; }
        svg .axis { stroke: #444; fill: none; }
        svg text { font-size: 10px; fill: #222; }
        svg .tick { fill: #444; }
        svg .title { font-size: 10.5px; fill: #111; }
        svg .note { font-size: 9.5px; fill: #333; }
        svg .note.alerting { fill: #b00020; }
        svg .base { fill: #dde6f3; fill-opacity: .45; }
        svg .start { stroke: #345; stroke-dasharray: 4 3; }
        svg .centre { stroke: #2b6f3b; stroke-width: 1.2; }
        svg .limit { stroke: #7a7a7a; stroke-dasharray: 5 3; fill: none; }
        svg .threshold { stroke: #b00020; stroke-dasharray: 6 3; stroke-width: 1.4; }
        svg .alert { stroke: #b00020; stroke-width: 1; }
        svg .figure { stroke: #1f4e8c; stroke-width: 1.5; fill: none; }
        svg .dot { fill: #1f4e8c; }
        svg .out { fill: #e07000; stroke: #7a3d00; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 9pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .diagnostic { break-before: page; page-break-before: always; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
        }

        """
}
