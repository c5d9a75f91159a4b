import Foundation
import SnapshotLayout

/// Checks, before anything runs, that the output folder may be written.
enum OutputFolder {
    /// Entries whose presence marks a folder as a snapshot that `--force` may replace.
    static let snapshotMarkers = [SnapshotLayout.accountsDirectory, SnapshotLayout.organizationDirectory, SnapshotLayout.errorsFile]

    /// Throws unless `url` is absent, an empty folder, or (with `force`) a previous snapshot.
    static func check(_ url: URL, force: Bool) throws(CollectError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw .outputNotADirectory(path: url.path) }
        let entries: [String]
        do {
            entries = try fileManager.contentsOfDirectory(atPath: url.path)
        } catch {
            throw .fileSystem(path: url.path, message: error.localizedDescription)
        }
        if entries.isEmpty { return }
        guard force else { throw .outputNotEmpty(path: url.path) }
        guard entries.contains(where: snapshotMarkers.contains) else { throw .notASnapshot(path: url.path) }
    }
}
