import Foundation
import SnapshotLayout

/// Checks, before anything runs, that the output folder may be written, and prepares it.
enum OutputFolder {
    /// Entries whose presence marks a folder as a snapshot that `--force` may replace or
    /// `--resume` may complete.
    static let snapshotMarkers = [SnapshotLayout.accountsDirectory, SnapshotLayout.organizationDirectory, SnapshotLayout.errorsFile]

    /// How an existing output folder is treated.
    enum Mode: Sendable {
        /// It must be absent or empty.
        case create
        /// A previous snapshot in it is deleted first.
        case replace
        /// A previous (partial) snapshot in it is completed.
        case resume
    }

    /// Throws unless `url` is absent, an empty folder, or (replacing or resuming) a previous snapshot.
    static func check(_ url: URL, mode: Mode) throws(CollectError) {
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
        if case .create = mode { throw .outputNotEmpty(path: url.path) }
        guard entries.contains(where: snapshotMarkers.contains) else { throw .notASnapshot(path: url.path) }
    }

    /// Creates the folder; with `.replace`, the previous snapshot's entries are deleted first.
    static func prepare(_ url: URL, mode: Mode) throws(CollectError) {
        let fileManager = FileManager.default
        do {
            if case .replace = mode, fileManager.fileExists(atPath: url.path) {
                for entry in try fileManager.contentsOfDirectory(atPath: url.path) {
                    try fileManager.removeItem(at: url.appendingPathComponent(entry))
                }
            }
            try fileManager.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .fileSystem(path: url.path, message: error.localizedDescription)
        }
    }
}
