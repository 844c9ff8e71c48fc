@testable import PbRStore
import PbRCore
import Testing

@Suite("Packed version codes")
struct VersionCodeTests {
    /// What the store's query computes in SQL.
    func pack(knownAt: Int64, importID: Int64, kind: RecordKind, deleted: Bool) -> Int64 {
        (knownAt * VersionCode.importLimit + importID) * 16 + Int64(RecordKind.allCases.firstIndex(of: kind)!) * 2 + (deleted ? 1 : 0)
    }

    @Test func aCodeReadsBackItsKindFlagAndVersionAndKeepsTheirOrder() {
        let cases: [(Int64, Int64)] = [(-86_400, 3), (0, 0), (1_370_419_200, 1), (1_370_419_200, 1_048_575), (1_370_419_201, 0)]
        var previous: Int64?
        for (knownAt, importID) in cases {
            for kind in RecordKind.allCases {
                let code = VersionCode(pack(knownAt: knownAt, importID: importID, kind: kind, deleted: true))!
                #expect(code.kind == kind && code.withdrawn)
                #expect(code.version == (knownAt, importID))
            }
            let packed = pack(knownAt: knownAt, importID: importID, kind: .top, deleted: false)
            if let previous { #expect(packed > previous) }
            previous = packed
        }
    }
}
