import Foundation

/// The two temporary files one child process writes its output streams to.
final class OutputFiles: @unchecked Sendable {
    // Only touched by the one task that runs the process, before and after it runs.
    private let stdoutURL: URL
    private let stderrURL: URL
    private var handles: [FileHandle] = []
    var launchError: String?

    init() {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("accessgraph-collect-\(UUID().uuidString)")
        stdoutURL = base.appendingPathExtension("out")
        stderrURL = base.appendingPathExtension("err")
    }

    /// Creates both files and opens them for writing.
    func open() throws -> (FileHandle, FileHandle) {
        for url in [stdoutURL, stderrURL] {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        }
        handles = [try FileHandle(forWritingTo: stdoutURL), try FileHandle(forWritingTo: stderrURL)]
        return (handles[0], handles[1])
    }

    /// Reads back what the finished process wrote.
    func result(status: Int32) -> CommandResult {
        for handle in handles { try? handle.close() }
        handles = []
        let out = (try? Data(contentsOf: stdoutURL)) ?? Data()
        let err = (try? Data(contentsOf: stderrURL)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return CommandResult(status: status, standardOutput: out, standardError: launchError ?? err)
    }

    /// Deletes both files.
    func remove() {
        for handle in handles { try? handle.close() }
        try? FileManager.default.removeItem(at: stdoutURL)
        try? FileManager.default.removeItem(at: stderrURL)
    }
}
