import Foundation
import PbRCore
@testable import PbRImport
import PbRTestSupport
import Testing

/// Rows checked from their bytes (`ByteSchema`) become the journal rows the general way
/// (`FieldReader`, `RecordSchema.parse`) makes of them, and a row it cannot vouch for is told of in
/// the general way's words.
@Suite("Rows checked from their bytes")
struct ByteSchemaTests {
    static let knownOn = day("2013-06-05")

    /// Everything a parsed block gives the import, as text to compare.
    func summary(_ block: ParsedBlock) -> [String] {
        block.candidates.map { c in
            let late = c.late.map { "\($0.count) \($0.column) \($0.value)" } ?? "-"
            return "\(c.line) \(c.range) \(c.row.kind) \(c.row.key)|\(c.row.clientID)|\(c.row.withdraws)|\(c.row.fields)|"
                + "\(c.episodeID)|\(c.providerID)|\(late)"
        }
        + block.issues.map { "\($0.description) [\($0.raw ?? "")]" }
        + block.keptOut.map { "kept out: \($0.description)" }
        + block.keys.map { "key \($0.key) \($0.line) \($0.parsed) \(String(describing: $0.repeats))" }
        + ["lacking \(block.lacking)"]
    }

    /// Parses a file both ways: the summaries, and how many rows the schema vouched for.
    func bothWays(_ kind: RecordKind, _ text: String, allowExtra: Bool = false) throws -> (vouching: [String], general: [String], vouched: Int) {
        let bytes = Array(text.utf8)
        let (layout, start, line) = try FileLayout.read(kind, from: RecordBlocks.Block(bytes: bytes, firstLine: 1), allowExtra: allowExtra)
        func parse(_ vouching: Bool) throws -> ParsedBlock {
            try ParsedBlock.parse(bytes, from: start, line: line, layout: layout, knownOn: Self.knownOn, pieces: 2, vouching: vouching)
        }
        var vouched = 0
        if let schema = ByteSchema(layout) {
            var reader = CSVReader(bytes: bytes, range: start..<bytes.count, firstLine: line)
            var fields: [Range<Int>] = [], canonical: [UInt8] = []
            while true {
                let next = try reader.nextFields(&fields)
                if next == .end { break }
                guard case .record = next else { _ = try reader.next(); continue }
                if bytes.withUnsafeBufferPointer({ schema.vouch($0, fields, knownOn: Self.knownOn, canonical: &canonical) }) != nil { vouched += 1 }
            }
        }
        return (summary(try parse(true)), summary(try parse(false)), vouched)
    }

    @Test(arguments: ["small/batch1", "small/batch2"])
    func theFixtureExtractsGiveTheSameRowsBothWays(folder: String) throws {
        let url = Fixtures.url(folder)
        for kind in RecordKind.allCases {
            let file = url.appendingPathComponent(kind.fileName)
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            let result = try bothWays(kind, try String(contentsOf: file, encoding: .utf8))
            #expect(result.vouching == result.general, "\(folder)/\(kind.fileName)")
            #expect(result.vouched > 0, "\(folder)/\(kind.fileName): no row vouched for")
        }
    }

