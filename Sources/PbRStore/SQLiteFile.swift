import Foundation

/// What is at a SQLite store's path before it is opened: a store, nothing yet, or something that must
/// not be touched (a folder, a file of another kind).
enum SQLiteFile {
    /// Every SQLite database file begins with these 16 bytes.
    static let header = Array("SQLite format 3\0".utf8)

    static func check(_ path: String, _ mode: JournalStore.OpenMode) throws(StoreError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            guard mode == .createIfMissing else { throw noStore(path) }
            let folder = (path as NSString).deletingLastPathComponent
            var parentIsFolder: ObjCBool = false
            guard folder.isEmpty || (FileManager.default.fileExists(atPath: folder, isDirectory: &parentIsFolder) && parentIsFolder.boolValue) else {
                throw .cannotOpen("cannot create the store \(path): the folder \(folder) does not exist")
            }
            return
        }
        guard !isFolder.boolValue else { throw .cannotOpen("\(path) is a folder, not a store: name a file, e.g. \(path)/pbr.sqlite") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .cannotOpen("\(path) cannot be read") }
        defer { try? handle.close() }
        let start = [UInt8]((try? handle.read(upToCount: header.count)) ?? Data())
        if start.isEmpty, mode == .existing { throw .notFound("\(path) is an empty file, not a PbR store; `pbr import` creates one") }
        guard start.isEmpty || start == header else { throw .cannotOpen("\(path) is not a SQLite database, so not a PbR store") }
    }

    static func noStore(_ path: String) -> StoreError {
        .notFound("no store at \(path): `pbr import` creates one (or give --db the store's path)")
    }
}
