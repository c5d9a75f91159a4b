import Foundation

/// Runs the built `accessgraph` executable and captures its output.
struct CLIRunner {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let sample = packageRoot.appendingPathComponent("samples/acme-org").path

    /// The executable next to the test products (`swift build` puts both in the same folder).
    static var executable: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("accessgraph"),
            Bundle.main.bundleURL.appendingPathComponent("accessgraph"),
            packageRoot.appendingPathComponent(".build/debug/accessgraph"),
        ]
        for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) { return c }
        for bundle in Bundle.allBundles {
            let c = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("accessgraph")
            if FileManager.default.isExecutableFile(atPath: c.path) { return c }
        }
        return candidates[2]
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
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
}
