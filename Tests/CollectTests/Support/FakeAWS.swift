import Foundation
@testable import Collect

/// A `CommandRunner` that answers `aws` commands from a table instead of running them.
///
/// Keys are the command after the global options, joined by spaces
/// (`kms list-keys --query Keys[].KeyId`); a key prefixed `REGION|` answers only in that
/// region. Unknown commands fail with `AccessDenied`. It records every call and how many
/// ran at once.
final class FakeAWS: CommandRunner, @unchecked Sendable {
    private let lock = NSLock()
    private var responses: [String: CommandResult]
    private let delay: Duration
    private var _calls: [[String]] = []
    private var inFlight = 0
    private var _maxInFlight = 0

    init(_ responses: [String: CommandResult] = [:], delay: Duration = .zero) {
        self.responses = responses
        self.delay = delay
    }

    /// Every argument vector run, in order.
    var calls: [[String]] { lock.withLock { _calls } }
    /// The most commands that ran at the same time.
    var maxInFlight: Int { lock.withLock { _maxInFlight } }
    /// The calls as `service operation ...` strings.
    var commands: [String] { calls.map { Self.split($0).command.joined(separator: " ") } }

    func run(_ arguments: [String]) async -> CommandResult {
        let (region, command) = Self.split(arguments)
        let key = command.joined(separator: " ")
        let result: CommandResult = lock.withLock {
            _calls.append(arguments)
            inFlight += 1
            _maxInFlight = max(_maxInFlight, inFlight)
            return responses["\(region ?? "")|\(key)"] ?? responses[key]
                ?? .awsError("AccessDenied", "User: arn:aws:iam::123456789012:user/x is not authorized")
        }
        if delay > .zero { try? await Task.sleep(for: delay) }
        lock.withLock { inFlight -= 1 }
        return result
    }

    /// The region (`--region R`) and the command after the global options.
    static func split(_ argv: [String]) -> (region: String?, command: [String]) {
        if let index = argv.firstIndex(of: "--region"), index + 1 < argv.count {
            return (argv[index + 1], Array(argv[(index + 2)...]))
        }
        return (nil, Array(argv.dropFirst()))
    }
}

extension CommandResult {
    /// A successful command printing `json`.
    static func json(_ json: String) -> CommandResult {
        CommandResult(status: 0, standardOutput: Data(json.utf8))
    }

    /// A failed command, worded as the aws CLI words a service error.
    static func awsError(_ code: String, _ message: String = "failed", operation: String = "Operation") -> CommandResult {
        CommandResult(status: 254, standardError: "\nAn error occurred (\(code)) when calling the \(operation) operation: \(message)\n")
    }
}
