import Policy
import Snapshot

/// What one principal can do to one resource.
public struct Access: Sendable, Hashable {
    /// Allowed actions, sorted.
    public var actions: [String]
    /// Undecided conditions the access depends on, operator -> key -> values.
    public var conditions: [String: [String: [String]]]

    public var isConditional: Bool { !conditions.isEmpty }
}

extension AccessModel {
    /// The actions `principal` may perform on `resource` (all actions that apply to the
    /// resource's type, or only `actions` when given), after every policy type; nil when none.
    public func access(of principal: PrincipalEntry, to resource: ResourceEntry, actions only: Set<String>? = nil) -> Access? {
        let context = factory.context(for: principal, resourceAccount: resource.account)
        let evaluator = Evaluator()
        var allowed: [String] = []
        var undecided: [Condition] = []
        for target in resource.targets {
            let candidates = resource.isRole ? assumeActions(for: principal) : vocabulary.actions(applicableTo: target.arn)
            for action in candidates {
                if let only, !only.contains(action.lowercased()) { continue }
                let lowered = action.lowercased()
                guard principal.mayAllow(action: lowered, on: target) || resourcePolicy(resource, mayGrant: lowered) else { continue }
                let request = Request(
                    principal: principal.request, action: action, resource: target, resourceAccount: resource.account,
                    context: context)
                var set = principal.policies
                set.rcpLevels = resource.rcpLevels
                set.resourcePolicy = resource.policy
                set.resourcePolicyRequired = resource.policyRequired
                let e = evaluator.evaluate(request, set)
                guard e.result != .no else { continue }
                allowed.append(action)
                if e.result == .unknown {
                    for c in e.undecidedConditions where !undecided.contains(c) { undecided.append(c) }
                }
            }
        }
        guard !allowed.isEmpty else { return nil }
        return Access(actions: Array(Set(allowed)).sorted(), conditions: Self.group(undecided))
    }

    /// The `sts:AssumeRole*` action a principal would use on a trust policy.
    func assumeActions(for p: PrincipalEntry) -> [String] {
        guard p.node.kind == .federated else { return ["sts:AssumeRole"] }
        return p.id.contains(":saml-provider/") ? ["sts:AssumeRoleWithSAML"] : ["sts:AssumeRoleWithWebIdentity"]
    }

    /// Whether some Allow statement of the resource policy covers the action (a cheap filter).
    func resourcePolicy(_ r: ResourceEntry, mayGrant action: String) -> Bool {
        guard let doc = r.policy?.document else { return false }
        return doc.statements.contains { $0.effect == .allow && $0.appliesTo(action: action) }
    }

    /// Conditions grouped as in policy JSON.
    static func group(_ conditions: [Condition]) -> [String: [String: [String]]] {
        var out: [String: [String: [String]]] = [:]
        for c in conditions { out[c.op.name, default: [:]][c.key, default: []] += c.values }
        return out
    }
}
