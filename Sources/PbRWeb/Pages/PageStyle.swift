/// The pages' CSS: a readable column on a laptop; on paper (A4) without the navigation and forms, tables
/// never split inside a row. No script anywhere.
enum PageStyle {
    static let css = """
        @page { size: A4; margin: 12mm; }
        body { font: 10.5pt/1.45 "Helvetica Neue", Helvetica, Arial, sans-serif; color: #111; max-width: 64em; margin: 0 auto; padding: 0 1em 2em; }
        header.bar { display: flex; gap: 1.2em; align-items: baseline; border-bottom: 1px solid #888; padding: .6em 0; margin-bottom: 1em; }
        header.bar .who { margin-left: auto; color: #444; }
        header.bar form { display: inline; }
        a { color: #1f4e8c; }
        h1 { font-size: 16pt; margin: .4em 0 .6em; }
        h2 { font-size: 12.5pt; margin: 1.6em 0 .4em; border-bottom: 1px solid #bbb; }
        table { border-collapse: collapse; margin: .4em 0 1em; }
        th, td { text-align: left; vertical-align: top; padding: .2em .6em; border-bottom: 1px solid #ddd; }
        thead th { border-bottom: 1.5px solid #444; background: #f2f2f2; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .lines { width: 100%; font-size: 9.5pt; }
        .error { color: #b00020; }
        .note { color: #444; font-size: 9.5pt; }
        form.sign-in { display: grid; gap: .5em; max-width: 22em; }
        svg.chart { display: block; width: 100%; max-width: 720px; height: auto; }
        svg .grid { stroke: #e6e6e6; }
        svg .axis { stroke: #444; fill: none; }
        svg text { font-size: 10px; fill: #222; }
        svg .tick { fill: #444; }
        svg .title { font-size: 10.5px; fill: #111; }
        svg .bar { fill: #1f4e8c; }
        svg .bar.negative { fill: #b00020; }
        @media print {
          header.bar nav, header.bar form, form { display: none; }
          body { max-width: none; padding: 0; font-size: 9pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
