#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writing to stderr, and whether it is a terminal.
enum Terminal {
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static func error(_ message: String) { write("accessgraph: error: \(message)\n") }

    static func warning(_ message: String) { write("warning: \(message)\n") }

    static func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}

/// Progress on stderr, only when stderr is a terminal (machine output on stdout stays clean).
enum Progress {
    static func reporter(label: String) -> (@Sendable (Int) -> Void)? {
        guard Terminal.stderrIsTerminal else { return nil }
        return { n in Terminal.write("\r\(n) \(label)") }
    }

    static func finish() { if Terminal.stderrIsTerminal { Terminal.write("\r\u{1B}[K") } }
}
