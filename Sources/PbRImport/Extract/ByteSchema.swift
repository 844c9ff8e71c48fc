import PbRCore

/// A file's columns as the importer checks them straight from a row's bytes, by column: the common
/// row, every field plainly good, becomes its journal row without a `String` a field, a dictionary
/// look-up a column, or a `Record` (at national scale those were most of an import's work).
///
/// It only ever vouches for a row. A row it cannot vouch for (any defect, a withdrawal, a field whose
/// canonical text would differ from what was sent, such as `07` for 7) goes the general way
/// (`FieldReader`, `RecordSchema.parse`), which says what is wrong in the words it always has: this
/// makes no message. A test holds both ways to the same journal rows.
struct ByteSchema: Sendable {
    enum Check: Sendable {
        /// Free text, taken as sent (`detail`, `category`).
        case text
        /// An id or other value that must be given, with no white space around it.
        case required
        /// An id that may be empty.
        case identifier
        case day(required: Bool)
        /// Digits only, no leading zero (so that its canonical text is the same bytes).
        case integer(ClosedRange<Int>, required: Bool)
        /// `Y`, `N` or empty.
        case flag
        /// One of the code's raw values, as bytes.
        case code([[UInt8]], required: Bool)
    }

    struct Column: Sendable {
        /// The column's position in the file's header.
        let field: Int
        let name: String
        let check: Check
        /// Its place among an episode's substances, which close up in the canonical text.
        let substance: Int?
    }

    /// The file's format, in canonical order.
    let columns: [Column]
    /// Where `deleted` is, if the file has it.
    let deleted: Int?
    /// How many fields a row has (the header's).
    let fieldCount: Int
    /// Places in `columns` that a row's checks single out, found by name (`RecordSchema`'s).
    let key: Int, client: Int
    /// The episode a TOP names, or the provider an episode names.
    let reference: Int?
    /// An episode's start and end: an end before the start goes the general way.
    let start: Int?, end: Int?
    let substances: [Int]
    /// A client's birth year: one after the known_at year is a late fact.
    let birthYear: Int?

    /// `nil` when the header keeps rows out or lacks a column: every row then goes the general way.
    init?(_ layout: FileLayout) {
        guard layout.missing.isEmpty, layout.unknown.isEmpty || layout.allowExtra else { return nil }
        let kind = layout.kind
        let checks = Self.checks(kind)
        let names = RecordSchema.columns(kind)
        precondition(Set(checks.keys) == Set(names), "a check for each column of \(kind)")
        func place(_ name: String) -> Int {
            guard let index = names.firstIndex(of: name) else { preconditionFailure("\(kind) has no column \(name)") }
            return index
        }
        let substanceColumns = kind == .episodes ? RecordSchema.substanceColumns : []
        columns = names.map { name in
            Column(field: layout.columns[name]!, name: name, check: checks[name]!,
                   substance: substanceColumns.firstIndex(of: name))
        }
        deleted = layout.columns["deleted"]
        fieldCount = layout.header.count
        key = place(RecordSchema.keyColumn(kind))
        client = place("client_id")
        reference = kind == .top ? place("episode_id") : kind == .episodes ? place("provider_id") : nil
        (start, end) = kind == .episodes ? (place("start_on"), place("end_on")) : (nil, nil)
        substances = substanceColumns.map(place)
        birthYear = kind == .clients ? place("birth_year") : nil
    }

    /// Each column's check, by name: what `RecordSchema.parse` asks of it.
    private static func checks(_ kind: RecordKind) -> [String: Check] {
        switch kind {
        case .clients:
            ["client_id": .required, "sex": code(Sex.self), "birth_year": .integer(Client.birthYears, required: false)]
        case .assessments:
            ["record_id": .required, "client_id": .required, "assessed_on": .day(required: true),
             "band": .integer(Band.range, required: true), "assessor": .identifier, "reason": code(AssessmentReason.self)]
        case .episodes:
            ["record_id": .required, "client_id": .required, "provider_id": .required, "referral_on": .day(required: false),
             "start_on": .day(required: false), "end_on": .day(required: false), "discharge_reason": code(DischargeReason.self),
             "referral_source": code(ReferralSource.self)]
                .merging(RecordSchema.substanceColumns.map { ($0, code(Substance.self)) }) { $1 }
        case .top:
            ["record_id": .required, "client_id": .required, "episode_id": .required, "on": .day(required: true),
             "stage": code(TopStage.self, required: true)]
                .merging(TopField.allCases.map { field in
                    (field.rawValue, field.scale == .flag ? .flag
                        : .integer(Int(field.validRange.lowerBound)...Int(field.validRange.upperBound), required: false))
                }) { $1 }
        case .offences:
            ["record_id": .required, "client_id": .required, "offence_on": .day(required: true),
             "proven_on": .day(required: false), "trigger": .flag, "category": .text]
        case .events:
            ["record_id": .required, "client_id": .required, "on": .day(required: true),
             "kind": code(EventKind.self, required: true), "detail": .text]
        case .claims:
            ["record_id": .required, "client_id": .required, "programme": .required, "outcome": .required,
             "achieved_on": .day(required: true)]
        }
    }

    private static func code<Code: RawRepresentable & CaseIterable>(_: Code.Type, required: Bool = false) -> Check
    where Code.RawValue == String {
        .code(Code.allCases.map { Array($0.rawValue.utf8) }, required: required)
    }
}
