import Concurrency
import Graph

/// Who is effectively an administrator. A principal is **admin** when it can give itself any
/// permission, decided by the evaluator: it can write or attach an identity policy to itself
/// (iam:PutUserPolicy, PutRolePolicy, AttachUserPolicy, AttachRolePolicy, PutGroupPolicy or
/// AttachGroupPolicy on its group, CreatePolicyVersion on its customer managed policy), directly
/// or after one other self-grant (joining a group, switching a policy version). An `Allow * on *`
/// principal is admin this way; what it can then do is still capped by its permissions boundary
/// and SCPs. A principal is admin **by escalation** when it can assume or act as an admin.
/// Service principals (which act only for whoever passes them a role) are not listed.
public struct AdminsAnalyzer: Sendable {
    public let escalation: Escalation
    public var model: AccessModel { escalation.model }

    public init(escalation: Escalation) { self.escalation = escalation }

    /// Every admin, direct ones first, each with its shortest path (for direct admins: the grants).
    public func admins(stages: AnalysisSession.StageTimer? = nil) -> [EscalatedReach] {
        let clock = ContinuousClock()
        var start = clock.now
        let escalation = self.escalation
        let direct = ParallelMap.map(model.principalOrder) { id -> EscalatedReach? in
            guard let grants = escalation.adminGrants(of: id) else { return nil }
            return EscalatedReach(principal: id, actions: [], steps: grants.map(PathStep.init))
        }
        var reaches: [String: EscalatedReach] = [:]
        var queue: [String] = []
        for reach in direct.compactMap({ $0 }) {
            reaches[reach.principal] = reach
            queue.append(reach.principal)
        }
        stages?("direct admins (\(queue.count))", clock.now - start)
        start = clock.now
        EscalationWhoCan(escalation: escalation).walkBack(from: queue, into: &reaches)
        stages?("admins by role assumption or escalation (\(reaches.count - queue.count))", clock.now - start)
        // Service principals act only for whoever passes them a role: they are not listed.
        // Direct admins first, then by path length and principal (each key worked out once).
        let rows = reaches.values.filter { model.principal($0.principal)?.node.kind != .service }
        let keys = rows.map { ($0.usesEscalation && $0.steps.first?.kind != .grant ? 1 : 0, $0.steps.count) }
        return rows.indices.sorted { (keys[$0].0, keys[$0].1, rows[$0].principal) < (keys[$1].0, keys[$1].1, rows[$1].principal) }.map { rows[$0] }
    }
}
