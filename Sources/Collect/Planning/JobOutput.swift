/// What one finished job leaves: files to write and further jobs to run.
struct JobOutput: Sendable {
    /// Files for the snapshot.
    var files: [SnapshotFile] = []
    /// Jobs that this job's output made known (one per listed resource and file).
    var followUps: [Job] = []
    /// Accounts whose collection this job began (a member whose role was assumed).
    var collectedAccounts: [String] = []
    /// Accounts that cannot be collected, and why (asked for, but not in the organization).
    var failedAccounts: [AccountFailure] = []
    /// A failure the command's own output reports (a report job whose `JobStatus` is `FAILED`):
    /// recorded for this command in `collect-errors.json`, as a command that failed.
    var failure: String?
}
