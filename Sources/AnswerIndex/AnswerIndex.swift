#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Answers to earlier queries on one snapshot, kept on disk and given back while the snapshot
/// is unchanged: each answer is filed under the snapshot's fingerprint (every file's path, size,
/// modification time and inode), so changing, adding or removing any file makes every earlier
/// answer stale; stale answers are deleted when the next one is stored. The index is never
/// required: any failure to read or write it just means the query is computed.
///
/// Layout: `ROOT/<hash of the snapshot's real path>/<fingerprint>/<hash of tool and query>.answer`.
public struct AnswerIndex: Sendable {
    /// This snapshot's folder in the index (all fingerprints).
    public let snapshotFolder: String
    /// The snapshot as it is now: answers are filed under it.
    public let fingerprint: SnapshotFingerprint
    /// Identifies the program that computes answers (an upgraded tool must not reuse old ones).
    public let tool: String

    /// The index for `snapshot` under `root`; throws when the snapshot is not a directory.
    public init(snapshot: String, root: String, tool: String) throws(AnswerIndexError) {
        fingerprint = try SnapshotFingerprint.of(snapshot)
        let canonical = URL(fileURLWithPath: snapshot).standardizedFileURL.resolvingSymlinksInPath().path
        snapshotFolder = root + "/" + hex(Self.hash(canonical))
        self.tool = tool
    }

    /// `$XDG_CACHE_HOME/accessgraph/index`, else `$HOME/.cache/accessgraph/index`; nil without either.
    public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/accessgraph/index" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/accessgraph/index" }
        return nil
    }

    /// The stored answer to `query` (the command and every argument that shapes its output), if any.
    public func answer(for query: [String]) -> StoredAnswer? {
        guard let data = FileManager.default.contents(atPath: file(for: query)) else { return nil }
        return AnswerFile.decode(Array(data), expecting: header(for: query))
    }

    /// Stores `answer`, replacing answers filed under other fingerprints of the snapshot.
    /// Written to a temporary file and renamed, so a reader never sees half an answer.
    /// Not stored while some file is younger than `settle`: a file rewritten in place again within
    /// the file system's timestamp granularity could keep its size and time (git's "racy clean" case).
    public func store(_ answer: StoredAnswer, for query: [String], now: Date = Date(), settle: TimeInterval = 2) {
        let nowNanoseconds = UInt64(max(0, now.timeIntervalSince1970) * 1e9)
        guard fingerprint.newestModification + UInt64(settle * 1e9) < nowNanoseconds else { return }
        let fm = FileManager.default
        let folder = snapshotFolder + "/" + fingerprint.description
        for stale in (try? fm.contentsOfDirectory(atPath: snapshotFolder)) ?? [] where stale != fingerprint.description {
            try? fm.removeItem(atPath: snapshotFolder + "/" + stale)
        }
        guard (try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        let target = file(for: query)
        let temporary = target + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let bytes = AnswerFile.encode(answer, header: header(for: query))
        guard fm.createFile(atPath: temporary, contents: Data(bytes)) else { return }
        if rename(temporary, target) != 0 { try? fm.removeItem(atPath: temporary) }
    }

    /// Copies the stored answer to `query` straight from its file, stdout's bytes to the descriptor
    /// `stdout` and stderr's to `stderr` (the kernel copies them; nothing is held in memory); false
    /// when there is none (nothing written).
    public func replay(_ query: [String], stdout: Int32, stderr: Int32) -> Bool {
        let fd = open(file(for: query), O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return false }
        let size = Int(st.st_size)
        let head = [UInt8](unsafeUninitializedCapacity: min(size, 1 << 16)) { buffer, count in
            let n = pread(fd, buffer.baseAddress!, buffer.count, 0)
            count = max(0, n)
        }
        guard let layout = AnswerFile.layout(head[...], expecting: header(for: query), fileSize: size) else { return false }
        DescriptorWriting.copy(fd, from: layout.body, count: layout.stdoutCount, to: stdout)
        DescriptorWriting.copy(fd, from: layout.body + layout.stdoutCount, count: layout.stderrCount, to: stderr)
        return true
    }

    func header(for query: [String]) -> String {
        "tool " + tool + "\nfingerprint " + fingerprint.description + "\nquery " + query.joined(separator: "\u{1F}")
    }

    func file(for query: [String]) -> String {
        snapshotFolder + "/" + fingerprint.description + "/" + hex(Self.hash(tool + "\u{0}" + query.joined(separator: "\u{1F}"))) + ".answer"
    }

    static func hash(_ s: String) -> UInt64 {
        var h = fnvBasis
        for byte in s.utf8 { h = fnvStep(h, UInt64(byte)) }
        return mix(h)
    }
}
