import Foundation
import PbRCore
@testable import PbRImport
import PbRTestSupport
import Testing

/// Tricky values, one column at a time, read both ways: the byte path (`ByteSchema`) vouches only for a
/// row the general way (`FieldReader`, `RecordSchema.parse`) accepts, with the same canonical text and
/// late facts, and for every such row of ASCII whose canonical text is what was sent. Were a rule tightened on
/// one side alone (a date, a number, the birth-year range, white space), a value here would tell.
@Suite("Rows checked from their bytes keep the general way's rules")
struct ByteSchemaRulesTests {
    static let knownOn = day("2013-06-05")

    static let dates = [
        "2012-05-01", "2015-02-28", "2015-02-29", "2016-02-29", "2000-02-29", "1900-02-29", "2015-13-01", "2015-00-10",
        "2015-01-00", "2015-04-31", "2015-12-31", "0000-01-01", "0001-01-01", "9999-12-31", "2015-1-01", "2015-01-1",
        " 2015-01-01", "2015-01-01 ", "2015/01/01", "+015-01-01", "+2015-01-01", "-015-01-01", "2015-01-01T00:00",
        "20150101", "", "2014-01-01", "\u{FF12}\u{FF10}\u{FF11}\u{FF15}-01-01", "2015-01-0\u{661}",
        "2015\u{2212}01\u{2212}01", "2015-01-01\u{A0}", "\u{A0}2015-01-01",
    ]
    static let numbers = [
        "0", "1", "3", "5", "6", "28", "29", "07", "00", "+3", "-1", " 3", "3 ", "", "3.0", "1e3", "999999999",
        "1000000000", "0999999999", "99999999999999999999", "\u{663}", "\u{FF13}", "3\u{A0}",
    ]
    static let birthYears = [
        "1899", "1900", "1978", "2013", "2014", "2100", "2101", "01978", "+1978", "-1978", "", " 1978", "1978 ",
        "19781", "0", "999999999", "1000000000", "\u{FF11}\u{FF19}\u{FF17}\u{FF18}", "\u{661}\u{669}\u{667}\u{668}",
    ]
    static let ids = ["1", "01", "", " 1", "1 ", "\u{A0}1", "1\u{A0}", "\u{E9}1", "1\u{E9}", "a b", "+1"]
    static let codes = ["M", "F", "m", "", "M ", " M", "\u{FF2D}", "X", "M\u{A0}"]

    /// A good row of each kind, by column: each test changes one column of it.
    static func base(_ kind: RecordKind) -> [String: String] {
        switch kind {
        case .clients: ["client_id": "C1", "sex": "M", "birth_year": "1978"]
        case .assessments: ["record_id": "1", "client_id": "C1", "assessed_on": "2012-05-01", "band": "3", "assessor": "LASAR",
                            "reason": "initial"]
        case .episodes: ["record_id": "10", "client_id": "C1", "provider_id": "P01", "referral_on": "2012-05-01",
                         "start_on": "2012-05-14", "end_on": "", "discharge_reason": "", "substance_1": "opiates",
                         "substance_2": "alcohol", "substance_3": "", "referral_source": "self"]
        case .top:
            ["record_id": "1", "client_id": "C1", "episode_id": "10", "on": "2012-06-01", "stage": "start"].merging(
                TopField.allCases.map { ($0.rawValue, $0.scale == .flag ? "N" : "0") }) { $1 }
        case .offences: ["record_id": "1", "client_id": "C1", "offence_on": "2012-01-01", "proven_on": "", "trigger": "Y",
                         "category": "theft"]
        case .events: ["record_id": "1", "client_id": "C1", "on": "2012-01-01", "kind": "goal_agreed", "detail": "care plan"]
        case .claims: ["record_id": "1", "client_id": "C1", "programme": "work_programme", "outcome": "job",
                       "achieved_on": "2012-01-01"]
        }
    }

    struct Reading: Equatable, CustomStringConvertible {
        var canonical: String
        var late: String
        var description: String { "\(canonical.replacingOccurrences(of: "\u{1F}", with: "|")) late: \(late)" }
    }

