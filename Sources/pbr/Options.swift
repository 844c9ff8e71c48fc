import ArgumentParser
import Foundation
import PbRCore
import PbRStore

/// Where the store is: a SQLite file (created on first use), or a PostgreSQL database for shared use.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: """
        The store: a SQLite file (created on first use), or postgres://user:password@host:port/database \
        (optionally ?schema=NAME). Default: $PBR_DATABASE_URL, else pbr.sqlite.
        """)
    var db: String = ProcessInfo.processInfo.environment["PBR_DATABASE_URL"] ?? "pbr.sqlite"

    func open() async throws -> JournalStore { try await JournalStore.open(db) }
}

extension Day {
    /// Parses a day given on the command line, or says which option is wrong.
    static func argument(_ text: String, option: String) throws -> Day {
        guard let day = Day(iso: text) else { throw ValidationError("\(option): '\(text)' is not a date (YYYY-MM-DD) that exists") }
        return day
    }
}

extension Moment {
    /// A moment given on the command line: ISO 8601 with a zone, or a day meaning the end of that day in
    /// England (Europe/London), the time zone of the data.
    static func argument(_ text: String, option: String) throws -> Moment {
        if let moment = Moment(iso: text) { return moment }
        guard let day = Day(iso: text) else {
            throw ValidationError("\(option): '\(text)' is not a moment (2013-06-05T09:00:00+01:00) or a day (2013-06-05)")
        }
        let (year, month, dayOfMonth) = day.civil
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let end = calendar.date(from: DateComponents(year: year, month: month, day: dayOfMonth, hour: 23, minute: 59, second: 59))!
        return Moment(epochSeconds: Int64(end.timeIntervalSince1970), text: text + " 23:59:59 Europe/London")
    }
}

/// Writes text to a file, saying which file could not be written.
func write(_ text: String, to path: String) throws { try write(Array(text.utf8), to: path) }

func write(_ bytes: [UInt8], to path: String) throws {
    do {
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? file.close() }
        try file.write(contentsOf: bytes)
    } catch {
        throw ValidationError("cannot write \(path): \(error.localizedDescription)")
    }
}
