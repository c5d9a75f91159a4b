#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file read straight into one byte array (no `Data` in between, no second copy).
enum FileBytes {
    enum Outcome {
        case bytes([UInt8])
        case missing
        case unreadable
    }

    /// The file's bytes; `.missing` when there is no such file (nothing else is an absence).
    static func readIfPresent(_ path: String) -> Outcome {
        let fd = open(path, O_RDONLY)
        if fd < 0 { return errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable }
        return read(openFile: fd).map { .bytes($0) } ?? .unreadable
    }

    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        return read(openFile: fd)
    }

    /// Reads the open file to its end and closes it.
    static func read(openFile fd: Int32) -> [UInt8]? {
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                #if canImport(Glibc)
                let n = Glibc.read(fd, buffer.baseAddress! + count, size - count)
                #else
                let n = Darwin.read(fd, buffer.baseAddress! + count, size - count)
                #endif
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    failed = n < 0
                    return
                }
                count += n
            }
        }
        return failed ? nil : bytes
    }
}
