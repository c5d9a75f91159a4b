import Foundation

/// One long-lived Python process running `aws` commands through awscli's own driver
/// (``WorkerScript``), one command at a time.
///
/// Requests and answers go through two pipes; the blocking reads and writes happen on the
/// worker's own serial queue, never on a thread of the cooperative pool.
final class CLIWorker: @unchecked Sendable {
    // `process`, `requests` and `answers` are fixed after `start`; `buffer` and `alive` are
    // only touched on `queue`, which runs one command at a time.
    private let process: Process
    private let requests: FileHandle
    private let answers: FileHandle
    private let queue: DispatchQueue
    private var buffer = Data()
    private var alive = true

    /// The awscli version the worker imported.
    private(set) var version = ""

    private init(process: Process, requests: FileHandle, answers: FileHandle) {
        self.process = process
        self.requests = requests
        self.answers = answers
        queue = DispatchQueue(label: "accessgraph.collect.worker")
    }

    /// Starts `python -c WorkerScript` in `environment` and waits for its ready line; nil when
    /// it cannot start or cannot import awscli (then the caller runs a process per command).
    static func start(python: String, environment: [String: String]) async -> CLIWorker? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", WorkerScript.source]
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        ignoreBrokenPipes()
        do { try process.run() } catch { return nil }
        let worker = CLIWorker(process: process, requests: input.fileHandleForWriting, answers: output.fileHandleForReading)
        let ready = await worker.onQueue { worker.readHeader() }
        guard ready?.ready == true, let version = ready?.awscli else {
            worker.stop()
            return nil
        }
        worker.version = version
        return worker
    }

    /// Runs `aws ARGUMENTS` (the executable itself dropped) with `environment` applied;
    /// nil when the worker has died (then the command has to run another way).
    func run(_ arguments: [String], environment: EnvironmentChanges) async -> CommandResult? {
        let request: [String: Any] = [
            "argv": Array(arguments.dropFirst()),
            "env": environment.mapValues { $0.map { $0 as Any } ?? NSNull() },
        ]
        guard let line = try? JSONSerialization.data(withJSONObject: request) else { return nil }
        return await onQueue { self.exchange(line + Data([0x0A])) }
    }

    /// Closes the worker's standard input; it ends after the command under way.
    func stop() {
        queue.async {
            self.alive = false
            try? self.requests.close()
        }
    }

    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }

    /// Sends one request and reads its answer (on `queue`).
    private func exchange(_ request: Data) -> CommandResult? {
        guard alive else { return nil }
        do {
            try requests.write(contentsOf: request)
        } catch {
            alive = false
            return nil
        }
        guard let header = readHeader(), let status = header.status, let outLength = header.out,
              let errLength = header.err, let out = read(count: outLength), let err = read(count: errLength) else {
            alive = false
            return nil
        }
        return CommandResult(status: Int32(truncatingIfNeeded: status), standardOutput: out,
                             standardError: String(decoding: err, as: UTF8.self))
    }

    /// Reads one JSON header line (on `queue`).
    private func readHeader() -> Header? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[buffer.index(after: newline)...])
                return try? JSONDecoder().decode(Header.self, from: line)
            }
            guard fill() else { return nil }
        }
    }

    /// Reads exactly `count` bytes (on `queue`); nil at end of file.
    private func read(count: Int) -> Data? {
        while buffer.count < count {
            guard fill() else { return nil }
        }
        let bytes = Data(buffer.prefix(count))
        buffer = Data(buffer.dropFirst(count))
        return bytes
    }

    /// Appends what the pipe has to `buffer` (one `read`, which returns what is there);
    /// false at end of file or on an error.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(answers.fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            if count < 0 && errno == EINTR { continue }
            return false
        }
    }

    /// A line the worker prints: the ready line, or the header of one command's answer.
    private struct Header: Decodable, Sendable {
        var ready: Bool?
        var awscli: String?
        var status: Int?
        var out: Int?
        var err: Int?
    }

    /// Writing to a worker that has died must fail with EPIPE, not kill this process.
    private static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }
}
