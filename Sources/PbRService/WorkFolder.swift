import Foundation

/// A folder PbR writes into on the user's behalf (`demo --dir`, `bench --dir`, `generate --dir`), that
/// PbR may clear for a new run without ever deleting what it did not create.
///
/// A marker file in the folder lists every entry PbR made there. Preparing the folder again removes
/// those entries and nothing else; an entry PbR is about to write that exists but is not listed (the
/// user's own) is refused, never overwritten.
public struct WorkFolder: Sendable {
    public static let markerName = ".pbr-made"
    public let url: URL
    private var made: [String]

    /// Creates the folder, or clears what PbR made in it before.
    /// - Throws: a `Refusal` for a file in the folder's place, or a folder that is not empty and has
    ///   no marker (not PbR's): nothing is deleted then.
    public static func prepare(_ path: String, option: String) throws(Refusal) -> WorkFolder {
        let url = URL(fileURLWithPath: path)
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
            do { try manager.createDirectory(at: url, withIntermediateDirectories: true) } catch {
                throw Refusal("\(option) \(path): cannot create the folder: \(error.localizedDescription)")
            }
            return try WorkFolder(url: url, made: []).saved()
        }
        guard isFolder.boolValue else { throw Refusal("\(option) \(path) is a file, not a folder: name a new or empty folder") }
        let entries = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).filter { $0 != markerName }
        guard let marker = try? String(contentsOf: url.appendingPathComponent(markerName), encoding: .utf8) else {
            guard entries.isEmpty else {
                throw Refusal("\(option) \(path) is not empty and PbR did not make it (it holds \(Self.list(entries))): "
                              + "name a new or empty folder; nothing was deleted")
            }
            return try WorkFolder(url: url, made: []).saved()
        }
        let made = marker.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        for name in made where entries.contains(name) {
            do { try manager.removeItem(at: url.appendingPathComponent(name)) } catch {
                throw Refusal("\(option) \(path): cannot remove \(name), which an earlier run made: \(error.localizedDescription)")
            }
        }
        return try WorkFolder(url: url, made: []).saved()
    }

    /// The path of an entry PbR is about to write, listed first in the marker so that a later run may
    /// clear it.
    /// - Throws: a `Refusal` when an entry of that name exists and PbR did not make it.
    public mutating func claim(_ name: String) throws(Refusal) -> URL {
        let entry = url.appendingPathComponent(name)
        if !made.contains(name) {
            guard !FileManager.default.fileExists(atPath: entry.path) else {
                throw Refusal("\(entry.path) is not PbR's (an earlier run did not make it): move it away or choose another folder")
            }
            made.append(name)
            _ = try saved()
        }
        return entry
    }

    /// A SQLite store in the folder, with the companion files SQLite makes beside it.
    public mutating func claimStore(_ name: String) throws(Refusal) -> URL {
        for suffix in ["-wal", "-shm", "-journal"] { _ = try claim(name + suffix) }
        return try claim(name)
    }

    private func saved() throws(Refusal) -> WorkFolder {
        let text = "# Made by pbr: the entries below are PbR's own and are removed when this folder is prepared again.\n"
            + made.map { $0 + "\n" }.joined()
        do { try text.write(to: url.appendingPathComponent(Self.markerName), atomically: true, encoding: .utf8) } catch {
            throw Refusal("\(url.path): cannot write \(Self.markerName): \(error.localizedDescription)")
        }
        return self
    }

    private static func list(_ names: [String]) -> String {
        let sorted = names.sorted()
        return sorted.prefix(3).joined(separator: ", ") + (sorted.count > 3 ? " and \(sorted.count - 3) more" : "")
    }
}
