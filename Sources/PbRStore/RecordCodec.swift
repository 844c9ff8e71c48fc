import PbRCore

/// Keeps a record in the journal as its canonical extract fields joined by U+001F (which the importer
/// refuses in any field), and reads it back through the same schema the importer validates with.
enum RecordCodec {
    static let separator: Character = "\u{1F}"

    static func encode(_ record: Record) -> String {
        RecordSchema.fields(record).joined(separator: String(separator))
    }

    static func decode(_ kind: RecordKind, _ text: String) throws -> Record {
        let fields = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        var reader = FieldReader(fields: fields, columns: columns[kind]!)
        guard fields.count == columns[kind]!.count, let record = RecordSchema.parse(kind, &reader) else {
            throw StoreError.corrupt("a stored \(kind.rawValue) record does not read back: \(reader.issues)")
        }
        return record
    }

    private static let columns = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { ($0, RecordSchema.canonicalIndex($0)) })
}

public enum StoreError: Error, CustomStringConvertible, Sendable {
    case corrupt(String)
    case unsupported(String)

    public var description: String {
        switch self {
        case .corrupt(let what): "the store is damaged: \(what)"
        case .unsupported(let what): what
        }
    }
}
