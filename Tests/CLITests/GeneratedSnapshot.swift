import Foundation
import Testing

extension CLIRunner {
    /// Writes a three-account organization with shared/bench/gen_snapshot.py (`--preset small
    /// --accounts 3 --seed 1`) into `dir` and returns its path. The generator is
    /// `$ACCESSGRAPH_BENCH_SHARED/bench/gen_snapshot.py`, else in the clone's sibling `../shared`.
    static func generatedOrganization(in dir: URL) throws -> String {
        let shared = ProcessInfo.processInfo.environment["ACCESSGRAPH_BENCH_SHARED"].map { URL(fileURLWithPath: $0) }
            ?? root.deletingLastPathComponent().appendingPathComponent("shared")
        let generator = shared.appendingPathComponent("bench/gen_snapshot.py").standardizedFileURL.path
        try #require(FileManager.default.fileExists(atPath: generator), "the snapshot generator is missing: \(generator)")
        let out = dir.appendingPathComponent("generated-org").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProcessInfo.processInfo.environment["ACCESSGRAPH_PYTHON"] ?? "python3", generator, "--out", out,
                             "--preset", "small", "--seed", "1", "--accounts", "3"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "gen_snapshot.py exited with \(process.terminationStatus)")
        return out
    }
}
