import Foundation
import Testing

/// Runs the built `accessgraph` binary and captures what it prints.
enum CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The JSON object on stdout.
        var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any]
        }
    }

    /// The package root, from this file's path (Tests/CLITests/CLIRunner.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The bundled sample organization.
    static let sample = root.appendingPathComponent("samples/acme-org").path

    /// The `accessgraph` binary next to the test bundle (the products directory), else under .build/debug.
    static let binary: URL = {
        var candidates: [URL] = []
        for b in Bundle.allBundles where b.bundleURL.pathExtension == "xctest" {
            candidates.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent("accessgraph"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("accessgraph"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("accessgraph"))
        candidates.append(root.appendingPathComponent(".build/debug/accessgraph"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// The commands that read and write the on-disk answer index (by default the user's own cache).
    static let indexedCommands: Set<String> = ["findings", "who-can"]

    /// Runs the binary with `arguments`, in `environment` (by default this process's). A query
    /// command must name a temporary `--index-dir` or pass `--no-index`: tests never touch the
    /// user's answer cache.
    static func run(
        _ arguments: [String], environment: [String: String]? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Result {
        if let command = arguments.first, indexedCommands.contains(command),
           !arguments.contains("--no-index"), !arguments.contains("--index-dir") {
            Issue.record("\(command) without --index-dir or --no-index would use the real answer cache", sourceLocation: sourceLocation)
        }
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        if let environment { p.environment = environment }
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A fresh temporary directory.
    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("accessgraph-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ json: Any, to url: URL) throws {
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted]).write(to: url)
    }
}
