import PbRCore

/// A file's columns as the importer checks them straight from a row's bytes, by position: the common
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
    }

    let kind: RecordKind
    /// The file's format, in canonical order.
    let columns: [Column]
    /// Where `deleted` is, if the file has it.
    let deleted: Int?
    /// How many fields a row has (the header's).
    let fieldCount: Int

    /// `nil` when the header keeps rows out or lacks a column: every row then goes the general way.
    init?(_ layout: FileLayout) {
        guard layout.missing.isEmpty, layout.unknown.isEmpty || layout.allowExtra else { return nil }
        let checks = Self.checks(layout.kind)
        let names = RecordSchema.columns(layout.kind)
        precondition(checks.count == names.count, "a check for each column of \(layout.kind)")
        kind = layout.kind
        columns = zip(names, checks).map { Column(field: layout.columns[$0.0]!, name: $0.0, check: $0.1) }
        deleted = layout.columns["deleted"]
        fieldCount = layout.header.count
    }

    /// Each column's check, in `RecordSchema.columns` order: what `RecordSchema.parse` asks of it.
    private static func checks(_ kind: RecordKind) -> [Check] {
        switch kind {
        case .clients: [.required, code(Sex.self), .integer(1900...2100, required: false)]
        case .assessments:
            [.required, .required, .day(required: true), .integer(Band.range, required: true), .identifier,
             code(AssessmentReason.self)]
        case .episodes:
            [.required, .required, .required, .day(required: false), .day(required: false), .day(required: false),
             code(DischargeReason.self), code(Substance.self), code(Substance.self), code(Substance.self),
             code(ReferralSource.self)]
        case .top:
            [.required, .required, .required, .day(required: true), code(TopStage.self, required: true)]
                + TopField.allCases.map { field in
                    field.scale == .flag ? .flag
                        : .integer(Int(field.validRange.lowerBound)...Int(field.validRange.upperBound), required: false)
                }
        case .offences: [.required, .required, .day(required: true), .day(required: false), .flag, .text]
        case .events: [.required, .required, .day(required: true), code(EventKind.self, required: true), .text]
        case .claims: [.required, .required, .required, .required, .day(required: true)]
        }
    }

    private static func code<Code: RawRepresentable & CaseIterable>(_: Code.Type, required: Bool = false) -> Check
    where Code.RawValue == String {
        .code(Code.allCases.map { Array($0.rawValue.utf8) }, required: required)
    }
}
