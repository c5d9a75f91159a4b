import Policy

/// Runs concrete requests and explains their decisions (`simulate`, `can`).
public struct Simulator: Sendable {
    public init() {}

    /// Evaluates `request` against `policies`; `sources` tells which file each policy name came from.
    public func run(_ request: ConcreteRequest, _ policies: PolicySet, sources: [String: PolicySource] = [:]) -> SimulationReport {
        let r = request.request
        let evaluation = Evaluator().evaluate(r, policies, explain: true)
        let groups = Self.groups(policies, principal: r.principal, evaluation: evaluation, sources: sources)
        return SimulationReport(
            decision: evaluation.decision, rule: evaluation.rule, principal: request.principal.sessionArn ?? request.principal.id,
            action: request.action, resource: request.resource?.text, resourceAccount: r.resourceAccount, explanation: groups)
    }

    /// The policy types that took part, in evaluation order. SCPs do not apply to
    /// service-linked roles nor to principals without identity policies; RCPs not to
    /// service-linked roles nor service principals (as in `Evaluator`).
    static func groups(
        _ set: PolicySet, principal p: RequestPrincipal, evaluation e: Evaluation, sources: [String: PolicySource]
    ) -> [PolicyGroupReport] {
        var groups: [PolicyGroupReport] = []
        func add(_ type: PolicyType, key: String, level: Int?, _ policies: [NamedPolicy]) {
            let traces = e.trace.filter { $0.policyType == type }
            let statements = traces.map { t in
                let source = sources[t.policyName]
                return StatementReport(
                    policy: t.policyName, file: source?.file, policyIndex: source?.index, statement: t.sid.map { $0.isEmpty ? "#\(t.statementIndex)" : $0 } ?? "#\(t.statementIndex)",
                    sid: t.sid, index: t.statementIndex, effect: t.effect, matched: t.outcome.description,
                    principalMatch: t.principalMatch,
                    conditions: t.conditions.map {
                        ConditionReport(
                            operator: $0.condition.op.name, key: $0.condition.key, values: $0.condition.values,
                            result: $0.outcome.description)
                    },
                    decisive: false)
            }
            let result =
                traces.contains { $0.effect == .deny && $0.outcome == .yes } ? "denies"
                : traces.contains { $0.effect == .allow && $0.outcome == .yes } ? "allows" : "no allow"
            groups.append(PolicyGroupReport(
                policyType: key, level: level, label: type.description, policies: policies.map(\.name), result: result,
                decisive: false, statements: statements))
        }
        if !p.isServiceLinkedRole && p.hasIdentityPolicies {
            for (i, level) in set.scpLevels.enumerated() { add(.scp(level: i), key: "scp", level: i, level) }
        }
        if !p.isServiceLinkedRole && p.kind != .service {
            for (i, level) in set.rcpLevels.enumerated() { add(.rcp(level: i), key: "rcp", level: i, level) }
        }
        if let rp = set.resourcePolicy {
            add(.resource, key: "resource", level: nil, [rp])
        } else if set.resourcePolicyRequired || e.rule == .crossAccountWithoutResourceGrant {
            // No resource policy, yet its absence settles the decision: list it as a group without policies.
            add(.resource, key: "resource", level: nil, [])
        }
        if let b = set.permissionsBoundary { add(.permissionsBoundary, key: "permissions_boundary", level: nil, b) }
        if let s = set.sessionPolicies { add(.session, key: "session", level: nil, s) }
        if p.hasIdentityPolicies && !set.identityAssumedToAllow { add(.identity, key: "identity", level: nil, set.identityPolicies) }
        markDecisive(&groups, rule: e.rule)
        return groups
    }

    /// Marks the groups and statements the deciding rule rests on.
    static func markDecisive(_ groups: inout [PolicyGroupReport], rule: DecidingRule) {
        func first(_ type: String, where pred: (PolicyGroupReport) -> Bool = { _ in true }) -> Int? {
            groups.firstIndex { $0.policyType == type && pred($0) }
        }
        let noAllow: (PolicyGroupReport) -> Bool = { $0.result == "no allow" }
        var decisiveGroups: [Int] = []
        var allowTypes: Set<String> = []
        switch rule {
        case .explicitDeny:
            for g in groups.indices {
                for s in groups[g].statements.indices where groups[g].statements[s].effect == .deny && groups[g].statements[s].matched == "yes" {
                    groups[g].statements[s].decisive = true
                    if !decisiveGroups.contains(g) { decisiveGroups.append(g) }
                }
            }
        case .scpNoAllow: decisiveGroups = first("scp", where: noAllow).map { [$0] } ?? []
        case .rcpNoAllow: decisiveGroups = first("rcp", where: noAllow).map { [$0] } ?? []
        case .boundaryNoAllow: decisiveGroups = first("permissions_boundary").map { [$0] } ?? []
        case .sessionPolicyNoAllow: decisiveGroups = first("session").map { [$0] } ?? []
        case .crossAccountWithoutResourceGrant, .resourcePolicyRequired, .publicAccessBlocked:
            decisiveGroups = first("resource").map { [$0] } ?? []
        case .noAllow:
            decisiveGroups = [first("identity"), first("resource")].compactMap { $0 }
        case .crossAccountWithoutIdentityAllow:
            decisiveGroups = [first("identity", where: noAllow) ?? first("permissions_boundary", where: noAllow) ?? first("session", where: noAllow)]
                .compactMap { $0 }
        case .identityAllow:
            allowTypes = ["identity", "permissions_boundary", "session"]
        case .resourcePolicyGrant:
            allowTypes = ["resource"]
        case .delegatedToAccount, .crossAccountBothAllow:
            allowTypes = ["resource", "identity", "permissions_boundary", "session"]
        case .noPermissionRequired, .awsOwnedResource, .federatedIdentityOnlyAssumesRoles:
            break  // no policy settled it
        }
        for g in groups.indices where allowTypes.contains(groups[g].policyType) {
            for s in groups[g].statements.indices where groups[g].statements[s].effect == .allow && groups[g].statements[s].matched == "yes" {
                groups[g].statements[s].decisive = true
                groups[g].decisive = true
            }
        }
        for g in decisiveGroups { groups[g].decisive = true }
    }
}