    /// Rows at the edges of each check: leading zeros, white space, a no-break space, gaps between
    /// substances, withdrawals, late dates, an end before the start, quoted fields, bad codes.
    @Test func rowsAtTheEdgesGiveTheSameRowsAndIssuesBothWays() throws {
        let cases: [(RecordKind, String, vouched: Int)] = [
            (.clients, "client_id,sex,birth_year,deleted\nA1,M,1978,\nA2,F,2014,N\nA3,,,\nA4,M,01978,\nA5, M,1978,\n"
                + "A6,X,1978,\nA7,M,1899,\nA8,M,1978,Y\nA9\u{A0},M,1978,\n\"A10\",M,1978,\nA11,M,1978,Q\n", 4),
            (.assessments, "record_id,client_id,assessed_on,band,assessor,reason\n1,A1,2012-05-01,3,LASAR,initial\n"
                + "2,A1,2012-05-01,03,,\n3,A1,2012-02-30,3,,\n4,A1,2012-5-01,3,,\n5,A1,2013-07-01,6,,\n6,A1,2013-07-01,5, x,\n"
                + "7,A1,2014-01-01,1,x\u{A0},reassessment\n8,A1,2012-05-01,3,LASAR,unknown\n9,A1,,3,,\n"
                + "10,A1,2012-05-01,3,Jos\u{E9}x,reassessment\n", 2),
            (.episodes, "client_id,record_id,provider_id,referral_on,start_on,end_on,discharge_reason,substance_1,substance_2,substance_3,referral_source\n"
                + "A1,10,P01,,2012-05-14,,,opiates,,,self\nA1,11,P02,2012-05-01,2012-06-18,2013-09-01,completed_drug_free,,alcohol,crack,gp\n"
                + "A1,12,P03,,,,,,,opiates,\nA1,13,P01,,2012-08-01,2012-07-01,,,,,\nA1,14,P01,,2012-08-01,,,heroin,,,\n"
                + "A1,15,,,2012-08-01,,,,,,\nA1,16,P01,,2014-08-01,2014-09-01,,,,,\n", 4),
            (.top, "record_id,client_id,episode_id,on,stage,alcohol_days,opiates_days,crack_days,cocaine_days,amphetamines_days,cannabis_days,other_days,alcohol_units,injected_days,shared_equipment,shoplifting_days,selling_days,theft_vehicle,other_theft,fraud,violence,psychological,physical,quality_of_life,paid_work_days,education_days,acute_housing,eviction_risk\n"
                + "1,A1,10,2012-06-01,start,23,0,0,0,0,0,0,24,0,N,0,0,N,N,N,N,7,14,0,0,0,Y,N\n"
                + "2,A1,10,2012-07-01,review,,,,,,,,,,,,,,,,,,,,,,,\n"
                + "3,A1,10,2012-07-01,review,29,0,0,0,0,0,0,24,0,N,0,0,N,N,N,N,7,14,0,0,0,Y,N\n"
                + "4,A1,10,2012-07-01,review,00,0,0,0,0,0,0,24,0,N,0,0,N,N,N,N,7,14,0,0,0,Y,N\n"
                + "5,A1,10,2012-07-01,review,0,0,0,0,0,0,0,24,0,y,0,0,N,N,N,N,7,14,0,0,0,Y,N\n"
                + "6,A1,10,2012-07-01,middle,0,0,0,0,0,0,0,24,0,N,0,0,N,N,N,N,7,14,0,0,0,Y,N\n"
                + "7,A1,10,2012-07-01,exit,0,0,0,0,0,0,0,32766,0,N,0,0,N,N,N,N,20,20,20,0,0,Y,N\n"
                + "8,A1,10,2012-07-01,exit,0,0,0,0,0,0,0,24,0,N,0,0,N,N,N,N,7,14\n", 3),
            (.offences, "record_id,client_id,offence_on,proven_on,trigger,category\n1,A1,2012-01-01,,Y,theft \n"
                + "2,A1,2012-01-01,2013-07-01,,\"burglary, aggravated\"\n3,A1,2012-01-01,2012-02-01,Q,x\n4,A1,2012-01-01,,N,caf\u{E9}\n", 2),
            (.events, "record_id,client_id,on,kind,detail\n1,A1,2012-01-01,goal_agreed,care plan\n2,A1,2012-01-01,nonsense,\n"
                + "3,A1,2013-08-01,goal_agreed, spaced \n1,A1,2012-01-02,goal_agreed,repeat\n", 3),
            (.claims, "record_id,client_id,programme,outcome,achieved_on\n1,A1,work_programme,job,2012-01-01\n2,A1,,job,2012-01-01\n", 1),
        ]
        for (kind, text, vouched) in cases {
            let result = try bothWays(kind, text)
            #expect(result.vouching == result.general, "\(kind)")
            #expect(result.vouched == vouched, "\(kind)")
        }
    }

    @Test func aHeaderThatLacksAColumnOrHasAnUnknownOneVouchesForNoRow() throws {
        let lacking = try bothWays(.clients, "client_id,sex\nA1,M\nA2,F,\n")
        let unknown = try bothWays(.clients, "client_id,sex,birth_year,shoe_size\nA1,M,1978,9\n")
        let allowed = try bothWays(.clients, "client_id,sex,birth_year,shoe_size\nA1,M,1978,9\n", allowExtra: true)
        #expect(lacking.vouching == lacking.general && lacking.vouched == 0)
        #expect(unknown.vouching == unknown.general && unknown.vouched == 0)
        #expect(allowed.vouching == allowed.general && allowed.vouched == 1)
    }
}
