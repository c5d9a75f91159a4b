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
        for t in resource.targets.indices {
            let target = resource.targets[t]
            let universe = resource.universes[t]
            let u = resource.isRole ? assumeUniverse(for: principal) : universe
            let decisions = evaluator.evaluate(
                u, principal: principal.request, resource: target, resourceAccount: resource.account, context: context,
                policies: set, cache: masks)
            var fromTarget: [String] = []
            for d in decisions {
                if let only, !only.contains(d.action.lowercased()) { continue }
                fromTarget.append(d.action)
                for c in d.undecidedConditions where !undecided.contains(c) { undecided.append(c) }
            }
            allowed = allowed.isEmpty ? fromTarget : Self.mergeSorted(allowed, fromTarget)
        }
        guard !allowed.isEmpty else { return nil }
        return Access(actions: allowed, conditions: undecided.isEmpty ? [:] : Self.group(undecided))
    }

    /// The `sts:AssumeRole*` action a principal would use on a trust policy.
    func assumeUniverse(for p: PrincipalEntry) -> ActionUniverse {
        guard p.node.kind == .federated else { return Self.assumeUniverses[0] }
        return p.id.contains(":saml-provider/") ? Self.assumeUniverses[2] : Self.assumeUniverses[1]
    }

    /// Two sorted arrays as one sorted array without duplicates (the actions of a bucket and of its objects).
    public static func mergeSorted(_ a: [String], _ b: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i]); i += 1
            } else if i == a.count || b[j] < a[i] {
                out.append(b[j]); j += 1
            } else {
                out.append(a[i]); i += 1; j += 1
            }
        }
        return out
    }

    /// Conditions grouped as in policy JSON.
    static func group(_ conditions: [Condition]) -> [String: [String: [String]]] {
        var out: [String: [String: [String]]] = [:]
        for c in conditions { out[c.op.name, default: [:]][c.key, default: []] += c.values }
        return out
    }
}
