import Foundation

/// Shows `collect: 37/120 commands` on one line of standard error, rewritten in place.
public struct TerminalProgress: ProgressReporter {
    /// Creates the reporter.
    public init() {}

    /// A `TerminalProgress` when standard error is a terminal, else a `SilentProgress`:
    /// logs and pipes get no carriage-return noise.
    public static func forStandardError() -> any ProgressReporter {
        isatty(STDERR_FILENO) == 1 ? TerminalProgress() : SilentProgress()
    }

    /// Rewrites the line.
    public func update(done: Int, total: Int) {
        write("\r\u{1B}[Kcollect: \(done)/\(total) commands")
    }

    /// Clears the line.
    public func finish() {
        write("\r\u{1B}[K")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
