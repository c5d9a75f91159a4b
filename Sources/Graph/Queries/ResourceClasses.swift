import Concurrency
import Policy

extension AccessModel {
    /// What each of `principals` can do to `resource` and which policies grant it: the same as
    /// `accessWithGrants(of:to:actions:)` for each (a test checks it on the samples and generated
    /// snapshots), with each class of principals that no policy tells apart on this resource decided
    /// once (`ResourceClassPlan`). Answers are in the order of `principals`.
    public func accessWithGrants(
        of principals: [PrincipalEntry], to resource: ResourceEntry, actions only: Set<String>? = nil
    ) -> [(access: Access, grants: AccessGrants)?] {
        let plan = ResourceClassPlan(self, principals: principals, resource: resource)
        let answers = ParallelMap.map(plan.deciding) { [self] i in accessWithGrants(of: principals[i], to: resource, actions: only) }
        return principals.indices.map { i in
            guard let answer = answers[plan.decider[i]] else { return nil }
            return (answer.access, plan.grants(answer.grants, of: i))
        }
    }
}

/// Which principal decides for which on one resource. The batch evaluator's answer for a
/// principal depends only on its kind, account and whether it is a service-linked role, the
/// statements of its identity policies, boundary and SCPs that may apply to the resource (each
/// matched against the resource's targets), the values of the condition keys those statements and
/// the resource policy and RCPs read, and whether the resource policy names it. Principals equal
/// in all of that form a class: one of them (the first) is evaluated for all. A statement is
/// keyed by its effect, actions, how its Resource element matches each target and its
/// conditions; one that reads who exactly the principal is (ARN, name, user id) or holds a policy
/// variable is keyed by its outcome for the principal instead. Principals the resource policy
/// names, and principals outside the snapshot, decide alone; so does everyone when the resource
/// policy or RCPs read who the principal is.
struct ResourceClassPlan {
    /// Indices (into the principals) of those evaluated.
    private(set) var deciding: [Int] = []
    /// Per principal, the index into `deciding` of the one whose answer is its own.
    private(set) var decider: [Int] = []
    /// Per principal, its identity policies that have a statement in its key, in order: a member's
    /// granting policies are its own at the positions of its decider's.
    private var keyed: [[Int]] = []
    private var representative: [Int] = []

    /// `slice`: principals per slice of the key computation (`ResourceClassKeys.keys`); tests set it.
    init(_ model: AccessModel, principals: [PrincipalEntry], resource: ResourceEntry, slice: Int? = nil) {
        let keys = ResourceClassKeys.keys(of: principals, model: model, resource: resource, slice: slice)
        var classes: [ResourceClassKeys.Key: Int] = [:]
        for (i, key) in keys.enumerated() {
            keyed.append(key?.policies ?? [])
            if let key, let known = classes[key.key] {
                decider.append(known)
                continue
            }
            if let key { classes[key.key] = deciding.count }
            decider.append(deciding.count)
            deciding.append(i)
        }
        representative = deciding
    }

    /// The decider's grants as the policies of principal `i`.
    func grants(_ g: AccessGrants, of i: Int) -> AccessGrants {
        let rep = representative[decider[i]]
        guard rep != i else { return g }
        let map = Dictionary(uniqueKeysWithValues: keyed[rep].enumerated().map { ($1, keyed[i][$0]) })
        return AccessGrants(identityPolicies: g.identityPolicies.compactMap { map[$0] }, resourcePolicy: g.resourcePolicy)
    }
}

/// Computes `ResourceClassPlan`'s class keys for one resource.
struct ResourceClassKeys {
    struct Key: Hashable {
        let kind: RequestPrincipal.Kind
        let account: String
        let isServiceLinkedRole: Bool
        /// Statement keys; -1 starts each identity policy that has some.
        let identity: [Int]
        let boundary: [Int]?
        let scp: [[Int]]
        let context: ConditionContext
    }

    /// How a statement takes part on the resource, when it does not depend on the principal.
    struct StatementKey: Hashable {
        let effect: Effect
        let action: ActionClause
        let matches: [Tri]
        let conditions: [Condition]
    }

    /// The same for a statement keyed by its outcome for one principal.
    struct OutcomeKey: Hashable {
        let effect: Effect
        let action: ActionClause
        let outcomes: [Tri]
        let undecided: [Condition]
    }

    /// A statement key or an outcome key, numbered in one sequence.
    enum Interned: Hashable {
        case statement(StatementKey)
        case outcome(OutcomeKey)
    }

    let model: AccessModel
    let resource: ResourceEntry
    /// The services of the resource's actions, nil when no principal may share (see `ResourceClassPlan`).
    let services: [String]?
    let named: Set<String>
    /// Condition keys the resource policy and RCPs read.
    let resourceKeys: Set<String>
    var ids: [Interned: Int] = [:]
    /// Statement keys by statement, for statements that do not depend on the principal (nil: it takes no part).
    var byStatement: [ObjectIdentifier: Int?] = [:]
    var keysRead: [Int: Set<String>] = [:]

    init(model: AccessModel, resource: ResourceEntry) {
        self.model = model
        self.resource = resource
        let statements = (resource.policy?.document.statements ?? []) + resource.rcpLevels.flatMap { $0.flatMap(\.document.statements) }
        // A universe of several services (nil) takes statements of any service: no filter to key by.
        if resource.readsPrincipalIdentity || resource.isRole || resource.universes.contains(where: { $0.service == nil }) {
            services = nil
        } else {
            services = Array(Set(resource.universes.compactMap(\.service) + [resource.service]))
        }
        var named: Set<String> = []
        for s in resource.policy?.document.statements ?? [] {
            for case .aws(let id) in s.principal?.patterns ?? [] { named.insert(id) }
        }
        self.named = named
        resourceKeys = Set(statements.flatMap { $0.conditions.map(\.normalizedKey) })
    }

