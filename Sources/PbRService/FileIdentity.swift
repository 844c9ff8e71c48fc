import Foundation

/// A path as the file system sees it: symbolic links and `..` resolved, and the file's device and inode
/// when it exists, so that two spellings of one file (a link, a hard link) are known to be one.
struct FileIdentity: Equatable {
    let path: String
    let inode: [UInt64]?

    init(_ path: String) {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        // Resolve the folder (which exists when anything is to be written there), then the name.
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath()
        let resolved = folder.appendingPathComponent(url.lastPathComponent).resolvingSymlinksInPath()
        self.path = resolved.path
        if let attributes = try? FileManager.default.attributesOfItem(atPath: resolved.path),
           let device = attributes[.systemNumber] as? NSNumber, let inode = attributes[.systemFileNumber] as? NSNumber {
            self.inode = [device.uint64Value, inode.uint64Value]
        } else {
            inode = nil
        }
    }

    /// The same file, or the same place for one not yet written.
    func isSame(as other: FileIdentity) -> Bool {
        if let inode, let otherInode = other.inode { return inode == otherInode }
        return path == other.path
    }

    /// This path lies inside `folder` (at any depth).
    func isInside(_ folder: FileIdentity) -> Bool { path.hasPrefix(folder.path.hasSuffix("/") ? folder.path : folder.path + "/") }
}
