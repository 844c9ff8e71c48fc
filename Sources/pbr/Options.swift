import ArgumentParser
import Foundation
import PbRCore
import PbRService
import PbRStore

/// Where the store is: a SQLite file, or a PostgreSQL database for shared use.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: """
        The store: a SQLite file, or postgres://user:password@host:port/database (optionally ?schema=NAME). \
        Default: $PBR_DATABASE_URL, else pbr.sqlite. Only import creates a store; other commands refuse one that is not there.
        """)
    var db: String = ProcessInfo.processInfo.environment["PBR_DATABASE_URL"] ?? "pbr.sqlite"

    /// The location, checked when the arguments are parsed, so a bad address ends with this command's usage.
    var location: StoreLocation { (try? StoreLocation.parse(db)) ?? .sqlite(path: db) }

    func validate() throws {
        do { _ = try StoreLocation.parse(db) } catch { throw ValidationError("--db: \(error)") }
    }

    /// Opens a store that must exist.
    func open() async throws -> JournalStore { try await JournalStore.open(location, .existing) }
}

extension Day {
    /// Parses a day given on the command line (as an option's `transform`, so that a bad one ends with
    /// the command's own usage).
    static func argument(_ text: String) throws -> Day {
        guard let day = Day(iso: text) else { throw ValidationError("'\(text)' is not a date (YYYY-MM-DD) that exists") }
        return day
    }
}

extension Moment {
    /// A moment given on the command line: ISO 8601 with a zone, or a day meaning the end of that day in
    /// England (Europe/London), the time zone of the data.
    static func argument(_ text: String) throws -> Moment {
        if let moment = Moment(iso: text) { return moment }
        guard let day = Day(iso: text) else {
            throw ValidationError("'\(text)' is not a moment (2013-06-05T09:00:00+01:00) or a day (2013-06-05)")
        }
        let (year, month, dayOfMonth) = day.civil
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let end = calendar.date(from: DateComponents(year: year, month: month, day: dayOfMonth, hour: 23, minute: 59, second: 59))!
        return Moment(epochSeconds: Int64(end.timeIntervalSince1970), text: text + " 23:59:59 Europe/London")
    }
}

/// Prints a warning on standard error, where a pipe of the output does not hide it.
func warn(_ message: String) {
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
}

extension StoreOptions {
    /// Opens the store, runs `body` and closes the store, whether `body` ends or throws.
    func using<T>(_ mode: JournalStore.OpenMode = .existing, _ body: (JournalStore) async throws -> T) async throws -> T {
        let journal = try await JournalStore.open(location, mode)
        do {
            let result = try await body(journal)
            try await journal.close()
            return result
        } catch {
            try? await journal.close()
            throw error
        }
    }
}

extension StatementPeriod {
    /// A period given on the command line: `YYYY-MM`.
    static func argument(_ text: String) throws -> StatementPeriod {
        guard let period = StatementPeriod(text) else { throw ValidationError("'\(text)' is not a month (YYYY-MM, e.g. 2013-06)") }
        return period
    }
}

/// Who ran a command, for the audit trail.
let currentUser = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
