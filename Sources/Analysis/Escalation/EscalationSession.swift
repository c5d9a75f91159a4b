import Graph
import Policy
import Snapshot
import SnapshotLayout

/// Opens a snapshot for escalation questions: role-assumption edges on demand (or all at once,
/// for `admins`, which meets every role), and of the
/// resources every role, the Lambda functions (UpdateFunctionCode and InvokeFunction are decided
/// with their policies) and the resource asked about, if any. Only those are read: the IAM data,
/// the `lambda` folders and the folders that may hold the resource.
public enum EscalationSession {
    public static func open(
        _ path: String, about resource: String?, zone: ZoneKind = .organization, vocabulary: (any ActionVocabulary)? = nil,
        progress: SnapshotLoader.Progress? = nil, stages: AnalysisSession.StageTimer? = nil,
        assumeEdges: AccessModel.AssumeEdgeBuilding = .onDemand
    ) async throws(SnapshotError) -> AccessModel {
        let clock = ContinuousClock()
        let start = clock.now
        let snapshot = try await SnapshotLoader().load(path, services: [.lambda], about: resource, progress: progress)
        stages?("read snapshot (\(snapshot.filesRead) files)", clock.now - start)
        let built = clock.now
        var arns: Set<String> = resource.map { [$0] } ?? []
        for account in snapshot.accounts.values {
            for r in account.resources where r.type == "AWS::Lambda::Function" { arns.insert(r.arn) }
        }
        let model = AccessModel(snapshot: snapshot, zone: zone, vocabulary: vocabulary, assumeEdges: assumeEdges, resources: .rolesAnd(arns))
        stages?("build model (\(model.principals.count) principals, \(model.resources.count) resources)", clock.now - built)
        return model
    }
}
