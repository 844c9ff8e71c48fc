import Foundation
import PbRCore
import PbRImport
import PbRService
import PbRTestSupport
import Testing

/// A file written in parts, as they are made on every core, is the file written whole, with the same record.
@Suite("Output files in parts")
struct OutputFilesPartsTests {
    /// Lines with every kind of field: a reason that must be quoted, negative and large amounts, one-digit parts.
    func lines(_ count: Int) -> [Entitlement] {
        (0..<count).map { index in
            Entitlement(providerID: ProviderID("P0\(index % 3)"), earnedBy: ProviderID("S\(index % 2)"),
                        clientID: ClientID("C\(100_000 + index)"), outcomeID: OutcomeID("D1-completed"), part: index % 4 + 1,
                        band: Band(index % 5 + 1)!, achievedOn: Day(ordinal: Int32(15_000 + index)),
                        dueOn: Day(ordinal: Int32(15_200 + index * 7)), earnsOn: Day(ordinal: Int32(15_200 + index)),
                        amount: Money(pence: Int64(index * 137 - 500) * (index % 7 == 0 ? 1_000_003 : 1)),
                        status: index % 3 == 0 ? .pending : .payable,
                        reason: index % 5 == 0 ? "capped: \"annual\" cap, reached" : "payable", pendingAmount: .zero)
        }
    }

    @Test func thePartsJoinedAreTheWholeFileForAnyNumberOfParts() {
        let all = lines(103)
        for count in [1, 2, 3, 7, 103, 150] {
            #expect(Array((0..<count).map { EntitlementsCSV.part($0, of: count, all) }.joined()) == EntitlementsCSV.bytes(all),
                    "\(count) parts")
        }
        #expect(EntitlementsCSV.part(0, of: 4, []) == EntitlementsCSV.bytes([]))
    }

    @Test func numbersDaysAndAmountsAreWrittenAsTheirDescriptions() {
        let days = [Day(year: 1, month: 1, day: 1)!, Day(year: 999, month: 12, day: 31)!, Day(year: 2016, month: 2, day: 29)!,
                    Day(year: 9999, month: 12, day: 31)!]
        let amounts = [0, 1, 9, 10, 99, 100, 101, -1, -99, -100, -12_345, Int64.max, Int64.min + 1].map { Money(pence: $0) }
        let numbers = [0, 7, 10, -3, Int.max, Int.min]
        var writer = CSVWriter(header: ["value"])
        for day in days { writer.row { $0.field(day) } }
        for amount in amounts { writer.row { $0.field(amount) } }
        for number in numbers { writer.row { $0.field(number) } }
        let expected = ["value"] + days.map(\.description) + amounts.map(\.description) + numbers.map { String($0) }
        #expect(writer.text == expected.map { $0 + "\n" }.joined())
    }

    @Test func aFileWrittenInPartsIsTheFileWrittenWholeWithTheSameRecord() throws {
        let folder = try Fixtures.temporaryFolder()
        let all = lines(1_000)
        let provenance = Provenance(command: "entitlements", store: "s.sqlite", asOf: Day(ordinal: 17_000))
        let now = Date(timeIntervalSince1970: 1_500_000_000)
        let whole = folder.appendingPathComponent("whole.csv").path, parts = folder.appendingPathComponent("parts.csv").path
        try OutputFiles.write(EntitlementsCSV.bytes(all), to: whole, provenance: provenance, now: now)
        try OutputFiles.write(parts: 9, to: parts, provenance: provenance, now: now) { EntitlementsCSV.part($0, of: 9, all) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: parts)) == Data(contentsOf: URL(fileURLWithPath: whole)))
        let record = { (path: String) in try String(contentsOfFile: path + ".json", encoding: .utf8) }
        #expect(try record(parts).replacingOccurrences(of: "parts.csv", with: "whole.csv") == record(whole))
        #expect(try record(whole).contains("\"rows\" : 1000"))
        #expect(try Set(FileManager.default.contentsOfDirectory(atPath: folder.path))
                == ["whole.csv", "whole.csv.json", "parts.csv", "parts.csv.json"])
    }
}
