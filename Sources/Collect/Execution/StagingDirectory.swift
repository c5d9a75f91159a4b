import Foundation

/// The hidden sibling folder a snapshot is written into (`.snap.collect-XXXX` beside
/// `snap`), renamed onto the output folder only once the collection has finished, so a
/// failed or interrupted run never leaves a half-written snapshot in its place.
struct StagingDirectory: Sendable {
    /// The staging folder.
    let url: URL
    /// The folder it will become.
    let destination: URL

    /// Creates the staging folder beside `destination` (and `destination`'s parent if needed).
    static func create(for destination: URL) throws(CollectError) -> StagingDirectory {
        let parent = destination.deletingLastPathComponent()
        let suffix = UUID().uuidString.prefix(8)
        let url = parent.appendingPathComponent(".\(destination.lastPathComponent).collect-\(suffix)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .fileSystem(path: url.path, message: error.localizedDescription)
        }
        return StagingDirectory(url: url, destination: destination)
    }

    /// Writes one file at its path relative to the snapshot's root.
    func write(_ file: SnapshotFile) throws(CollectError) {
        let target = url.appendingPathComponent(file.path)
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: target)
        } catch {
            throw .fileSystem(path: target.path, message: error.localizedDescription)
        }
    }

    /// Moves the finished snapshot into place. An existing destination (empty, or replaced
    /// with `--force`) is first moved aside and deleted only after the rename succeeded.
    func commit() throws(CollectError) {
        let fileManager = FileManager.default
        var aside: URL?
        do {
            if fileManager.fileExists(atPath: destination.path) {
                let old = url.appendingPathExtension("old")
                try fileManager.moveItem(at: destination, to: old)
                aside = old
            }
            try fileManager.moveItem(at: url, to: destination)
        } catch {
            if let aside { try? fileManager.moveItem(at: aside, to: destination) }
            throw .fileSystem(path: destination.path, message: error.localizedDescription)
        }
        if let aside { try? fileManager.removeItem(at: aside) }
    }

    /// Deletes the staging folder (after a failure).
    func discard() {
        try? FileManager.default.removeItem(at: url)
    }
}
