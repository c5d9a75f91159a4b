/// Lends ``CLIWorker``s to one command at a time each. A worker that dies is dropped; when
/// none is left, `acquire` answers nil and commands run as processes.
actor WorkerPool {
    private var idle: [CLIWorker]
    private var living: Int
    private var waiting: [CheckedContinuation<CLIWorker?, Never>] = []

    init(_ workers: [CLIWorker]) {
        idle = workers
        living = workers.count
    }

    /// An idle worker, waiting for one if all are busy; nil when every worker has died.
    func acquire() async -> CLIWorker? {
        if let worker = idle.popLast() { return worker }
        if living == 0 { return nil }
        return await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives a worker back, or drops it when it died.
    func release(_ worker: CLIWorker, alive: Bool) {
        if !alive {
            worker.stop()
            living -= 1
            if living == 0 {
                waiting.forEach { $0.resume(returning: nil) }
                waiting = []
            }
        } else if waiting.isEmpty {
            idle.append(worker)
        } else {
            waiting.removeFirst().resume(returning: worker)
        }
    }

    /// Stops every idle worker (at the end of a collection).
    func stopAll() {
        idle.forEach { $0.stop() }
        living -= idle.count
        idle = []
    }
}
