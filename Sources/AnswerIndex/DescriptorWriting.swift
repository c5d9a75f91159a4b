#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing bytes to file descriptors the caller names: whole buffers (short writes and
/// interruptions retried), and ranges of an open file (copied by the kernel where it can).
enum DescriptorWriting {
    /// Writes `bytes` to `fd`; stops quietly when the descriptor fails (a closed pipe).
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
            write(chunk[0..<n], to: out)
            done += n
        }
    }
}
