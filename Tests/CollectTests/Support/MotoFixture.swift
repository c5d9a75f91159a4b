import Foundation
import Collect

/// Why the moto end-to-end tests cannot run here.
struct MotoUnavailable: Error, CustomStringConvertible {
    let description: String
}

/// The tools the end-to-end tests need: a Python with moto and boto3, the `aws` CLI and
/// the built `accessgraph`. Overrides: `ACCESSGRAPH_PYTHON`, `ACCESSGRAPH_AWS`, `ACCESSGRAPH_BIN`.
struct MotoTools: Sendable {
    /// The commands moto 5.2.1 fails, in any region: no account-level Block Public Access is set,
    /// and `ListAccessPoints` is not implemented. Every other listing and detail command answers.
    static let unimplemented: [String] = [
        "s3control get-public-access-block --account-id 123456789012",
        "s3control list-access-points --account-id 123456789012 --query AccessPointList[].Name",
    ]

    static let install = "pip install 'moto[server]==5.2.1' awscli==1.45.11"
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let python: String
    let aws: String
    let accessgraph: String

    /// Finds the tools, or says which is missing and how to get it.
    static func find() async throws(MotoUnavailable) -> MotoTools {
        let environment = ProcessInfo.processInfo.environment
        let locator = ExecutableLocator(searchPath: environment["PATH"] ?? "")
        guard let python = locator.locate(environment["ACCESSGRAPH_PYTHON"] ?? "python3") else {
            throw MotoUnavailable(description: "python3 not found (set ACCESSGRAPH_PYTHON)")
        }
        let probe = await ProcessRunner().run([python, "-c", "import moto.server, boto3"])
        guard probe.succeeded else {
            throw MotoUnavailable(description: "\(python) cannot import moto: \(ErrorClassifier.message(for: probe)); install with: \(install)")
        }
        guard let aws = locator.locate(environment["ACCESSGRAPH_AWS"] ?? "aws") else {
            throw MotoUnavailable(description: "the aws CLI is not on PATH (set ACCESSGRAPH_AWS); install with: \(install)")
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [environment["ACCESSGRAPH_BIN"], executable.appendingPathComponent("accessgraph").path,
                          repository.appendingPathComponent(".build/debug/accessgraph").path].compactMap { $0 }
        guard let accessgraph = candidates.first(where: FileManager.default.isExecutableFile) else {
            throw MotoUnavailable(description: "the accessgraph binary was not found in \(candidates); run `swift build` first or set ACCESSGRAPH_BIN")
        }
        return MotoTools(python: python, aws: aws, accessgraph: accessgraph)
    }

    /// Whether the end-to-end suite runs: always, unless the tools are missing and
    /// `ACCESSGRAPH_SKIP_MOTO=1` asks to skip (then the reason is printed, once).
    static func suiteEnabled() async -> Bool {
        guard ProcessInfo.processInfo.environment["ACCESSGRAPH_SKIP_MOTO"] == "1" else { return true }
        return await MotoFixture.shared.toolsOrSkipReason()
    }
}

/// One moto server per population for the whole test process, started and populated by
/// `scripts/collect-moto-fixture.py`. It stops when this process ends (its standard input closes).
actor MotoFixture {
    /// One account (123456789012) with every resource type, in an organization with one member.
    static let shared = MotoFixture(arguments: ["--account", account])
    /// An organization (management 123456789012) with three members; the last one's role cannot be assumed.
    static let organization = MotoFixture(arguments: ["--organization-members"])
    static let account = "123456789012"

    private let arguments: [String]
    private var started: Result<(MotoTools, String), MotoUnavailable>?
    /// The `KEY=VALUE` words of the fixture's first line (ENDPOINT, ACCOUNT, MEMBERS, LOCKED).
    private(set) var facts: [String: String] = [:]

    private init(arguments: [String]) {
        self.arguments = arguments
    }
    private var found: Result<MotoTools, MotoUnavailable>?
    private var keepAlive: [AnyObject] = []

    /// The tools, looked for once per process.
    func tools() async throws(MotoUnavailable) -> MotoTools {
        if found == nil {
            do { found = .success(try await MotoTools.find()) } catch { found = .failure(error) }
        }
        return try found!.get()
    }

    /// True when the tools are there; otherwise prints why the suite is skipped (once) and returns false.
    func toolsOrSkipReason() async -> Bool {
        let known = found != nil
        do {
            _ = try await tools()
            return true
        } catch {
            if !known {
                FileHandle.standardError.write(Data("skipping the moto end-to-end tests (ACCESSGRAPH_SKIP_MOTO=1): \(error)\n".utf8))
            }
            return false
        }
    }

    /// The tools and the server's endpoint URL; starts the server the first time.
    func start() async throws(MotoUnavailable) -> (tools: MotoTools, endpoint: String) {
        if started == nil { started = await launch() }
        return try started!.get()
    }

    private func launch() async -> Result<(MotoTools, String), MotoUnavailable> {
        let tools: MotoTools
        do { tools = try await self.tools() } catch { return .failure(error) }
        let script = MotoTools.repository.appendingPathComponent("scripts/collect-moto-fixture.py").path
        let process = Process()
        let stdin = Pipe(), stdout = Pipe()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("collect-moto-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: tools.python)
        process.arguments = [script, "--max-seconds", "1200"] + arguments
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = try? FileHandle(forWritingTo: log)
        do { try process.run() } catch {
            return .failure(MotoUnavailable(description: "cannot start \(script): \(error)"))
        }
        keepAlive = [process, stdin]
        let line = await Self.firstLine(of: stdout.fileHandleForReading)
        for word in line.split(whereSeparator: \.isWhitespace) {
            let parts = word.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { facts[String(parts[0])] = String(parts[1]) }
        }
        guard let endpoint = facts["ENDPOINT"] else {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            return .failure(MotoUnavailable(description: "the moto fixture did not start: \(output.suffix(2000))"))
        }
        try? FileManager.default.removeItem(at: log)  // the server keeps writing to the unlinked file
        return .success((tools, endpoint))
    }

    /// Reads up to the first newline, off the cooperative thread pool.
    private static func firstLine(of handle: FileHandle) async -> String {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var bytes = Data()
                while !bytes.contains(0x0A) {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    bytes.append(chunk)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}
