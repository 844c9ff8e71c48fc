import Foundation

/// The files a command writes: never one of its inputs or of each other, and each written whole or not
/// at all, so that a run that fails leaves the file from before as it was.
public enum OutputFiles {
    /// Refuses an output that is an input, lies inside an input folder, is another output, or cannot be
    /// written there (a folder, a folder that does not exist).
    /// - Parameter outputs: each output's option (`--csv`) and path; sidecars (`FILE.json`) are checked too.
    public static func check(_ outputs: [(option: String, path: String)], against inputs: RunInputs) throws(Refusal) {
        var claimed: [(option: String, identity: FileIdentity)] = []
        let read = inputs.inputs.map { ($0, FileIdentity($0.path)) }
        for (option, path) in outputs {
            try checkPlace(option, path)
            for (place, label) in [(path, option), (Provenance.sidecarPath(of: path), "\(option)'s record \(Provenance.sidecarPath(of: path))")] {
                let identity = FileIdentity(place)
                for (input, inputIdentity) in read {
                    if input.isFolder ? identity.isInside(inputIdentity) || identity.isSame(as: inputIdentity) : identity.isSame(as: inputIdentity) {
                        throw Refusal("\(label) \(place) would write over \(input.what) (\(input.path)): "
                                      + "choose another file; nothing was written")
                    }
                }
                if let other = claimed.first(where: { $0.identity.isSame(as: identity) }) {
                    throw Refusal("\(label) and \(other.option) name the same file \(place): choose two files; nothing was written")
                }
                claimed.append((label, identity))
            }
        }
    }

    private static func checkPlace(_ option: String, _ path: String) throws(Refusal) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw Refusal("\(option) \(path) is a folder: name a file")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Refusal("\(option) \(path): the folder \(folder) does not exist")
        }
    }

    /// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then renames it over `path`:
    /// readers see the old file or the new one, never a part.
    public static func write(_ bytes: [UInt8], to path: String) throws(Refusal) {
        try write(to: path) { handle in try handle.write(contentsOf: bytes) }
    }

    /// The same, for a file that `fill` writes into the temporary file's handle.
    static func write(to path: String, fill: (FileHandle) throws -> Void) throws(Refusal) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary.path) else { throw CocoaError(.fileWriteNoPermission) }
            do {
                try fill(handle)
                try handle.synchronize()
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            guard rename(temporary.path, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Refusal("cannot write \(path): \(error.localizedDescription); any file there before is unchanged")
        }
    }

    public static func write(_ text: String, to path: String) throws(Refusal) { try write(Array(text.utf8), to: path) }
}
