import PbRCore

/// Payments to date as CSV (the web overview's figures, docs/web.md): one row per sum, by payee, then
/// outcome, then band, then month, each group in its key's order:
///
/// `by, key, lines, amount`
///
/// `by` is `payee`, `outcome`, `band` or `month` (`YYYY-MM`, every month from the first line's to the
/// last's); `amount` is signed pounds with two decimals; `lines` is empty for a month.
public enum PaymentsCSV {
    public static let header = ["by", "key", "lines", "amount"]

    public static func render(_ payments: PaymentsToDate) -> String {
        var writer = CSVWriter(header: header)
        for (by, sums) in [("payee", payments.byPayee), ("outcome", payments.byOutcome), ("band", payments.byBand)] {
            for sum in sums { writer.append([by, sum.key, String(sum.lines), sum.amount.description]) }
        }
        for month in payments.byMonth { writer.append(["month", month.period.description, "", month.amount.description]) }
        return writer.text
    }
}
