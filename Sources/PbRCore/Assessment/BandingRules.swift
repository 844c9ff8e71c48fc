/// A contract's banding rules, as the independent assessor (LASAR) applies them: complexity factors, each
/// worth some points, and ranges of the points' sum mapped to tariff bands (Kent: five bands). The score
/// is the sum of the points of the factors present; its band is the range that holds it.
public struct BandingRules: Sendable, Equatable {
    public struct Factor: Sendable, Equatable {
        public var id: String
        public var points: Int
        public var description: String
        public init(id: String, points: Int, description: String = "") { self.id = id; self.points = points; self.description = description }
    }

    /// Scores `from` through `through` (nil: and every score above) are band `band`.
    public struct Range: Sendable, Equatable, CustomStringConvertible {
        public var band: Band
        public var from: Int
        public var through: Int?
        public init(band: Band, from: Int, through: Int?) { self.band = band; self.from = from; self.through = through }
        public var description: String { through.map { "\(from)-\($0)" } ?? "\(from)+" }
        func holds(_ score: Int) -> Bool { score >= from && through.map { score <= $0 } ?? true }
    }

    /// What is wrong with a set of rules, and which factor or range it is at (for the loader's key path).
    public struct Problem: Sendable, Equatable {
        public enum Place: Sendable, Equatable { case factor(Int), range(Int), ranges }
        public var place: Place
        public var reason: String
    }

    /// A factor the rules do not know, named in an assessment.
    public struct UnknownFactor: Error, Sendable, Equatable, CustomStringConvertible {
        public var factor: String
        public var known: [String]
        public var description: String { "no complexity factor '\(factor)' in the banding rules (they have: \(known.joined(separator: ", ")))" }
    }

    public let factors: [Factor]
    /// In order of their points, from 0 up, without gaps or overlaps (`problem` says when not).
    public let ranges: [Range]

    /// - Precondition: `problem(factors:ranges:)` is nil (the loader refuses such rules with their key).
    public init(factors: [Factor], ranges: [Range]) {
        precondition(Self.problem(factors: factors, ranges: ranges) == nil, "banding rules with a gap, an overlap or a repeated factor")
        self.factors = factors; self.ranges = ranges
    }

    /// The first mistake in such rules: a factor named twice or worth no points; ranges that do not start
    /// at 0, leave a gap, overlap, go backwards, or stop below the score of every factor together; a band
    /// named twice or lower than the band of fewer points (more points is never a less complex band).
    public static func problem(factors: [Factor], ranges: [Range]) -> Problem? {
        for (index, factor) in factors.enumerated() {
            if factor.id.isEmpty { return Problem(place: .factor(index), reason: "a factor needs an id") }
            if factors[..<index].contains(where: { $0.id == factor.id }) {
                return Problem(place: .factor(index), reason: "factor '\(factor.id)' is named twice")
            }
            if factor.points < 1 { return Problem(place: .factor(index), reason: "a factor is worth at least 1 point") }
        }
        guard !ranges.isEmpty else { return Problem(place: .ranges, reason: "no bands: list point ranges, e.g. {band: 1, points: 0-2}") }
        var next = 0
        for (index, range) in ranges.enumerated() {
            if let through = range.through, through < range.from {
                return Problem(place: .range(index), reason: "\(range) ends before it starts")
            }
            if range.from > next {
                return Problem(place: .range(index), reason: "a gap: no band for \(next == range.from - 1 ? "\(next) points" : "\(next)-\(range.from - 1) points")")
            }
            if range.from < next {
                return Problem(place: .range(index), reason: "\(range) overlaps band \(ranges[index - 1].band) (\(ranges[index - 1]))")
            }
            if index > 0, range.band <= ranges[index - 1].band {
                return Problem(place: .range(index), reason: "band \(range.band) follows band \(ranges[index - 1].band): more points, a higher band")
            }
            guard let through = range.through else {
                if index != ranges.count - 1 { return Problem(place: .range(index), reason: "only the last range is open (\(range))") }
                return nil
            }
            next = through + 1
        }
        let most = factors.map(\.points).reduce(0, +)
        if most >= next {
            return Problem(place: .range(ranges.count - 1), reason: "a score of \(next)-\(most) (up to every factor together) has no band: end with e.g. \(ranges.last!.from)+")
        }
        return nil
    }

    /// The sum of the points of the factors present (each counted once).
    public func score(_ present: [String]) throws(UnknownFactor) -> Int {
        var total = 0
        for id in Set(present) {
            guard let factor = factors.first(where: { $0.id == id }) else { throw UnknownFactor(factor: id, known: factors.map(\.id)) }
            total += factor.points
        }
        return total
    }

    /// The band whose range holds `score`.
    public func band(score: Int) -> Band {
        precondition(score >= 0)
        guard let range = ranges.first(where: { $0.holds(score) }) else { preconditionFailure("checked rules cover every score from 0") }
        return range.band
    }
}
