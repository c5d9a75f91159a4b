import SnapshotLayout

/// What a finished (or interrupted) collection produced.
public struct CollectSummary: Sendable, Hashable {
    /// The caller's account id (the management account or delegated administrator with `--organization`).
    public var account: String
    /// Whether the organization was collected.
    public var organization: Bool
    /// The accounts collected, sorted (with their command failures, if any).
    public var collectedAccounts: [String]
    /// The accounts that could not be collected, and why.
    public var failedAccounts: [AccountFailure]
    /// The caller's regions collected.
    public var regions: [String]
    /// The snapshot folder.
    public var output: String
    /// How many files the snapshot holds, `collect-errors.json` included.
    public var fileCount: Int
    /// How many commands were not run because their file was already there (`--resume`).
    public var reusedFiles: Int
    /// The commands that failed (also in `collect-errors.json`).
    public var failures: [CommandFailure]
    /// Whether Ctrl-C stopped the collection (then no `collect-errors.json` is written).
    public var interrupted: Bool
    /// How many long-lived CLI workers ran the commands (0: a process per command).
    public var workers: Int

    /// Lines for standard error: one per failed command, one per account not collected,
    /// then a closing line.
    public var report: [String] {
        let accountMessages = Set(failedAccounts.map { "\($0.account)\u{0}\($0.reason)" })
        let commands = failures.filter { !accountMessages.contains("\($0.account ?? "")\u{0}\($0.error)") }
            .map { "warning: \($0.summary): \($0.error)" }
        let accounts = failedAccounts.map { "error: account \($0.account) not collected: \($0.reason)" }
        return commands + accounts + [closingLine]
    }

    private var closingLine: String {
        let reused = reusedFiles > 0 ? " (\(reusedFiles) already there)" : ""
        if interrupted {
            return "collect: interrupted; \(fileCount) whole files in \(output)\(reused);"
                + " run the same command with --resume to complete it"
        }
        let what: String
        if organization {
            let failed = failedAccounts.map(\.account)
            what = "organization of \(account): \(collectedAccounts.count) account(s) collected, \(failed.count) failed"
                + (failed.isEmpty ? "" : " (\(failed.joined(separator: ", ")))")
        } else {
            what = "account \(account)"
        }
        return "collect: \(what), \(regions.count) region(s), \(fileCount) files in \(output)\(reused)"
            + (failures.isEmpty ? "" : "; \(failures.count) command(s) failed, see \(SnapshotLayout.errorsFile)")
    }
}
