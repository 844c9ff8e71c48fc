import Crypto
import Foundation
import PbRCore
import PbRService
import PbRSimulation
import PbRTestSupport
import Testing

/// `pbr generate` replays from its seed in any process and on any build, not only twice in one run: the
/// files of a small seed are pinned. The digest is of the folder's listing as `sha256sum` writes it, so
/// the shell gives the same: `cd DIR; find . -type f ! -name .pbr-made | LC_ALL=C sort | xargs sha256sum | sha256sum`.
@Suite("Synthetic extract: pinned files")
struct SyntheticExtractPinTests {
    /// Written by `pbr generate --clients 40 --providers 3 --seed 1` before the pin was taken. A change to
    /// the generator that changes its output must change this digest, and say so.
    @Test func seedOneWritesTheFilesItAlwaysWrote() throws {
        var folder = try WorkFolder.prepare(try Fixtures.temporaryFolder().path, option: "--dir")
        let written = try SyntheticExtractFolders.write(into: &folder, .init(clients: 40, providers: 3, seed: 1))
        var listing = ""
        for extract in written.sorted(by: { $0.folder.lastPathComponent < $1.folder.lastPathComponent }) {
            for name in try FileManager.default.contentsOfDirectory(atPath: extract.folder.path).sorted() {
                let bytes = try Data(contentsOf: extract.folder.appendingPathComponent(name))
                listing += "\(SHA256.hash(data: bytes).hex)  ./\(extract.folder.lastPathComponent)/\(name)\n"
            }
        }
        #expect(written.map(\.rows) == [529, 5, 13])
        #expect(SHA256.hash(data: Array(listing.utf8)).hex == "25b92a0c3ac5e1f1f3798c36fc74c6402bf0cff3758e96680be860ffd9eff932",
                "\(listing)")
    }
}
