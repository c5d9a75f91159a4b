import Foundation
@testable import Collect

/// A `CommandRunner` that answers `aws` commands from a table instead of running them.
///
/// Keys are the command after the global options, joined by spaces
/// (`kms list-keys --query Keys[].KeyId`); a key prefixed `REGION|` answers only in that
/// region. A key of `sequences` answers its results one call after the other, the last one
/// for every further call (a report job IN_PROGRESS, then COMPLETED). Unknown commands fail
/// with `AccessDenied`. It records every call and how many ran at once.
///
/// With a `gate`, every call (but the credentials check, which runs alone before the others)
/// is held until `gate` calls are running at once; from then on calls pass, each after letting
/// the other waiting tasks run a few times (any command the collector has started beyond its
/// limit then runs while they are still in flight and shows in `maxInFlight`). A collector that
/// never runs `gate` commands at once leaves the gate shut: `gateTimeout` after the first call
/// was held, every call gives up waiting, and `gateOpened` stays false.
final class FakeAWS: CommandRunner, @unchecked Sendable {
    private let lock = NSLock()
    private var responses: [String: CommandResult]
    private var sequences: [String: [CommandResult]]
    private let gate: Int?
    private let gateTimeout: Duration
    private var _calls: [[String]] = []
    private var _environments: [EnvironmentChanges] = []
    private var inFlight = 0
    private var _maxInFlight = 0
    private var _gateOpened = false
    private var gateDeadline: ContinuousClock.Instant?

    init(_ responses: [String: CommandResult] = [:], sequences: [String: [CommandResult]] = [:],
         gate: Int? = nil, gateTimeout: Duration = .seconds(10)) {
        self.responses = responses
        self.sequences = sequences
        self.gate = gate
        self.gateTimeout = gateTimeout
    }

    /// Every argument vector run, in order.
    var calls: [[String]] { lock.withLock { _calls } }
    /// The environment changes of every call, in the order of `calls`.
    var environments: [EnvironmentChanges] { lock.withLock { _environments } }
    /// The most commands that ran at the same time.
    var maxInFlight: Int { lock.withLock { _maxInFlight } }
    /// Whether `gate` calls were ever running at once.
    var gateOpened: Bool { lock.withLock { _gateOpened } }
    /// The calls as `service operation ...` strings.
    var commands: [String] { calls.map { Self.split($0).command.joined(separator: " ") } }

    func run(_ arguments: [String], environment: EnvironmentChanges) async -> CommandResult {
        let (region, command) = Self.split(arguments)
        let key = command.joined(separator: " ")
        let result: CommandResult = lock.withLock {
            _calls.append(arguments)
            _environments.append(environment)
            inFlight += 1
            _maxInFlight = max(_maxInFlight, inFlight)
            if let gate, inFlight >= gate { _gateOpened = true }
            if let answers = sequences[key], let first = answers.first {
                if answers.count > 1 { sequences[key] = Array(answers.dropFirst()) }
                return first
            }
            return responses["\(region ?? "")|\(key)"] ?? responses[key]
                ?? .awsError("AccessDenied", "User: arn:aws:iam::123456789012:user/x is not authorized")
        }
        if gate != nil, key != "sts get-caller-identity" {
            let deadline = lock.withLock {
                if gateDeadline == nil { gateDeadline = .now + gateTimeout }
                return gateDeadline!
            }
            while !gateOpened, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(1)) }
            for _ in 0..<10 { await Task.yield() }
        }
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
