import SnapshotLayout

/// What a finished collection produced.
public struct CollectSummary: Sendable, Hashable {
    /// The collected account's id.
    public var account: String
    /// The regions collected.
    public var regions: [String]
    /// The snapshot folder.
    public var output: String
    /// How many files the snapshot holds, `collect-errors.json` included.
    public var fileCount: Int
    /// The commands that failed (also in `collect-errors.json`).
    public var failures: [CommandFailure]

    /// Lines for standard error: one per failure, then a closing line.
    public var report: [String] {
        failures.map { "warning: \($0.summary): \($0.error)" } + [
            "collect: account \(account), \(regions.count) region(s), \(fileCount) files in \(output)"
                + (failures.isEmpty ? "" : "; \(failures.count) command(s) failed, see \(SnapshotLayout.errorsFile)"),
        ]
    }
}
