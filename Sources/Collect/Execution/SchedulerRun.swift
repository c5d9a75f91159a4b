/// What the jobs of one collection did.
struct SchedulerRun: Sendable {
    /// The commands that failed.
    var failures: [CommandFailure] = []
    /// Files written by this run.
    var written = 0
    /// Jobs not run because their file was already there (`--resume`).
    var reused = 0
    /// Member accounts whose role was assumed.
    var collectedAccounts: Set<String> = []
    /// Accounts that could not be collected.
    var failedAccounts: [AccountFailure] = []
    /// Whether the run stopped early because its task was cancelled (Ctrl-C).
    var interrupted = false
}
