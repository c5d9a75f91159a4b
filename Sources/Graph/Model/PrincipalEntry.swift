import Policy
import Snapshot

/// A principal ready for evaluation: who it is, its identity-side policies and
/// the condition keys known about it.
public final class PrincipalEntry: Sendable {
    public let node: Node
    public let request: RequestPrincipal
    /// Identity policies, boundary and SCP levels (no resource policy: that comes with the resource).
    public let policies: PolicySet
    /// The condition keys known for this principal; the others are unknown.
    public let context: ConditionContext
    /// The identity-policy Allow statements, for a quick "could this reach that" filter.
    let allowStatements: [Statement]
    /// Statements of the identity policies, boundary and SCPs whose Resource is not `*`: the only
    /// ones whose match depends on which resource is asked about.
    let resourceSpecificStatements: [Statement]
    /// The services (lowercased prefixes) some identity Allow statement may cover; nil when one
    /// covers every service (`*`, a wildcard prefix, NotAction).
    let coveredServices: Set<String>?

    public var id: String { node.id }

    init(node: Node, request: RequestPrincipal, policies: PolicySet, context: ConditionContext) {
        self.node = node
        self.request = request
        self.policies = policies
        self.context = context
        self.allowStatements = policies.identityPolicies.flatMap { $0.document.statements.filter { $0.effect == .allow } }
        var services: Set<String>? = []
        for st in allowStatements {
            guard case .action(let patterns) = st.action else { services = nil; break }
            for pattern in patterns {
                guard let service = pattern.service else { services = nil; break }
                services?.insert(service)
            }
            if services == nil { break }
        }
        self.coveredServices = services
        let all = (policies.identityPolicies + (policies.permissionsBoundary ?? []) + policies.scpLevels.flatMap { $0 })
            .flatMap(\.document.statements)
        self.resourceSpecificStatements = all.filter { s in
            guard case .resource(let patterns)? = s.resource else { return s.resource != nil }
            return !patterns.contains { $0.isAny }
        }
        self.assumeRoleResourceStatements = resourceSpecificStatements.filter { $0.mayCover(service: "sts") }
        self.assumeRoleAllowStatements = allowStatements.filter { $0.appliesTo(action: "sts:assumerole") }
    }

    /// The resource-specific statements that may cover an `sts:` action: the only ones whose match
    /// depends on which role is assumed.
    let assumeRoleResourceStatements: [Statement]
    /// The identity Allow statements that cover `sts:AssumeRole`.
    let assumeRoleAllowStatements: [Statement]

    /// Whether some identity Allow statement covers `sts:AssumeRole` on `role`, ignoring conditions,
    /// denies and boundaries: a cheap filter before a full evaluation. Principals whose identity
    /// side is assumed (outside the snapshot) always may.
    func mayAllowAssumeRole(on role: RequestResource?) -> Bool {
        if policies.identityAssumedToAllow { return true }
        return assumeRoleAllowStatements.contains { $0.appliesTo(resource: role, context: context) != .no }
    }

    /// The identity Allow statements that may cover `service` (see `mayAllow(service:on:)`), for
    /// principals whose identity side is known.
    func allowStatements(covering service: String) -> [Statement] {
        allowStatements.filter { $0.mayCover(service: service) }
    }

    /// Whether some identity Allow statement covers some action of `service` on `resource`.
    func mayAllow(service: String, on resource: RequestResource) -> Bool {
        if policies.identityAssumedToAllow { return true }
        for s in allowStatements where s.mayCover(service: service) && s.appliesTo(resource: resource, context: context) != .no {
            return true
        }
        return false
    }
}

extension PrincipalEntry {
    /// How each of its resource-specific `sts:` statements matches `role` (`Tri` raw values): what
    /// tells its answers on roles of one trust group apart (`AssumeMemoKey`, `TrustGroupAnswerKey`).
    func assumeStatementMatches(on role: ResourceEntry) -> [Int8] {
        assumeRoleResourceStatements.map { $0.appliesTo(resource: role.targets[0], context: context).rawValue }
    }
}
