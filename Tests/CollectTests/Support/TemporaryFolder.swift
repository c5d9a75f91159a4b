import Foundation

/// A fresh folder under the system's temporary folder, with a fake `aws` executable in
/// `bin/` so the collector's `PATH` lookup succeeds.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("collect-tests-\(UUID().uuidString)")
        let bin = url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let aws = bin.appendingPathComponent("aws").path
        _ = FileManager.default.createFile(atPath: aws, contents: Data("#!/bin/sh\nexit 1\n".utf8),
                                       attributes: [.posixPermissions: 0o755])
    }

    /// An environment whose `PATH` holds the fake `aws`.
    var environment: [String: String] { ["PATH": url.appendingPathComponent("bin").path] }

    /// A path inside the folder.
    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    /// The files under `relative`, as paths relative to it, sorted.
    func files(under relative: String) -> [String] {
        SnapshotReader(root: url.appendingPathComponent(relative)).files
    }

    /// The names in the folder itself.
    var entries: [String] { (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? [] }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
