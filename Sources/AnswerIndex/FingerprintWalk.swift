#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SnapshotFingerprint {
    /// One walk of a directory tree: the count and order-independent sums of its files, the newest
    /// modification time, and the children of the folder left for walking in parallel.
    struct Walk {
        static let seed = fnvBasis
        var files = 0
        var a: UInt64 = 0
        var b: UInt64 = 0
        var newest: UInt64 = 0
        /// Children of the deferred directory, left for the caller to walk.
        var deferred: [String] = []

        static func hash(_ h: UInt64, _ name: String) -> UInt64 {
            var h = fnvStep(h, 0x2F)  // "/"
            for byte in name.utf8 { h = fnvStep(h, UInt64(byte)) }
            return h
        }

        mutating func merge(_ w: Walk) {
            files += w.files
            a = a &+ w.a
            b = b &+ w.b
            newest = max(newest, w.newest)
        }

        /// Walks the directory open at `fd` (closed on return); `pathHash` is the hash of its path.
        /// The children of the subdirectory named `deferring` are listed in `deferred`, not walked.
        mutating func visit(directoryFD fd: Int32, pathHash: UInt64, deferring: String? = nil) {
            guard let dir = fdopendir(fd) else { close(fd); return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                var h = fnvStep(pathHash, 0x2F)
                let hidden: Bool = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                    if raw.first == UInt8(ascii: ".") { return true }
                    for byte in raw {
                        if byte == 0 { break }
                        h = fnvStep(h, UInt64(byte))
                    }
                    return false
                }
                if hidden { continue }
                // Directories are known from the entry's type where the file system gives it: only
                // files need a stat (about 40% fewer calls on a generated snapshot).
                var mode = UInt32(S_IFDIR)
                var st = stat()
                if Int32(entry.pointee.d_type) != Int32(DT_DIR) {
                    let statted = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                        fstatat(dirfd(dir), raw.baseAddress!.assumingMemoryBound(to: CChar.self), &st, AT_SYMLINK_NOFOLLOW) == 0
                    }
                    guard statted else { continue }
                    mode = UInt32(st.st_mode) & UInt32(S_IFMT)
                }
                switch mode {
                case UInt32(S_IFREG):
                    add(pathHash: h, st)
                case UInt32(S_IFDIR):
                    let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                    }
                    if name == deferring {
                        deferred = Self.children(of: dirfd(dir), name)
                    } else {
                        let child = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
                        if child >= 0 { visit(directoryFD: child, pathHash: h) }
                    }
                default:
                    continue
                }
            }
        }

        /// The visible entries of a subdirectory, by name.
        static func children(of parent: Int32, _ name: String) -> [String] {
            let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
            guard fd >= 0, let dir = fdopendir(fd) else { return [] }
            defer { closedir(dir) }
            var out: [String] = []
            while let entry = readdir(dir) {
                let child = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if !child.hasPrefix(".") { out.append(child) }
            }
            return out
        }

        mutating func add(pathHash: UInt64, _ st: stat) {
            #if canImport(Darwin)
            let mtime = UInt64(truncatingIfNeeded: st.st_mtimespec.tv_sec) &* 1_000_000_000 &+ UInt64(truncatingIfNeeded: st.st_mtimespec.tv_nsec)
            #else
            let mtime = UInt64(truncatingIfNeeded: st.st_mtim.tv_sec) &* 1_000_000_000 &+ UInt64(truncatingIfNeeded: st.st_mtim.tv_nsec)
            #endif
            var h1 = pathHash
            var h2 = mix(pathHash)
            for v in [UInt64(truncatingIfNeeded: st.st_size), mtime, UInt64(truncatingIfNeeded: st.st_ino)] {
                h1 = fnvStep(h1, v)
                h2 = mix(h2 ^ v)
            }
            files += 1
            newest = max(newest, mtime)
            a = a &+ mix(h1)
            b = b &+ h2
        }
    }
}