    /// One row, `column` set to `value`, read both ways; and the text the row would have were it
    /// canonical as sent.
    func bothWays(_ kind: RecordKind, _ column: String, _ value: String) throws -> (vouched: Reading?, general: Reading?, sent: String) {
        let names = RecordSchema.columns(kind)
        var row = Self.base(kind)
        row[column] = value
        let fields = names.map { row[$0]! }
        let bytes = Array((names.joined(separator: ",") + "\n" + fields.joined(separator: ",") + "\n").utf8)
        let (layout, start, line) = try FileLayout.read(kind, from: RecordBlocks.Block(bytes: bytes, firstLine: 1), allowExtra: false)
        let schema = try #require(ByteSchema(layout))
        var reader = CSVReader(bytes: bytes, range: start..<bytes.count, firstLine: line)
        var ranges: [Range<Int>] = [], canonical: [UInt8] = []
        #expect(try reader.nextFields(&ranges) != .quoted)
        let vouched = bytes.withUnsafeBufferPointer { schema.vouch($0, ranges, knownOn: Self.knownOn, canonical: &canonical) }
        func late(_ row: LateFacts.Row?) -> String { row.map { "\($0.count) \($0.column) \($0.value)" } ?? "-" }
        let block = try ParsedBlock.parse(bytes, from: start, line: line, layout: layout, knownOn: Self.knownOn, pieces: 1, vouching: false)
        return (vouched.map { Reading(canonical: String(decoding: canonical, as: UTF8.self), late: late($0.late)) },
                block.candidates.first.map { Reading(canonical: $0.row.fields, late: late($0.late)) },
                fields.joined(separator: "\u{1F}"))
    }

    /// Every value of `values` in `column`, both ways; how many rows the general way accepted.
    @discardableResult
    func expectAgreement(_ kind: RecordKind, _ column: String, _ values: [String]) throws -> Set<String> {
        var accepted: Set<String> = []
        for value in values {
            let (vouched, general, sent) = try bothWays(kind, column, value)
            let what = "\(kind) \(column) '\(value)'"
            if let vouched { #expect(vouched == general, "\(what): vouched for as \(vouched), the general way gives \(String(describing: general))") }
            // Anything not ASCII the byte path may leave to the general way (a no-break space at an end).
            if let general, general.canonical == sent, value.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(vouched == general, "\(what): canonical as sent, but not vouched for")
            }
            if general != nil { accepted.insert(value) }
        }
        return accepted
    }

    @Test func datesAreReadAlikeInEveryDateColumn() throws {
        let columns: [(RecordKind, String)] = [
            (.assessments, "assessed_on"), (.episodes, "referral_on"), (.episodes, "start_on"), (.episodes, "end_on"),
            (.top, "on"), (.offences, "offence_on"), (.offences, "proven_on"), (.events, "on"), (.claims, "achieved_on"),
        ]
        for (kind, column) in columns { try expectAgreement(kind, column, Self.dates) }
        let accepted = try expectAgreement(.assessments, "assessed_on", Self.dates)
        #expect(accepted == ["2012-05-01", "2015-02-28", "2016-02-29", "2000-02-29", "2015-12-31", "0001-01-01", "9999-12-31", "2014-01-01"])
    }

    @Test func numbersAreReadAlike() throws {
        try expectAgreement(.assessments, "band", Self.numbers)
        for field in TopField.allCases where field.scale != .flag { try expectAgreement(.top, field.rawValue, Self.numbers) }
        let accepted = try expectAgreement(.top, TopField.alcoholDays.rawValue, Self.numbers)
        #expect(accepted == ["0", "1", "3", "5", "6", "28", "07", "00", ""])
    }

    @Test func birthYearsAreReadAlikeWithinTheOneRange() throws {
        let accepted = try expectAgreement(.clients, "birth_year", Self.birthYears)
        #expect(accepted == ["1900", "1978", "2013", "2014", "2100", "01978", ""])
        #expect(Client.birthYears == 1900...2100)
    }

    @Test func idsCodesAndFlagsAreReadAlike() throws {
        for kind in RecordKind.allCases { try expectAgreement(kind, RecordSchema.keyColumn(kind), Self.ids) }
        try expectAgreement(.assessments, "assessor", Self.ids)
        try expectAgreement(.episodes, "provider_id", Self.ids)
        try expectAgreement(.top, "episode_id", Self.ids)
        try expectAgreement(.clients, "sex", Self.codes)
        try expectAgreement(.top, "stage", ["start", "review", "exit", "Start", " start", "", "middle"])
        try expectAgreement(.episodes, "substance_2", ["", "crack", "heroin", " crack"])
        try expectAgreement(.offences, "trigger", ["Y", "N", "", "y", "Y ", "\u{FF39}"])
        try expectAgreement(.top, TopField.acuteHousing.rawValue, ["Y", "N", "", "n", "1"])
    }
}
