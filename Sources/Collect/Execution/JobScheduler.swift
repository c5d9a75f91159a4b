import Foundation

/// Runs jobs with at most `limit` commands at once, in a task group. Finished listings
/// add their per-resource jobs to the queue; files are written as jobs finish, by this
/// one loop, so no two writes race. A job without its own ``AccountAccess`` runs with the
/// access of the job that led to it.
///
/// A job with a `delay` (a poll of a report AWS is still generating) waits in its own task,
/// holding none of the `limit` places; when its time comes it runs before the queued jobs.
///
/// When the task is cancelled (Ctrl-C), no further command starts; the ones running finish
/// and their files are written whole, and the run reports itself interrupted.
struct JobScheduler: Sendable {
    let cli: AWSCLI
    let runner: any CommandRunner
    let limit: Int
    let progress: any ProgressReporter
    /// With `--resume`: a job whose target file exists is not run.
    let resume: Bool

    private typealias Finished = (job: Job, access: AccountAccess, argv: [String], result: CommandResult)

    /// What a task of the group hands back: a finished command, or a delayed job whose wait is over.
    private enum Event: Sendable {
        case finished(Finished)
        case due(Job)
    }

    /// Runs `initial` (with `caller`'s access unless a job has its own) and everything it
    /// leads to. Throws only when a file cannot be written.
    func run(_ initial: [Job], as caller: AccountAccess, into writer: SnapshotWriter) async throws(CollectError) -> SchedulerRun {
        var queue = initial.map { $0.with(caller) }
        var next = 0
        var due: [Job] = []  // delayed jobs whose wait is over: they run first
        var done = 0
        var run = SchedulerRun()
        var fatal: CollectError?
        var dropped = false
        await withTaskGroup(of: Event.self) { group in
            var running = 0
            var waiting = 0
            func pending() -> Bool { !due.isEmpty || next < queue.count }
            repeat {
                while !Task.isCancelled, fatal == nil, running < max(1, limit), pending() {
                    var job: Job
                    if due.isEmpty {
                        job = queue[next]
                        next += 1
                    } else {
                        job = due.removeFirst()
                    }
                    let access = job.access ?? caller
                    if resume, let reused = reuse(job, from: writer) {
                        run.reused += 1
                        done += 1
                        queue += reused.followUps.map { $0.with(access) }
                        continue
                    }
                    if job.delay > .zero {
                        let delay = job.delay
                        job.delay = .zero
                        waiting += 1
                        group.addTask { [job] in
                            try? await Task.sleep(for: delay)  // cancelled (Ctrl-C): due at once, and not run
                            return .due(job)
                        }
                        continue
                    }
                    let argv = cli.argv(job.command, as: access)
                    running += 1
                    group.addTask { [runner, job] in .finished((job, access, argv, await runner.run(argv, environment: access.environment))) }
                }
                progress.update(done: done, total: queue.count)
                guard let event = await group.next() else { break }
                guard case .finished(let finished) = event else {
                    if case .due(let job) = event { due.append(job) }
                    waiting -= 1
                    continue
                }
                running -= 1
                done += 1
                if Task.isCancelled && !finished.result.succeeded {  // maybe killed by the same Ctrl-C: run again on --resume
                    dropped = true
                    continue
                }
                do throws(CollectError) {
                    queue += try record(finished, into: &run, writer: writer)
                } catch {
                    fatal = error
                }
            } while running > 0 || waiting > 0 || (!Task.isCancelled && fatal == nil && pending())
        }
        progress.finish()
        if let fatal { throw fatal }
        run.interrupted = Task.isCancelled && (dropped || next < queue.count || !due.isEmpty)
        return run
    }

    /// With the job's target file there, what it leads to (read from the file); nil when
    /// the job has to run (no target, no file, or a file its reader cannot read).
    private func reuse(_ job: Job, from writer: SnapshotWriter) -> JobOutput? {
        guard let target = job.target, let existing = writer.existing(target) else { return nil }
        guard let reuse = job.reuse else { return JobOutput() }
        return try? reuse(existing)
    }

    /// Writes a finished job's files and records its failures; returns its follow-up jobs.
    private func record(_ finished: Finished, into run: inout SchedulerRun, writer: SnapshotWriter) throws(CollectError) -> [Job] {
        let (job, access, argv, result) = finished
        let account = access.account
        func fail(_ message: String) {
            run.failures.append(CommandFailure(account: job.failsAccount ?? account, command: argv, error: message))
            if let member = job.failsAccount { run.failedAccounts.append(AccountFailure(account: member, reason: message)) }
        }
        switch ErrorClassifier.outcome(of: result, absentCodes: job.absentErrorCodes) {
        case .absent:
            return []
        case .failed(let message):
            if let instead = job.fallback?(result) { return [instead.with(access)] }
            fail(message)
            return []
        case .output(let data):
            let output: JobOutput
            do throws(UnexpectedOutput) {
                output = try job.handle(data)
            } catch {
                fail("unexpected output: \(error.message)")
                return []
            }
            if let failure = output.failure { fail(failure) }
            for file in output.files { try writer.write(file) }
            run.written += output.files.count
            run.collectedAccounts.formUnion(output.collectedAccounts)
            for failure in output.failedAccounts {
                run.failedAccounts.append(failure)
                run.failures.append(CommandFailure(account: failure.account, command: argv, error: failure.reason))
            }
            return output.followUps.map { $0.with(access) }
        }
    }
}
