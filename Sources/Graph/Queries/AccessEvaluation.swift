import Policy
import Snapshot

/// What one principal can do to one resource.
public struct Access: Sendable, Hashable {
    /// Allowed actions, sorted.
    public var actions: [String]
    /// Undecided conditions of Allow statements the access depends on, operator -> key -> values.
    public var conditions: [String: [String: [String]]]
    /// Undecided conditions of Deny statements: the access holds unless they hold. Same shape.
    public var deniedWhen: [String: [String: [String]]]
    /// The undecided Allow conditions as typed conditions (for `PublicAccess`).
    public var undecided: [Condition]

    public init(actions: [String], undecided: [Condition] = [], deniedWhen: [Condition] = []) {
        self.actions = actions
        self.undecided = undecided
        self.conditions = undecided.isEmpty ? [:] : AccessModel.group(undecided)
        self.deniedWhen = deniedWhen.isEmpty ? [:] : AccessModel.group(deniedWhen)
    }

    /// True when the access holds only if undecided conditions hold (or undecided denials do not).
    public var isConditional: Bool { !conditions.isEmpty || !deniedWhen.isEmpty }
}

extension AccessModel {
    /// The actions `principal` may perform on `resource` (all actions that apply to the
    /// resource's type, or only `actions` when given), after every policy type; nil when none.
    /// Decided by the batch evaluator over the resource's action universes, with the same request
    /// context and policies as one request (`requestContext(of:on:)`, `policies(of:on:)`).
    public func access(of principal: PrincipalEntry, to resource: ResourceEntry, actions only: Set<String>? = nil) -> Access? {
        evaluate(principal, resource, actions: only, grants: false)?.access
    }

    /// `access(of:to:actions:)` and the policies that grant it: those that grant some of its
    /// actions, as `Evaluation.grants` says for one request of each.
    public func accessWithGrants(
        of principal: PrincipalEntry, to resource: ResourceEntry, actions only: Set<String>? = nil
    ) -> (access: Access, grants: AccessGrants)? {
        guard let out = evaluate(principal, resource, actions: only, grants: true) else { return nil }
        return (out.access, out.grants)
    }

    /// The answer of `access(of:to:actions:)` (and `accessWithGrants`). `context` and `sides` are
    /// for callers that hold them already (`AccessMemo`): the request context of the principal on
    /// the resource's account, and the prepared parts of each target's evaluation (by target
    /// index and universe); without grants only.
    func evaluate(
        _ principal: PrincipalEntry, _ resource: ResourceEntry, actions only: Set<String>?, grants wantGrants: Bool,
        context known: ConditionContext? = nil, sides: ((Int, ActionUniverse) -> PreparedSides)? = nil
    ) -> (access: Access, grants: AccessGrants)? {
        let context = known ?? requestContext(of: principal, on: resource)
        let set = policies(of: principal, on: resource)
        let evaluator = Evaluator()
        var allowed: [String] = []
        var undecided: [Condition] = []
        var deniedWhen: [Condition] = []
        var grants = AccessGrants(identityPolicies: [], resourcePolicy: false)
        for t in resource.targets.indices {
            let target = resource.targets[t]
            let universe = resource.universes[t]
            let u = resource.isRole ? assumeUniverse(for: principal) : universe
            let decisions: [ActionDecision]
            var batchGrants: BatchGrants?
            if wantGrants {
                (decisions, batchGrants) = evaluator.evaluateWithGrants(
                    u, principal: principal.request, resource: target, resourceAccount: resource.account, context: context,
                    policies: set, cache: masks)
            } else if let sides {
                decisions = evaluator.evaluate(
                    u, principal: principal.request, resource: target, resourceAccount: resource.account, context: context,
                    policies: set, sides: sides(t, u), cache: masks)
            } else {
                decisions = evaluator.evaluate(
                    u, principal: principal.request, resource: target, resourceAccount: resource.account, context: context,
                    policies: set, cache: masks)
            }
            var fromTarget: [String] = []
            var positions: [Int] = []
            // Actions under the same conditions share their lists (`Evaluator.evaluate`): each list once.
            var lastUndecided: [Condition] = []
            var lastDeniedWhen: [Condition] = []
            for d in decisions {
                if let only, !only.contains(d.action.lowercased()) { continue }
                fromTarget.append(d.action)
                positions.append(d.index)
                if d.undecidedConditions != lastUndecided {
                    for c in d.undecidedConditions where !undecided.contains(c) { undecided.append(c) }
                    lastUndecided = d.undecidedConditions
                }
                if d.deniedWhen != lastDeniedWhen {
                    for c in d.deniedWhen where !deniedWhen.contains(c) { deniedWhen.append(c) }
                    lastDeniedWhen = d.deniedWhen
                }
            }
            if let batchGrants, !positions.isEmpty { grants.add(batchGrants.granting(positions)) }
            allowed = allowed.isEmpty ? fromTarget : Self.mergeSorted(allowed, fromTarget)
        }
        guard !allowed.isEmpty else { return nil }
        return (Access(actions: allowed, undecided: undecided, deniedWhen: deniedWhen), grants)
    }

    /// Every policy that applies when `principal` acts on `resource`: the principal's identity
    /// policies, boundary and SCP path, and the resource's policy (with S3's ACL and Block Public
    /// Access folded in) and RCP path.
    public func policies(of principal: PrincipalEntry, on resource: ResourceEntry) -> PolicySet {
        var set = principal.policies
        set.rcpLevels = resource.rcpLevels
        set.resourcePolicy = resource.policy
        set.resourcePolicyRequired = resource.policyRequired
        set.restrictPublicAccess = resource.restrictPublicAccess
        return set
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
    public static func group(_ conditions: [Condition]) -> [String: [String: [String]]] {
        var out: [String: [String: [String]]] = [:]
        for c in conditions { out[c.op.name, default: [:]][c.key, default: []] += c.values }
        return out
    }
}
