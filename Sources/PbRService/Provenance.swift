import Crypto
import Foundation
import PbRCore

/// What produced an output file, written beside it as `FILE.json` (a CSV has no place for it): the
/// program and its version, the contract and its digest, the run's as-of day and cut-off, the last
/// import the run saw, and the file's own digest, so that anyone can tell where a figure came from and
/// produce it again.
public struct Provenance: Codable, Equatable, Sendable {
    public struct ContractStamp: Codable, Equatable, Sendable {
        public var id: String
        public var file: String
        public var sha256: String

        public init(id: String, file: String, sha256: String) { self.id = id; self.file = file; self.sha256 = sha256 }
    }

    /// An input file other than the contract (the comparison areas of `pbr diagnose`).
    public struct FileStamp: Codable, Equatable, Sendable {
        public var file: String
        public var sha256: String

        public init(file: String, sha256: String) { self.file = file; self.sha256 = sha256 }
    }

    public struct ImportStamp: Codable, Equatable, Sendable {
        public var id: Int
        public var knownAt: String
        public var sha256: String

        public init(id: Int, knownAt: String, sha256: String) { self.id = id; self.knownAt = knownAt; self.sha256 = sha256 }

        enum CodingKeys: String, CodingKey { case id, knownAt = "known_at", sha256 }
    }

    public var file: String = ""
    public var sha256: String = ""
    public var rows: Int = 0
    public var program = "pbr"
    public var version = PbRVersion.current
    public var command: String
    public var store: String
    public var contract: ContractStamp?
    /// The comparison file a diagnosis judged the area against; nil when none.
    public var comparison: FileStamp?
    public var asOf: String?
    /// The run's cut-off as given; nil when it saw everything imported.
    public var knownAt: String?
    /// The latest import the run saw; nil when it saw none.
    public var lastImport: ImportStamp?
    /// What the run warned about, as it was printed.
    public var warnings: [String] = []
    public var writtenAt: String = ""

    enum CodingKeys: String, CodingKey {
        case file, sha256, rows, program, version, command, store, contract, comparison, warnings
        case asOf = "as_of", knownAt = "known_at", lastImport = "last_import", writtenAt = "written_at"
    }

    public init(command: String, store: String, contract: ContractStamp? = nil, asOf: Day? = nil, knownAt: Moment? = nil,
                lastImport: ImportStamp? = nil) {
        self.command = command; self.store = store; self.contract = contract; self.asOf = asOf?.description
        self.knownAt = knownAt?.text; self.lastImport = lastImport
    }

    /// Where the record of `path` goes: beside it, its name with `.json` added.
    public static func sidecarPath(of path: String) -> String { path + ".json" }

    /// This record, filled in for the bytes of one file.
    /// - Parameter rows: the file's rows, for a file that is not a CSV; nil counts a CSV's lines less its header.
    func stamped(_ path: String, _ bytes: [UInt8], rows: Int? = nil, now: Date) -> Provenance {
        stamped(path, sha256: SHA256.hash(data: bytes).hex, rows: rows ?? Self.csvRows(newlines: Self.newlines(in: bytes)), now: now)
    }

    /// This record, for a file of that digest and that many rows.
    func stamped(_ path: String, sha256: String, rows: Int, now: Date) -> Provenance {
        var stamp = self
        stamp.file = URL(fileURLWithPath: path).lastPathComponent
        stamp.sha256 = sha256
        stamp.rows = rows
        stamp.writtenAt = ISO8601DateFormatter().string(from: now)
        return stamp
    }

    static func newlines(in bytes: [UInt8]) -> Int { bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } }

    /// A CSV's rows: its lines less the header row.
    static func csvRows(newlines: Int) -> Int { max(0, newlines - 1) }

    func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        return Array((try? encoder.encode(self)) ?? Data()) + [UInt8(ascii: "\n")]
    }
}

extension OutputFiles {
    /// Writes a file and its record beside it, each whole or not at all. The file's digest is taken on
    /// one core while the file is written and flushed on the other (at national scale each takes about
    /// half a second).
    /// - Parameter rows: what the record counts as the file's rows when it is not a CSV (an HTML statement's lines).
    public static func write(_ bytes: [UInt8], to path: String, provenance: Provenance, rows: Int? = nil,
                             now: Date = Date()) throws(Refusal) {
        let done = concurrentMap(2) { task -> Result<Provenance?, Refusal> in
            task == 0 ? Result { () throws(Refusal) in try write(bytes, to: path); return nil }
                      : .success(provenance.stamped(path, bytes, rows: rows, now: now))
        }
        _ = try done[0].get()
        guard case .success(let stamp?) = done[1] else { preconditionFailure("the record is made without failing") }
        try write(stamp.json(), to: Provenance.sidecarPath(of: path))
    }
}
