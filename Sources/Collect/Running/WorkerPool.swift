/// Lends ``CLIWorker``s to one command at a time each, starting them as they are needed, up
/// to `capacity`. A worker that dies is dropped; when none is left and none can start,
/// `acquire` answers nil and commands run as processes.
actor WorkerPool {
    private var idle: [CLIWorker]
    private var living: Int
    private var capacity: Int
    private let python: String?
    private let environment: [String: String]
    private var waiting: [CheckedContinuation<CLIWorker?, Never>] = []

    /// A pool holding `started` workers, which may start more with `python` up to `capacity`.
    init(_ started: [CLIWorker], python: String?, environment: [String: String], capacity: Int) {
        idle = started
        living = started.count
        self.python = python
        self.environment = environment
        self.capacity = python == nil ? started.count : max(capacity, started.count)
    }

    /// An idle worker, a new one, or one another command gives back; nil when no worker lives
    /// and none can start.
    func acquire() async -> CLIWorker? {
        if let worker = idle.popLast() { return worker }
        if living < capacity, let python {
            living += 1
            if let worker = await CLIWorker.start(python: python, environment: environment) { return worker }
            living -= 1
            capacity = living  // this Python does not start workers now: use the ones there are
            if living == 0 { resumeWaiting(with: nil) }
            return nil
        }
        if living == 0 { return nil }
        return await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives a worker back, or drops it when it died.
    func release(_ worker: CLIWorker, alive: Bool) {
        if !alive {
            worker.stop()
            living -= 1
            capacity -= 1
            if living == 0 { resumeWaiting(with: nil) }
        } else if waiting.isEmpty {
            idle.append(worker)
        } else {
            waiting.removeFirst().resume(returning: worker)
        }
    }

    private func resumeWaiting(with worker: CLIWorker?) {
        waiting.forEach { $0.resume(returning: worker) }
        waiting = []
    }

    /// Stops every idle worker and starts no more (at the end of a collection).
    func stopAll() {
        idle.forEach { $0.stop() }
        living -= idle.count
        capacity = 0
        idle = []
    }
}
