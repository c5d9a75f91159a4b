import Graph
import Policy
import Snapshot

/// Loads a snapshot and prepares it for questions: the one call a library user or the CLI needs.
public enum AnalysisSession {
    /// Called after each stage with what it did and how long it took.
    public typealias StageTimer = @Sendable (_ stage: String, _ duration: Duration) -> Void

    /// Reads the snapshot at `path` and builds the access model for `zone`.
    public static func open(
        _ path: String, zone: ZoneKind = .organization, vocabulary: (any ActionVocabulary)? = nil,
        progress: SnapshotLoader.Progress? = nil, stages: StageTimer? = nil, assumeEdges: AccessModel.AssumeEdgeBuilding = .all,
        resources: AccessModel.ResourceScope = .all
    ) async throws(SnapshotError) -> AccessModel {
        let clock = ContinuousClock()
        let start = clock.now
        let snapshot = try await SnapshotLoader().load(path, progress: progress)
        stages?("read snapshot (\(snapshot.filesRead) files)", clock.now - start)
        let built = clock.now
        let model = AccessModel(snapshot: snapshot, zone: zone, vocabulary: vocabulary, assumeEdges: assumeEdges, resources: resources)
        stages?("build model (\(model.principals.count) principals, \(model.resources.count) resources)", clock.now - built)
        return model
    }

    /// The model for questions about one resource (who-can): only IAM, the organization and the
    /// folders that may hold `resource` read (`SnapshotLoader.load(_:about:)`), role-assumption
    /// edges built on demand, every role and only `resource` of the other resources prepared.
    /// Who-can's answers about `resource` are those of the whole model (`open(_:)`; a test checks
    /// it on the samples), for a fraction of the reading and building; warnings cover the files read.
    public static func open(
        _ path: String, about resource: String, zone: ZoneKind = .organization, vocabulary: (any ActionVocabulary)? = nil,
        progress: SnapshotLoader.Progress? = nil, stages: StageTimer? = nil
    ) async throws(SnapshotError) -> AccessModel {
        let clock = ContinuousClock()
        let start = clock.now
        let snapshot = try await SnapshotLoader().load(path, about: resource, progress: progress)
        stages?("read snapshot (\(snapshot.filesRead) files)", clock.now - start)
        let built = clock.now
        let model = AccessModel(snapshot: snapshot, zone: zone, vocabulary: vocabulary, assumeEdges: .onDemand, resources: .rolesAnd([resource]))
        stages?("build model (\(model.principals.count) principals, \(model.resources.count) resources)", clock.now - built)
        return model
    }

    /// Every warning: from reading files and from building the model.
    public static func warnings(_ model: AccessModel) -> [SnapshotWarning] { model.snapshot.warnings + model.warnings }
}
