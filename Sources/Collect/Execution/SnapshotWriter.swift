import Foundation

/// Writes snapshot files straight into the output folder, each one whole: the bytes go to a
/// temporary name in the same folder (`.NAME.accessgraph-partial-XXXXXXXX`), which is then
/// renamed onto the file's name, so an interrupted run leaves complete files or none.
struct SnapshotWriter: Sendable {
    /// The infix of temporary names; ``removeLeftovers()`` deletes files carrying it.
    static let partialMarker = ".accessgraph-partial-"

    /// The snapshot folder.
    let root: URL
    /// The temporary files being written now.
    let partial: PartialFiles

    /// The file at `path` (relative to the root), if it exists.
    func existing(_ path: String) -> Data? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
    }

    /// Writes one file at its path relative to the snapshot's root.
    func write(_ file: SnapshotFile) throws(CollectError) {
        let target = root.appendingPathComponent(file.path)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".\(target.lastPathComponent)\(Self.partialMarker)\(UUID().uuidString.prefix(8))")
        partial.insert(temporary.path)
        defer { partial.remove(temporary.path) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try file.contents.write(to: temporary)
        } catch {
            unlink(temporary.path)
            throw .fileSystem(path: target.path, message: error.localizedDescription)
        }
        guard rename(temporary.path, target.path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary.path)
            throw .fileSystem(path: target.path, message: message)
        }
    }

    /// Deletes temporary files a killed run left (before `--resume` goes on).
    func removeLeftovers() {
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let path = walker?.nextObject() as? String {
            if (path as NSString).lastPathComponent.contains(Self.partialMarker) {
                unlink(root.appendingPathComponent(path).path)
            }
        }
    }

    /// How many files the snapshot holds.
    func fileCount() -> Int {
        var count = 0
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { count += 1 }
        }
        return count
    }
}