    /// `key(of:)` of each of `principals`, in order, computed in slices on every core. Each slice
    /// numbers statement keys on its own; the numbers are then made one numbering (a key's
    /// number stands for the same statement key in every slice), so keys compare as when
    /// computed one after another.
    static func keys(
        of principals: [PrincipalEntry], model: AccessModel, resource: ResourceEntry, slice: Int? = nil
    ) -> [(key: Key, policies: [Int])?] {
        let slice = slice ?? max(512, (principals.count + 7) / 8)
        let starts = Array(stride(from: 0, to: principals.count, by: slice))
        let sliced = ParallelMap.map(starts) { start -> ([(key: Key, policies: [Int])?], [Interned: Int]) in
            var keys = ResourceClassKeys(model: model, resource: resource)
            let out = principals[start..<min(start + slice, principals.count)].map { keys.key(of: $0) }
            return (out, keys.ids)
        }
        var ids: [Interned: Int] = [:]
        var out: [(key: Key, policies: [Int])?] = []
        out.reserveCapacity(principals.count)
        for (keys, local) in sliced {
            var number = [Int](repeating: 0, count: local.count)
            for (k, n) in local {
                if let known = ids[k] {
                    number[n] = known
                } else {
                    number[n] = ids.count
                    ids[k] = ids.count
                }
            }
            func renumber(_ list: [Int]) -> [Int] { list.map { $0 < 0 ? $0 : number[$0] } }
            for entry in keys {
                guard let (key, policies) = entry else {
                    out.append(nil)
                    continue
                }
                let renumbered = Key(
                    kind: key.kind, account: key.account, isServiceLinkedRole: key.isServiceLinkedRole, identity: renumber(key.identity),
                    boundary: key.boundary.map(renumber), scp: key.scp.map(renumber), context: key.context)
                out.append((renumbered, policies))
            }
        }
        return out
    }

    /// The class key of `p` and its identity policies that have a statement in it; nil when it decides alone.
    mutating func key(of p: PrincipalEntry) -> (key: Key, policies: [Int])? {
        guard let services, model.principals[p.id] != nil, let account = p.request.account, p.policies.sessionPolicies == nil,
            !p.policies.identityAssumedToAllow, !named.contains(p.id), p.request.sessionArn == nil
        else { return nil }
        var read = resourceKeys
        var lazyContext: ConditionContext?
        let model = self.model
        let resource = self.resource
        func requestContext() -> ConditionContext {
            if let c = lazyContext { return c }
            lazyContext = model.requestContext(of: p, on: resource)
            return lazyContext!
        }
        func keys(_ documents: [NamedPolicy]) -> [Int] {
            var out: [Int] = []
            for d in documents {
                for s in d.document.statements { if let id = statementKey(s, services: services, read: &read, context: requestContext) { out.append(id) } }
            }
            return out
        }
        var identity: [Int] = []
        var policies: [Int] = []
        for (i, policy) in p.policies.identityPolicies.enumerated() {
            var ids: [Int] = []
            for s in policy.document.statements { if let id = statementKey(s, services: services, read: &read, context: requestContext) { ids.append(id) } }
            guard !ids.isEmpty else { continue }
            policies.append(i)
            identity.append(-1)
            identity += ids
        }
        var boundary: [Int]?
        if let documents = p.policies.permissionsBoundary { boundary = keys(documents) }
        var scp: [[Int]] = []
        for level in p.policies.scpLevels { scp.append(keys(level)) }
        let key = Key(
            kind: p.request.kind, account: account, isServiceLinkedRole: p.request.isServiceLinkedRole, identity: identity,
            boundary: boundary, scp: scp, context: p.context.keeping(read))
        return (key, policies)
    }

    /// A number for how `s` takes part on the resource, nil when it takes none (it covers none of
    /// the services, or its Resource matches no target). Adds the condition keys it reads to `read`.
    mutating func statementKey(
        _ s: Statement, services: [String], read: inout Set<String>, context: () -> ConditionContext
    ) -> Int? {
        let id = ObjectIdentifier(s)
        if let known = byStatement[id] {
            if let known, let keys = keysRead[known] { read.formUnion(keys) }
            return known
        }
        guard services.contains(where: { s.mayCover(service: $0) }) else {
            byStatement[id] = .some(nil)
            return nil
        }
        if s.resourceHasVariables || s.conditionsMayRead(contextKeys: PrincipalClasses.identityKeys) {
            // Keyed by its outcome for this principal; never remembered by statement.
            let c = context()
            let matches = resource.targets.map { s.appliesTo(resource: $0, context: c) }
            guard matches.contains(where: { $0 != .no }) else { return nil }
            let (outcome, undecided) = s.conditionOutcome(in: c)
            return intern(.outcome(OutcomeKey(effect: s.effect, action: s.action, outcomes: matches.map { $0 && outcome }, undecided: undecided)))
        }
        let matches = resource.targets.map { s.appliesTo(resource: $0, context: ConditionContext(missingKeys: .unknown)) }
        guard matches.contains(where: { $0 != .no }) else {
            byStatement[id] = .some(nil)
            return nil
        }
        let key = intern(.statement(StatementKey(effect: s.effect, action: s.action, matches: matches, conditions: s.conditions)))
        let keys = Set(s.conditions.map(\.normalizedKey))
        keysRead[key] = keys
        read.formUnion(keys)
        byStatement[id] = .some(key)
        return key
    }

    mutating func intern(_ k: Interned) -> Int {
        if let known = ids[k] { return known }
        ids[k] = ids.count
        return ids.count - 1
    }
}
