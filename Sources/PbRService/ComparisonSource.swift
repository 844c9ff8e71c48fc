import Foundation
import PbRCore
import PbRImport

/// Comparison areas' figures as read from their file (`pbr diagnose --comparison FILE`).
public enum ComparisonSource {
    /// - Throws: a `Refusal` naming the file, and each defective line and column.
    public static func load(_ path: String) throws(Refusal) -> ComparisonAreas {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            throw Refusal("\(path): " + (exists ? (isFolder.boolValue ? "is a folder, not a comparison file" : "cannot be read")
                                             : "no such comparison file"))
        }
        do {
            return try ComparisonFile.parse([UInt8](data), file: path)
        } catch {
            throw Refusal(error.description)
        }
    }
}
