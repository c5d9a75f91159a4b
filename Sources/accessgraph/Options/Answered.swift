import AnswerIndex
import Foundation

/// Writing an answer to this process's standard output and error: stdout's bytes, then stderr's.
enum Answered {
    static func emit(_ answer: StoredAnswer) {
        fflush(nil)  // anything `print` buffered goes first
        answer.write(stdout: STDOUT_FILENO, stderr: STDERR_FILENO)
    }

    /// Writes the index's answer to `query`, if it has one.
    static func replay(_ query: [String], from index: AnswerIndex) -> Bool {
        fflush(nil)
        return index.replay(query, stdout: STDOUT_FILENO, stderr: STDERR_FILENO)
    }

    /// Ends the process once the answer is out. The model is never freed object by object (see
    /// `ProcessLifetime`); the system reclaims the memory at once.
    static func finish() -> Never {
        fflush(nil)
        exit(0)
    }
}
