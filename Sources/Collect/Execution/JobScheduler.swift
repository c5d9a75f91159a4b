/// Runs jobs with at most `limit` commands at once, in a task group. Finished listings
/// add their per-resource jobs to the queue; files are written as jobs finish, by this
/// one loop, so no two writes race.
struct JobScheduler: Sendable {
    let cli: AWSCLI
    let runner: any CommandRunner
    let limit: Int
    let progress: any ProgressReporter

    /// Runs `initial` and everything it leads to; returns the failed commands and the
    /// number of files written. Throws only when a file cannot be written.
    func run(_ initial: [Job], into staging: StagingDirectory) async throws(CollectError)
        -> (failures: [CommandFailure], files: Int)
    {
        var queue = initial
        var next = 0
        var done = 0
        var files = 0
        var failures: [CommandFailure] = []
        var fatal: CollectError?
        await withTaskGroup(of: (Job, [String], CommandResult).self) { group in
            var running = 0
            repeat {
                while fatal == nil, running < max(1, limit), next < queue.count {
                    let job = queue[next]
                    let argv = cli.argv(job.command)
                    next += 1
                    running += 1
                    group.addTask { [runner] in (job, argv, await runner.run(argv)) }
                }
                progress.update(done: done, total: queue.count)
                guard let (job, argv, result) = await group.next() else { break }
                running -= 1
                done += 1
                switch ErrorClassifier.outcome(of: result, absentCodes: job.absentErrorCodes) {
                case .absent:
                    break
                case .failed(let message):
                    failures.append(CommandFailure(command: argv, error: message))
                case .output(let data):
                    let output: JobOutput
                    do throws(UnexpectedOutput) {
                        output = try job.handle(data)
                    } catch {
                        failures.append(CommandFailure(command: argv, error: "unexpected output: \(error.message)"))
                        continue
                    }
                    do throws(CollectError) {
                        for file in output.files { try staging.write(file) }
                        files += output.files.count
                        queue += output.followUps
                    } catch {
                        fatal = error
                    }
                }
            } while running > 0 || (fatal == nil && next < queue.count)
        }
        progress.finish()
        if let fatal { throw fatal }
        return (failures, files)
    }
}
