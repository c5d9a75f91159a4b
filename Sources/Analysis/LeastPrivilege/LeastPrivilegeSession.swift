import Graph
import Snapshot

/// Loads what `unused`, `hygiene` and `policy-suggest` need: the organization and IAM data (no
/// resource folder) with each account's usage files (`UsageLoader`), and the access model over
/// them for questions the evaluator decides (admin equivalence, a suggested policy's check).
public enum LeastPrivilegeSession {
    /// The snapshot with usage data, without resources; without the service last-accessed
    /// files unless `lastAccessed`.
    public static func snapshot(
        _ path: String, lastAccessed: Bool = true, progress: SnapshotLoader.Progress? = nil, stages: AnalysisSession.StageTimer? = nil
    ) async throws(SnapshotError) -> Snapshot {
        let clock = ContinuousClock()
        let start = clock.now
        var snapshot = try await SnapshotLoader().loadIdentities(path, progress: progress)
        await UsageLoader().read(into: &snapshot, lastAccessed: lastAccessed)
        stages?("read IAM and usage (\(snapshot.filesRead) files)", clock.now - start)
        return snapshot
    }

    /// The access model of such a snapshot: every role prepared, assume edges on demand.
    public static func model(_ snapshot: Snapshot, zone: ZoneKind = .organization, stages: AnalysisSession.StageTimer? = nil) -> AccessModel {
        let clock = ContinuousClock()
        let start = clock.now
        let model = AccessModel(snapshot: snapshot, zone: zone, assumeEdges: .onDemand, resources: .rolesAnd([]))
        stages?("build model (\(model.principals.count) principals)", clock.now - start)
        return model
    }

    /// The usage window of `snapshot`: "now" is `Snapshot.usageTime`; nil when the snapshot has
    /// no usage file to take the time from.
    public static func window(_ snapshot: Snapshot, days: Int) -> UsageWindow? {
        snapshot.usageTime.map { UsageWindow(now: $0, days: days) }
    }
}
