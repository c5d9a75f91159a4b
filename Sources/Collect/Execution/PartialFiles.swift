import Foundation

/// The temporary files being written at this moment, so that a second Ctrl-C, which ends
/// the process at once, can delete them first (``removeAll()``) and leave only whole files.
public final class PartialFiles: @unchecked Sendable {
    // `paths` is only touched under `lock`.
    private let lock = NSLock()
    private var paths = Set<String>()

    /// Creates an empty registry.
    public init() {}

    func insert(_ path: String) {
        lock.withLock { _ = paths.insert(path) }
    }

    func remove(_ path: String) {
        lock.withLock { _ = paths.remove(path) }
    }

    /// Deletes every temporary file still being written. Safe to call from any thread.
    public func removeAll() {
        for path in lock.withLock({ paths }) { unlink(path) }
    }
}
