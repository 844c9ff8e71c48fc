/// A share as a contract or a scenario states it: basis points (10,000 = 100%), written `25%` or `12.5%`.
public enum Percent {
    /// `2500` as `25.00%`.
    public static func text(basisPoints: Int) -> String { Money(pence: Int64(basisPoints)).description + "%" }

    /// `25%` or `12.5%` as basis points; nil for anything else, or a share outside 0% to 100%.
    public static func basisPoints(_ text: some StringProtocol) -> Int? {
        guard text.hasSuffix("%"), let money = Money(pounds: text.dropLast()), (0...10_000).contains(money.pence) else { return nil }
        return Int(money.pence)
    }
}
