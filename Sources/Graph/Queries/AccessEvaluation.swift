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
        var set = principal.policies
        set.rcpLevels = resource.rcpLevels
        set.resourcePolicy = resource.policy
        set.resourcePolicyRequired = resource.policyRequired
        let evaluator = Evaluator()
        var allowed: [String] = []
        var undecided: [Condition] = []
        for (target, universe) in zip(resource.targets, resource.universes) {
            let u = resource.isRole ? assumeUniverse(for: principal) : universe
            let decisions = evaluator.evaluate(
                u, principal: principal.request, resource: target, resourceAccount: resource.account, context: context,
                policies: set, cache: masks)
            for d in decisions {
                if let only, !only.contains(d.action.lowercased()) { continue }
                allowed.append(d.action)
                for c in d.undecidedConditions where !undecided.contains(c) { undecided.append(c) }
            }
        }
        guard !allowed.isEmpty else { return nil }
        // Each universe is sorted; two targets (a bucket and its objects) need one merge.
        let actions = resource.targets.count > 1 ? Array(Set(allowed)).sorted() : allowed
        return Access(actions: actions, conditions: undecided.isEmpty ? [:] : Self.group(undecided))
    }

    /// The `sts:AssumeRole*` action a principal would use on a trust policy.
    func assumeUniverse(for p: PrincipalEntry) -> ActionUniverse {
        guard p.node.kind == .federated else { return Self.assumeUniverses[0] }
        return p.id.contains(":saml-provider/") ? Self.assumeUniverses[2] : Self.assumeUniverses[1]
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
