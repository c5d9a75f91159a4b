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

    /// "done/total label" on one updating line.
    static func counter(label: String) -> (@Sendable (Int, Int) -> Void)? {
        guard Terminal.stderrIsTerminal else { return nil }
        return { done, total in Terminal.write("\r\u{1B}[K\(done)/\(total) \(label)") }
    }

    static func finish() { if Terminal.stderrIsTerminal { Terminal.write("\r\u{1B}[K") } }
}

/// Stage times on stderr when `ACCESSGRAPH_TIMINGS` is set (used by scripts/bench.sh).
enum Timings {
    static let enabled = ProcessInfo.processInfo.environment["ACCESSGRAPH_TIMINGS"] != nil

    static func note(_ stage: String, since start: ContinuousClock.Instant) { note(stage, ContinuousClock.now - start) }

    /// `note` as the library's stage callback, when timings are on.
    static var stageTimer: (@Sendable (String, Duration) -> Void)? {
        guard enabled else { return nil }
        return { @Sendable stage, duration in note(stage, duration) }
    }

    static func note(_ stage: String, _ d: Duration) {
        guard enabled else { return }
        let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        Terminal.write("timing: \(stage): \(String(format: "%.1f", ms)) ms\n")
        if let rss = residentMiB() { Terminal.write("memory: after \(stage): \(rss) MiB resident\n") }
    }

    /// The process's resident memory now (Linux: `/proc/self/statm`), for finding the stage that holds it.
    static func residentMiB() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / (1 << 20)
    }
}
