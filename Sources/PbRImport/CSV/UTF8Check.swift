/// Where bytes stop being UTF-8, for a message that names the byte ("byte 0xE9 is not UTF-8"): a Latin-1
/// file is refused, never read with replacement characters.
enum UTF8Check {
    /// The offset of the first byte that does not start a valid UTF-8 sequence, or `nil` if all are valid.
    static func firstInvalid(in bytes: some Collection<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// "byte 0xE9 is not UTF-8; the file must be UTF-8".
    static func reason(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" + hex : hex) is not UTF-8; the file must be UTF-8"
    }
}
