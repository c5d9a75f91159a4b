import Graph
import Policy
import Snapshot

/// Loads a snapshot and prepares it for questions: the one call a library user or the CLI needs.
public enum AnalysisSession {
    /// Reads the snapshot at `path` and builds the access model for `zone`.
    public static func open(
        _ path: String, zone: ZoneKind = .organization, vocabulary: (any ActionVocabulary)? = nil,
        progress: SnapshotLoader.Progress? = nil
    ) async throws(SnapshotError) -> AccessModel {
        let snapshot = try await SnapshotLoader().load(path, progress: progress)
        return AccessModel(snapshot: snapshot, zone: zone, vocabulary: vocabulary)
    }

    /// Every warning: from reading files and from building the model.
    public static func warnings(_ model: AccessModel) -> [SnapshotWarning] { model.snapshot.warnings + model.warnings }
}
