#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Concurrency
import Foundation
import SnapshotLayout

/// What a snapshot directory holds, reduced to a comparable value: every regular file's path,
/// size, modification time and inode. Any file added, removed, rewritten or touched changes it.
/// Computed from `stat` alone (no file is read), so it costs a fraction of loading the snapshot.
public struct SnapshotFingerprint: Sendable, Hashable, CustomStringConvertible {
    /// Number of regular files.
    public let files: Int
    /// Two independent 64-bit sums over the files' hashes (order-independent).
    let a: UInt64
    let b: UInt64
    /// The newest modification time of any file, in nanoseconds since 1970.
    public let newestModification: UInt64

    /// The number of files and the two sums in hexadecimal; names the folder of the answers filed under it.
    public var description: String { "\(files)-" + hex(a) + hex(b) }

    /// Walks `root` (symbolic links are not followed; hidden entries are skipped). The folders
    /// under `accounts/` are walked in parallel.
    public static func of(_ root: String) throws(AnswerIndexError) -> SnapshotFingerprint {
        let fd = open(root, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw .notADirectory(root) }
        var top = Walk()
        let accountsDirectory = SnapshotLayout.accountsDirectory
        top.visit(directoryFD: fd, pathHash: Walk.seed, deferring: accountsDirectory)
        let accounts = top.deferred
        let accountsPath = root + "/" + accountsDirectory
        let accountsHash = Walk.hash(Walk.seed, accountsDirectory)
        let parts = ParallelMap.map(accounts) { account -> Walk in
            var w = Walk()
            let fd = open(accountsPath + "/" + account, O_RDONLY | O_DIRECTORY)
            guard fd >= 0 else { return w }
            w.visit(directoryFD: fd, pathHash: Walk.hash(accountsHash, account))
            return w
        }
        for w in parts { top.merge(w) }
        return SnapshotFingerprint(files: top.files, a: top.a, b: top.b, newestModification: top.newest)
    }
}
