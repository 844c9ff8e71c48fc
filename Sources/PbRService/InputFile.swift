import Foundation

/// A file the user names as an input (a contract, a comparison, the rates), read whole.
enum InputFile {
    /// - Parameter what: what the file should be, for the message ("contract file").
    /// - Throws: a `Refusal` saying the file is missing, is a folder, or cannot be read.
    static func contents(_ path: String, what: String) throws(Refusal) -> Data {
        if let data = FileManager.default.contents(atPath: path) { return data }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        throw Refusal("\(path): " + (exists ? (isFolder.boolValue ? "is a folder, not a \(what)" : "cannot be read") : "no such \(what)"))
    }
}
