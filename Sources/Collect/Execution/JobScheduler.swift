import Foundation

/// Runs jobs with at most `limit` commands at once, in a task group. Finished listings
/// add their per-resource jobs to the queue; files are written as jobs finish, by this
/// one loop, so no two writes race. A job without its own ``AccountAccess`` runs with the
/// access of the job that led to it.
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

    /// Runs `initial` (with `caller`'s access unless a job has its own) and everything it
    /// leads to. Throws only when a file cannot be written.
    func run(_ initial: [Job], as caller: AccountAccess, into writer: SnapshotWriter) async throws(CollectError) -> SchedulerRun {
        var queue = initial.map { $0.with(caller) }
        var next = 0
        var done = 0
        var run = SchedulerRun()
        var fatal: CollectError?
        var dropped = false
        await withTaskGroup(of: Finished.self) { group in
            var running = 0
            repeat {
                while !Task.isCancelled, fatal == nil, running < max(1, limit), next < queue.count {
                    let job = queue[next]
                    next += 1
                    let access = job.access ?? caller
                    if resume, let reused = reuse(job, from: writer) {
                        run.reused += 1
                        done += 1
                        queue += reused.followUps.map { $0.with(access) }
                        continue
                    }
                    let argv = cli.argv(job.command, as: access)
                    running += 1
                    group.addTask { [runner] in (job, access, argv, await runner.run(argv, environment: access.environment)) }
                }
                progress.update(done: done, total: queue.count)
                guard let finished = await group.next() else { break }
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
            } while running > 0 || (!Task.isCancelled && fatal == nil && next < queue.count)
        }
        progress.finish()
        if let fatal { throw fatal }
        run.interrupted = Task.isCancelled && (dropped || next < queue.count)
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
