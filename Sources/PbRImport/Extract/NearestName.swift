/// The known name a misspelt one was probably meant to be, for "did you mean ...?".
///
/// Nearest is the smallest edit distance (Levenshtein, ignoring case), suggested only when it is at most
/// a third of the shorter name's length (at least 1); failing that, a known name that the other begins
/// with, or that begins with it, followed by a character that is not a letter (`top (1).csv`, `provider`).
/// Ties go to the earlier known name.
enum NearestName {
    static func suggestion(for name: String, among known: [String]) -> String? {
        let folded = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in known {
            let other = Array(candidate.lowercased())
            let distance = editDistance(folded, other)
            guard distance <= max(1, min(folded.count, other.count) / 3) else { continue }
            if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
        }
        if let best { return best.name }
        return known.first { extends(folded, Array(stem($0.lowercased()))) }
    }

    /// True when one of the two begins with the other (of three letters or more), the longer going on
    /// with a character that is not a letter.
    private static func extends(_ a: [Character], _ b: [Character]) -> Bool {
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard short.count >= 3, long.count > short.count, Array(long.prefix(short.count)) == short else { return false }
        return !long[short.count].isLetter
    }

    /// A file name without `.csv`, so that `top (1).csv` is compared as `top (1)`.
    private static func stem(_ name: String) -> String { name.hasSuffix(".csv") ? String(name.dropLast(4)) : name }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for (i, x) in a.enumerated() {
            current[0] = i + 1
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
