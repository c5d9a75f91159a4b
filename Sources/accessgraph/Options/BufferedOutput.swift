#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output through a buffer of about 1 MiB: streamed answers (`findings --format ndjson`,
/// `--expand`) are written as they are made, without holding them whole.
struct BufferedOutput {
    private var buffer: [UInt8] = []
    let capacity: Int
    /// Set once a write fails (e.g. the reader closed the pipe): the rest is dropped.
    private(set) var failed = false

    init(capacity: Int = 1 << 20) {
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    mutating func write(_ bytes: [UInt8]) {
        if buffer.count + bytes.count > capacity { flush() }
        if bytes.count >= capacity { emit(bytes[...]) } else { buffer += bytes }
    }

    mutating func write(_ s: String) { write(Array(s.utf8)) }

    mutating func flush() {
        emit(buffer[...])
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func emit(_ bytes: ArraySlice<UInt8>) {
        guard !failed else { return }
        var rest = bytes
        while !rest.isEmpty {
            let n = rest.withUnsafeBytes { systemWrite(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                failed = true
                return
            }
            rest = rest.dropFirst(n)
        }
    }
}

/// The system's write(2), out of reach of `BufferedOutput.write`'s name.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}
