import Crypto
import PbRCore
import Testing

/// An import's records digest is a sum of its rows' SHA-256s: the same rows in any order give the same
/// digest, and any changed, missing or repeated row gives another.
@Suite("Records digest")
struct RecordsDigestTests {
    let rows = [
        RowDigest(kind: .clients, key: "A001", clientID: "A001", withdraws: false, fields: "A001\u{1F}M\u{1F}1978"),
        RowDigest(kind: .events, key: "7", clientID: "A001", withdraws: true, fields: ""),
        RowDigest(kind: .top, key: "100", clientID: "A002", withdraws: false, fields: "100\u{1F}A002"),
    ]

    func digest(_ rows: [RowDigest]) -> String {
        var digest = RecordsDigest()
        for row in rows { digest.add(row) }
        return digest.text
    }

    @Test func theOrderOfRowsDoesNotMatter() {
        #expect(digest(rows) == digest(rows.reversed()))
        #expect(digest([rows[1], rows[2], rows[0]]) == digest(rows))
    }

    @Test func aChangedMissingOrRepeatedRowChangesTheDigest() {
        let changed = RowDigest(kind: .clients, key: "A001", clientID: "A001", withdraws: false, fields: "A001\u{1F}F\u{1F}1978")
        let all = digest(rows)
        #expect(digest([changed, rows[1], rows[2]]) != all)
        #expect(digest(Array(rows.dropLast())) != all)
        #expect(digest(rows + [rows[0]]) != all)
        #expect(digest([rows[1], rows[1]]) != digest([]))  // a sum, not an exclusive-or: a pair does not cancel
    }

    @Test func theEmptyDigestIsZeroAndOneRowIsItsOwnSHA256() {
        #expect(digest([]) == "sum256:" + String(repeating: "0", count: 64))
        #expect(digest([rows[0]]) == "sum256:" + SHA256.hash(data: Array("clients\u{1E}A001\u{1E}A001\u{1E}0\u{1E}A001\u{1F}M\u{1F}1978".utf8)).hex)
    }

    /// Multi-byte characters counted in bytes, and a row longer than a stack buffer, are hashed whole.
    @Test func aRowsDigestIsTheSHA256OfItsWholeTextWhateverItsCharactersAndLength() {
        let long = String(repeating: "Brixton–Lambeth ", count: 400)
        for (key, client, fields) in [("É7", "Zoë", "É7\u{1F}Zoë\u{1F}café"), ("9", "A001", "9\u{1F}A001\u{1F}" + long)] {
            let row = RowDigest(kind: .events, key: key, clientID: client, withdraws: false, fields: fields)
            let text = "events\u{1E}\(key)\u{1E}\(client)\u{1E}0\u{1E}\(fields)"
            #expect(digest([row]) == "sum256:" + SHA256.hash(data: Array(text.utf8)).hex)
        }
    }

    /// Frozen when SHA-256 was written out by hand (and by Python's hashlib): the digests that stores
    /// already hold must come out the same from any implementation, or `pbr db check` fails them.
    @Test func theDigestsOfKnownRowsAreThoseStoresAlreadyHold() {
        #expect(digest([rows[0]]) == "sum256:c8243bccc439fcd16a03c0c537a1096c68fec46658c75674b9cce29b427c6cee")
        #expect(digest(rows) == "sum256:fdae427df535c0e7bb398798735197ad1cbe097edf0183dd81a2b5bdeef8acdf")
    }
}
