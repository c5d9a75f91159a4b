import Collect
import Foundation

/// Shows `collect: 37/120 commands` on one line of standard error, rewritten in place (the
/// collector reports progress through `ProgressReporter` and writes nothing itself).
struct TerminalProgress: ProgressReporter {
    /// Creates the reporter.
    init() {}

    /// A `TerminalProgress` when standard error is a terminal, else a `SilentProgress`:
    /// logs and pipes get no carriage-return noise.
    static func forStandardError() -> any ProgressReporter {
        isatty(STDERR_FILENO) == 1 ? TerminalProgress() : SilentProgress()
    }

    /// Rewrites the line.
    func update(done: Int, total: Int) {
        write("\r\u{1B}[Kcollect: \(done)/\(total) commands")
    }

    /// Clears the line.
    func finish() {
        write("\r\u{1B}[K")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
