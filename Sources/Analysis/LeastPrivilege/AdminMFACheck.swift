import Concurrency
import Graph

/// Admin-equivalent principals whose policies do not require MFA. A user or role is admin
/// equivalent when the evaluator allows it to give itself any permission (`Escalation.adminGrants`,
/// the definition `admins` uses). Its policies require MFA when every request of that self-grant
/// is allowed only under (or denied without) `aws:MultiFactorAuthPresent` / `aws:MultiFactorAuthAge`,
/// which the evaluator leaves undecided; for a role, also when every principal that can assume it
/// can do so only with MFA. Roles only services can assume are left out (a service has no MFA).
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
struct AdminMFACheck: Sendable {
    let escalation: Escalation
    /// Skip principals no identity Allow statement of which may cover an `iam:` action: every
    /// self-grant technique is an IAM action, so none of them can be admin this way (a test checks
    /// the answers equal without it).
    var prefilter = true
    static let mfaKeys: Set<String> = ["aws:multifactorauthpresent", "aws:multifactorauthage"]

    /// The admins without an MFA requirement, with how they are admin.
    func admins() -> [(principal: String, account: String?, detail: String)] {
        let model = escalation.model
        let admins = selfGrantAdmins()
        let roles = admins.filter { model.principal($0.principal)?.node.kind == .role }.map(\.principal)
        let callers = model.firstEdges(into: roles) { e in model.principal(e.from)?.node.kind != .service && !Self.needsMFA(e) }
        return admins.compactMap { row in
            var how = "can give itself any permission (\(row.technique))"
            if model.principal(row.principal)?.node.kind == .role {
                guard let caller = callers[row.principal] else { return nil }
                how += "; assumable without MFA, e.g. by \(caller.from)"
            }
            return (row.principal, row.account, how)
        }
    }

    /// Users and roles that can give themselves any permission without MFA, in principal order,
    /// with the technique of the first step.
    func selfGrantAdmins() -> [(principal: String, account: String?, technique: String)] {
        let escalation = self.escalation
        let model = escalation.model
        let prefilter = self.prefilter
        let rows = ParallelMap.map(model.principalOrder) { id -> (String, String?, String)? in
            guard let p = model.principal(id), p.node.kind == .user || p.node.kind == .role else { return nil }
            if prefilter, !p.policies.identityAssumedToAllow,
                !p.policies.identityPolicies.contains(where: { $0.document.statements.contains { $0.effect == .allow && $0.mayCover(service: "iam") } })
            { return nil }
            guard let grants = escalation.adminGrants(of: id), let first = grants.first else { return nil }
            if grants.contains(where: Self.needsMFA) { return nil }
            return (id, p.node.account, first.technique.name)
        }
        return rows.compactMap { $0 }.map { (principal: $0.0, account: $0.1, technique: $0.2) }
    }

    static func needsMFA(_ e: EscalationEdge) -> Bool { mentionsMFA(e.conditions) || mentionsMFA(e.deniedWhen) }
    static func needsMFA(_ e: Edge) -> Bool { mentionsMFA(e.conditions) || mentionsMFA(e.deniedWhen) }

    static func mentionsMFA(_ conditions: [String: [String: [String]]]) -> Bool {
        conditions.values.contains { $0.keys.contains { mfaKeys.contains($0.lowercased()) } }
    }
}
