#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a command printed: kept by `AnswerIndex` and given back byte for byte.
public struct StoredAnswer: Sendable, Equatable {
    public var stdout: ArraySlice<UInt8>
    public var stderr: ArraySlice<UInt8>

    public init(stdout: ArraySlice<UInt8>, stderr: ArraySlice<UInt8> = []) {
        self.stdout = stdout
        self.stderr = stderr
    }

    public init(stdout: [UInt8], stderr: [UInt8] = []) {
        self.init(stdout: stdout[...], stderr: stderr[...])
    }

    /// Writes stdout's bytes to file descriptor 1 and stderr's to 2.
    public func write() {
        Self.write(stdout, to: 1)
        Self.write(stderr, to: 2)
    }

    static func write(_ bytes: ArraySlice<UInt8>, to fd: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                #else
                let n = Darwin.write(fd, raw.baseAddress! + offset, raw.count - offset)
                #endif
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                offset += n
            }
        }
    }
}

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
    public let fingerprint: SnapshotFingerprint
    /// Identifies the program that computes answers (an upgraded tool must not reuse old ones).
    public let tool: String

    /// The index for `snapshot` under `root`; throws when the snapshot is not a directory.
    public init(snapshot: String, root: String, tool: String) throws(SnapshotError) {
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
        guard let bytes = FileBytes.read(file(for: query)) else { return nil }
        return AnswerFile.decode(bytes, expecting: header(for: query))
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

    /// Writes the stored answer to `query` straight from the file to descriptors 1 and 2 (the
    /// kernel copies it; nothing is held in memory); false when there is none (nothing written).
    public func replay(_ query: [String]) -> Bool {
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
        Self.copy(fd, from: layout.body, count: layout.stdoutCount, to: 1)
        Self.copy(fd, from: layout.body + layout.stdoutCount, count: layout.stderrCount, to: 2)
        return true
    }

    /// Copies `count` bytes at `offset` of `fd` to `out`: `sendfile` where there is one, else reads and writes.
    static func copy(_ fd: Int32, from offset: Int, count: Int, to out: Int32) {
        var done = 0
        #if canImport(Glibc)
        var position = off_t(offset)
        while done < count {
            let n = sendfile(out, fd, &position, count - done)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }  // not supported for this descriptor: fall back below
            done += n
        }
        #endif
        guard done < count else { return }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while done < count {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, min($0.count, count - done), off_t(offset + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            StoredAnswer.write(chunk[0..<n], to: out)
            done += n
        }
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
