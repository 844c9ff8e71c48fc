import Crypto

// SHA-256 comes from swift-crypto (BoringSSL on Linux, CryptoKit on Apple's systems), which PostgresNIO
// builds anyway. The core may import it: a hash is a pure function of bytes, with no I/O, clock or
// environment, and the journal's row digests (`RowDigest`) are made in the core with each row.

extension Digest {
    /// The digest as lowercase hex digits, most significant byte first (64 for SHA-256): the form every
    /// digest PbR keeps takes, in stores, records and statements.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: Self.byteCount * 2) { text in
            var at = 0
            for byte in self {
                text[at] = digits[Int(byte >> 4)]
                text[at + 1] = digits[Int(byte & 0x0F)]
                at += 2
            }
            return at
        }
    }
}
