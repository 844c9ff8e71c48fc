/// Which of a period's paid lines a verification sample takes. Reproducible from its inputs alone, so
/// that another tool can draw the same sample:
///
/// - The lines: the period's outcome lines of kind `new` with a positive amount (`paidLines`).
/// - Strata: the provider that earned the line (`earned_by`, else the payee) and its outcome.
/// - A stratum of N lines sampled at R basis points takes ceil(N × R / 10,000) lines, at least 1.
/// - Each line's draw key is the first output of SplitMix64 seeded with `seed` XOR the 64-bit FNV-1a
///   hash of the line's reference as text (`national-pilot/2013-06/P01:7`, UTF-8); a stratum takes
///   its lines with the smallest keys (ties, which SplitMix64 makes vanishingly rare: the smaller
///   reference). So a higher rate takes a superset of a lower one's lines with the same seed.
public enum SampleDraw {
    /// One stratum of a draw: its lines paid and those sampled, in reference order.
    public struct Stratum: Hashable, Sendable {
        public var provider: ProviderID
        public var outcomeID: OutcomeID
        public var rateBasisPoints: Int
        public var paid: [StatementLine]
        public var sampled: [StatementLine]
    }

    /// The lines a sample of `period` is drawn from, among that period's statement lines.
    public static func paidLines(_ lines: [StatementLine], in period: StatementPeriod) -> [StatementLine] {
        lines.filter { $0.period == period && $0.component == .outcome && $0.kind == .new && $0.amount > .zero && $0.clientID != nil }
    }

    /// The provider a line's stratum is of: the subcontractor that earned it, else its payee.
    public static func provider(of line: StatementLine) -> ProviderID { line.earnedBy ?? line.providerID }

    /// How many of `count` lines a rate of `rateBasisPoints` takes: rounded up, at least 1 of a stratum with lines.
    public static func size(of count: Int, rateBasisPoints: Int) -> Int {
        guard count > 0 else { return 0 }
        return min(count, max(1, (count * rateBasisPoints + 9_999) / 10_000))
    }

    /// A line's draw key under `seed`.
    public static func key(seed: UInt64, line: LineReference) -> UInt64 {
        var generator = SplitMix64(seed: seed ^ fnv1a64(line.description))
        return generator.next()
    }

    /// Draws a sample of `paid` (`paidLines`), each provider's strata at the rate `rate` gives it.
    /// - Returns: the strata in provider, then outcome order.
    public static func draw(_ paid: [StatementLine], seed: UInt64, rate: (ProviderID) -> Int) -> [Stratum] {
        let strata = Dictionary(grouping: paid) { StratumKey(provider: provider(of: $0), outcomeID: $0.outcomeID ?? OutcomeID("")) }
        return strata.keys.sorted().map { stratum in
            let lines = strata[stratum]!.sorted { precedes($0.reference, $1.reference) }
            let rateBasisPoints = rate(stratum.provider)
            let keyed = lines.map { (key: key(seed: seed, line: $0.reference), line: $0) }
                .sorted { $0.key != $1.key ? $0.key < $1.key : precedes($0.line.reference, $1.line.reference) }
            let taken = keyed.prefix(size(of: lines.count, rateBasisPoints: rateBasisPoints)).map(\.line)
                .sorted { precedes($0.reference, $1.reference) }
            return Stratum(provider: stratum.provider, outcomeID: stratum.outcomeID, rateBasisPoints: rateBasisPoints, paid: lines,
                           sampled: taken)
        }
    }

    private struct StratumKey: Hashable, Comparable {
        var provider: ProviderID
        var outcomeID: OutcomeID
        static func < (a: StratumKey, b: StratumKey) -> Bool { (a.provider, a.outcomeID) < (b.provider, b.outcomeID) }
    }

    /// Statement id in byte order, then line number.
    public static func precedes(_ a: LineReference, _ b: LineReference) -> Bool {
        a.statementID != b.statementID ? a.statementID.utf8.lexicographicallyPrecedes(b.statementID.utf8) : a.line < b.line
    }

    /// FNV-1a, 64 bits, over the text's UTF-8 bytes.
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}
