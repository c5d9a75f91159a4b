import CGraphviz
import Foundation

/// Serializes every call into Graphviz and collects what the library reports.
///
/// Graphviz keeps process-wide state (the error function and level, the parser,
/// plugin tables), so calls from different threads must not overlap. Every use
/// of the C library in this module goes through `GraphvizLibrary.withLock`,
/// which also installs an `agseterrf` callback that records the library's
/// messages; they are returned with the body's result.
enum GraphvizLibrary {
    private static let lock = NSLock()

    /// Text the library has reported since the current `withLock` began.
    /// Only touched while `lock` is held (the callback runs inside library calls made under it).
    nonisolated(unsafe) private static var reported = ""
    nonisolated(unsafe) private static var callbackInstalled = false

    /// The function Graphviz calls with each piece of a message
    /// ("Error", ": ", then the text with its newline).
    private static let collect: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { text in
        if let text { GraphvizLibrary.reported += String(cString: text) }
        return 0
    }

    /// Runs `body` with exclusive use of the library; `diagnostics` holds the messages reported meanwhile.
    static func withLock<T, E: Error>(_ body: (_ diagnostics: () -> Diagnostics) throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        if !callbackInstalled {
            _ = agseterrf(collect)
            _ = agseterr(AGWARN)
            callbackInstalled = true
        }
        reported = ""
        _ = agreseterrors()
        return try body { Diagnostics(text: reported) }
    }

    /// The messages Graphviz reported, split into errors and warnings.
    struct Diagnostics: Sendable {
        var errors: [String] = []
        var warnings: [String] = []

        init(text: String) {
            var level = "Error"
            for piece in text.split(separator: "\n", omittingEmptySubsequences: true) {
                var line = String(piece)
                if line.hasPrefix("Error: ") {
                    level = "Error"; line.removeFirst(7)
                } else if line.hasPrefix("Warning: ") {
                    level = "Warning"; line.removeFirst(9)
                }
                line = line.trimmingCharacters(in: .whitespaces)
                if line.isEmpty { continue }
                if level == "Error" { errors.append(line) } else { warnings.append(line) }
            }
        }

        /// The errors as one message, or `fallback` when Graphviz said nothing.
        func errorMessage(or fallback: String) -> String {
            errors.isEmpty ? fallback : errors.joined(separator: "; ")
        }
    }
}
