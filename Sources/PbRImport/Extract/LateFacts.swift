import PbRCore

/// Facts an extract states from after the moment it says its data was true: dates after its `known_at`
/// day, birth years after its year. They are imported (a run's `as_of` hides them until their day), and
/// each file that has any raises one warning.
struct LateFacts: Sendable {
    /// How many of the row's dates (or its birth year) are late, and the first of them.
    struct Row: Sendable {
        var count: Int
        var column: String
        var value: String
    }

    /// The row's late facts, if any.
    static func of(_ record: Record, knownOn: Day) -> Row? {
        if case .client(let client) = record {
            guard let year = client.birthYear, year > knownOn.year else { return nil }
            return Row(count: 1, column: "birth_year", value: String(year))
        }
        var late: Row?
        RecordSchema.forEachDate(in: record) { column, day in
            guard day > knownOn else { return }
            if late == nil { late = Row(count: 0, column: column, value: day.description) }
            late!.count += 1
        }
        return late
    }

    private(set) var count = 0
    private(set) var first: (line: Int, column: String, value: String)?

    /// Adds an imported row's late facts (rows come in line order).
    mutating func add(_ row: Row, line: Int) {
        count += row.count
        if first == nil { first = (line, row.column, row.value) }
    }

    /// The file's warning, if any of its rows had late facts.
    func warning(_ kind: RecordKind, knownOn: Day) -> String? {
        guard let first else { return nil }
        let what = kind == .clients ? "\(count) birth_year\(count == 1 ? " is" : "s are") after the known_at year \(knownOn.year)"
                                    : "\(count) date\(count == 1 ? " is" : "s are") after the known_at day \(knownOn)"
        return "\(kind.fileName): \(what); the first on line \(first.line), column \(first.column): \(first.value)"
    }
}
