import Foundation

/// Reads a finished `aws` command: the error code the CLI prints
/// (`An error occurred (NoSuchBucketPolicy) when calling ...`) and whether it means
/// "no such policy" for that command or a failure to report.
public enum ErrorClassifier {
    private static let marker = "An error occurred ("

    /// The service's error code in the CLI's message, e.g. `AccessDenied`, or nil.
    public static func errorCode(in standardError: String) -> String? {
        guard let start = standardError.range(of: marker)?.upperBound,
              let end = standardError[start...].firstIndex(of: ")") else { return nil }
        let code = standardError[start..<end]
        return code.isEmpty ? nil : String(code)
    }

    /// A one-line message for the error file: the CLI's `An error occurred ...` line when
    /// there is one, else its last non-empty line (`Could not connect to the endpoint URL: ...`),
    /// else the exit status.
    public static func message(for result: CommandResult) -> String {
        let lines = result.standardError.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        if let line = lines.first(where: { $0.contains(marker) }) { return line }
        return lines.last ?? "exit status \(result.status)"
    }

    /// The outcome of `result` for a command whose "nothing there" codes are `absentCodes`.
    public static func outcome(of result: CommandResult, absentCodes: Set<String>) -> CommandOutcome {
        if result.succeeded { return .output(result.standardOutput) }
        if let code = errorCode(in: result.standardError), absentCodes.contains(code) {
            return .absent(code: code)
        }
        return .failed(message(for: result))
    }
}
