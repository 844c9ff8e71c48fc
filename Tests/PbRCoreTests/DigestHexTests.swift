import Crypto
import PbRCore
import Testing

/// Every digest PbR keeps is SHA-256 as 64 lowercase hex digits: the FIPS 180-4 examples, frozen.
@Suite("SHA-256 as hex")
struct DigestHexTests {
    func hex(_ text: String) -> String { SHA256.hash(data: Array(text.utf8)).hex }

    @Test func knownDigests() {
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// As the extract digest feeds it: in pieces of any size.
    @Test func aMillionAsInUnevenPiecesGiveTheFIPSDigest() {
        var digest = SHA256()
        var fed = 0
        for size in [1, 63, 64, 65, 1_000, 7] {
            digest.update(data: Array(repeating: UInt8(ascii: "a"), count: size))
            fed += size
        }
        digest.update(data: Array(repeating: UInt8(ascii: "a"), count: 1_000_000 - fed))
        #expect(digest.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
