import Foundation

/// Finds the Python interpreter that runs a given `aws` executable, for ``CLIWorker``.
///
/// awscli v1 is a Python script: its `#!` line names the interpreter (`#!/usr/bin/python3`,
/// `#!/usr/bin/env python3`), and that interpreter imports the very awscli package `aws` runs.
/// A shell wrapper (a pyenv shim, a packager's launcher) names no Python: then `python3` on
/// `PATH` is tried, and the caller checks that it imports the same awscli version as `aws --version`.
/// A binary (awscli v2) has no `#!` line: no worker, a process per command.
public struct PythonLocator: Sendable {
    /// Where the interpreter came from.
    public enum Found: Sendable, Hashable {
        /// The `aws` script's own interpreter.
        case shebang(String)
        /// `python3` on `PATH`, for an `aws` that is a shell wrapper: to be checked against `aws --version`.
        case searchPath(String)
    }

    /// Finds executables named in `#!/usr/bin/env NAME` lines, and `python3`.
    public let locator: ExecutableLocator

    /// Creates a locator searching `locator`'s `PATH`.
    public init(locator: ExecutableLocator) {
        self.locator = locator
    }

    /// The interpreter for the `aws` at `executable`, or nil when it is not a script.
    public func python(for executable: String) -> Found? {
        guard let line = Self.shebang(of: executable) else { return nil }
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let first = words.first, first.hasSuffix("/env") {
            words.removeFirst()
            words.removeAll { $0.hasPrefix("-") }
            guard let name = words.first, let path = locator.locate(name) else { return nil }
            words = [path]
        }
        guard let interpreter = words.first else { return nil }
        if (interpreter as NSString).lastPathComponent.hasPrefix("python") {
            return .shebang(interpreter)
        }
        return locator.locate("python3").map(Found.searchPath)
    }

    /// The text after `#!` on the file's first line, or nil when it does not start with `#!`.
    static func shebang(of path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 512), head.starts(with: Array("#!".utf8)) else { return nil }
        let line = head.dropFirst(2).prefix { $0 != 0x0A }
        return String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
