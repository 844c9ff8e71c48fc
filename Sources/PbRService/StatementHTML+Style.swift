extension StatementHTML {
    /// Inline CSS: a readable column on a screen; on paper, A4 landscape (twelve columns of lines), each
    /// statement from a new page, table headers repeated, shading kept and rows never split.
    static let style = """
        @page { size: A4 landscape; margin: 12mm; }
        body { font: 10pt/1.4 "Helvetica Neue", Helvetica, Arial, sans-serif; color: #111; max-width: 78em; margin: 1.5em auto; padding: 0 1em; }
        h1 { font-size: 15pt; margin: 0 0 .6em; }
        h2 { font-size: 11pt; margin: 1.4em 0 .4em; padding-bottom: .15em; border-bottom: 1px solid #888; }
        table { border-collapse: collapse; }
        th, td { text-align: left; vertical-align: top; padding: .2em .6em; border-bottom: 1px solid #ddd; }
        thead th { border-bottom: 1.5px solid #444; background: #f2f2f2; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .facts th { font-weight: normal; color: #444; padding-left: 0; }
        .digest { font-family: Menlo, Consolas, monospace; font-size: 9pt; word-break: break-all; }
        .amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .negative { color: #a00000; }
        .totals th { font-weight: normal; min-width: 12em; }
        .totals tr.total th, .totals tr.total td, .sums tr.total th, .sums tr.total td { font-weight: bold; }
        .note { font-weight: bold; border-left: 4px solid #a00000; padding: .3em .8em; background: #fbecec; }
        .breakdown { display: flex; flex-wrap: wrap; gap: 3em; align-items: flex-start; }
        .legend { font-size: 9pt; color: #444; margin: 0 0 .4em; }
        .lines { width: 100%; font-size: 9pt; }
        .lines td:nth-child(-n+10) { white-space: nowrap; }
        tr.adjustment td { background: #fff1dc; }
        tr.adjustment td:first-child { border-left: 4px solid #c86400; }
        tr.adjustment td:nth-child(3) { font-weight: bold; }
        .disputed { margin-top: 1.4em; border: 1px dashed #666; padding: 0 .8em .6em; }
        .disputed h2 { border-bottom: none; }
        .statement + .statement { margin-top: 3em; padding-top: 1.5em; border-top: 3px double #888; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 9pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .statement + .statement { break-before: page; page-break-before: always; margin-top: 0; padding-top: 0; border-top: none; }
          h2 { break-after: avoid; page-break-after: avoid; }
        }

        """
}
