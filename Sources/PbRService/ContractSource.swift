import Crypto
import Foundation
import PbRCore
import PbRImport

/// A contract as read from its file, with the file's digest for the record of every output it produces.
public struct ContractSource: Sendable {
    public let contract: Contract
    public let path: String
    public let sha256: String
    /// The file's text, exactly as read (what the store keeps for a registered contract).
    public let text: String

    /// Reads and checks a contract file.
    /// - Throws: a `Refusal` naming the file and the path to the bad key.
    public static func load(_ path: String) throws(Refusal) -> ContractSource {
        let data = try InputFile.contents(path, what: "contract file")
        guard let text = String(data: data, encoding: .utf8) else { throw Refusal("\(path): the contract file must be UTF-8") }
        do {
            let contract = try ContractLoader.parse(text)
            return ContractSource(contract: contract, path: path, sha256: SHA256.hash(data: data).hex, text: text)
        } catch {
            throw Refusal("\(path): \(error)")
        }
    }

    public var stamp: Provenance.ContractStamp { .init(id: contract.id, file: path, sha256: sha256) }
}
