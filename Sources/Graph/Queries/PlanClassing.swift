import Concurrency
import Policy

/// Which resources of an `AccessPlan`'s groups decide alike for the group's representative,
/// worked out once for the whole plan, so that a group evaluates one resource per class of
/// resources instead of every resource.
///
/// For a snapshot principal `p` the memo (`memoizedAccess`) already answers two resources alike
/// when they have the same account, type, `policyRequired` and action universes, every one of
/// `p`'s resource-specific statements matches their targets alike, and their policies prepare
/// alike for `p`; the group's candidate filter (`decide`) reads nothing else. Here those parts
/// are found without visiting every (principal, resource) pair:
/// - the parts that do not depend on the principal form a *static class* per resource;
/// - how a statement's Resource element (with its effect, which decides how NotResource and
///   wildcards read) matches each resource of a partition is computed once per distinct element:
///   the most common match and the few resources that differ (`Codes`);
/// - a policy that does not name `p` prepares for `p` exactly as for any principal of the same
///   kind, account and session facts whose request context agrees on the condition keys the
///   partition's policies read (a *profile*): prepared once per profile with a stand-in principal
///   named nowhere.
/// Resources whose policy has a NotPrincipal, a policy variable, or more than 16 targets, and
/// every resource of a group whose representative has a policy variable in a Resource element,
/// are decided one by one as before. Tests check the answers against each principal's own.
public struct PlanClassing: Sendable {
    /// A statement's Resource element in one partition.
    struct ClauseKey: Hashable, Sendable {
        let partition: Int
        let effect: Effect
        let clause: ResourceClause
    }

    /// How a Resource element matches each resource of a partition (2 bits per target): the
    /// most common code, and the resources (indices) that differ with their codes.
    struct Codes: Sendable {
        let dominant: UInt32
        let exceptions: [Int32]
        let exceptionCodes: [UInt32]
    }

    /// One partition's resources grouped for one profile.
    struct Base: Sendable {
        /// Per resource of the partition, its class; -1: decided one by one.
        let classOf: [Int32]
        /// The members of each class, in partition order.
        let members: [[Int32]]
        /// Per class, its resource policy as prepared for the profile, per target: a number of
        /// `PlanClassing.preparedPolicies` (equal numbers, equal prepared policies, in every base).
        var prepared: [[Int32]]
    }

    /// A base as `base(model:resources:staticClasses:profile:)` finds it: its prepared policies
    /// numbered within the base.
    struct LocalBase: Sendable {
        let base: Base
        let policies: [PreparedPolicy]
    }

    let codes: [ClauseKey: Codes]
    let bases: [Base]
    /// Per group: its base, and its representative's Resource elements that may cover the
    /// partition's services (nil: a policy variable in one, every resource decided alone).
    let baseOfGroup: [Int]
    let clausesOfGroup: [[ClauseKey]?]
    /// Per partition: resource position by identity.
    let positions: [[ObjectIdentifier: Int32]]
    /// Every resource policy as prepared for some base's profile, numbered across bases
    /// (`Base.prepared`); number 0 is the empty policy (no statement applies).
    let preparedPolicies: [PreparedPolicy]
    public let plan: AccessPlan

    /// Principal-independent facts of a resource that the memo key and the candidate filter read.
    struct StaticKey: Hashable {
        let account: String
        let type: String
        let service: String
        let policyRequired: Bool
        let restrictPublicAccess: Bool
        let namesEveryone: Bool
        let namesOwnAccount: Bool
        let universes: [Int]
        /// How each RCP statement whose Resource is not `*` matches each target (`Tri` raw values).
        let rcpMatches: [Int8]
    }

    /// What a policy that does not name the principal reads of it.
    struct ProfileKey: Hashable {
        let partition: Int
        let kind: RequestPrincipal.Kind
        let account: String?
        let isServiceLinkedRole: Bool
        let sessionArn: String?
        let canonicalUserID: String?
        let context: ConditionContext
    }

    public init(model: AccessModel, plan: AccessPlan) {
        self.plan = plan
        var staticIDs: [StaticKey: Int32] = [:]
        var staticClasses: [[Int32]] = []  // per partition, per resource (-1: decided one by one)
        var keysRead: [Set<String>] = []
        var positions: [[ObjectIdentifier: Int32]] = []
        for part in plan.partitions {
            var keys: Set<String> = []
            staticClasses.append(part.resources.map { r in
                guard Self.classable(r) else { return -1 }
                for s in (r.policy?.document.statements ?? []) + r.rcpLevels.flatMap({ $0.flatMap(\.document.statements) }) {
                for c in s.conditions { keys.insert(c.normalizedKey) }
            }
                let key = StaticKey(
                    account: r.account, type: r.type, service: r.service, policyRequired: r.policyRequired,
                    restrictPublicAccess: r.restrictPublicAccess, namesEveryone: r.namesEveryone, namesOwnAccount: r.namesOwnAccount,
                    universes: r.universes.map(\.id),
                    rcpMatches: r.rcpResourceSpecificStatements.flatMap { s in
                        r.targets.map { s.appliesTo(resource: $0, context: ConditionContext(missingKeys: .unknown)).rawValue }
                    })
                if let known = staticIDs[key] { return known }
                staticIDs[key] = Int32(staticIDs.count)
                return Int32(staticIDs.count - 1)
            })
            keysRead.append(keys)
            positions.append(Dictionary(uniqueKeysWithValues: part.resources.enumerated().map { (ObjectIdentifier($1), Int32($0)) }))
        }
        self.positions = positions
        // Per group: its profile and Resource elements.
        var profiles: [ProfileKey: Int] = [:]
        var profilePrincipals: [(partition: Int, principal: PrincipalEntry)] = []
        var baseOfGroup: [Int] = []
        var clausesOfGroup: [[ClauseKey]?] = []
        var statementOf: [ClauseKey: Statement] = [:]
        for g in plan.groups {
            let p = g.representative
            let profile = ProfileKey(
                partition: g.partition, kind: p.request.kind, account: p.request.account, isServiceLinkedRole: p.request.isServiceLinkedRole,
                sessionArn: p.request.sessionArn, canonicalUserID: p.request.canonicalUserID, context: p.context.keeping(keysRead[g.partition]))
            if let known = profiles[profile] {
                baseOfGroup.append(known)
            } else {
                profiles[profile] = profilePrincipals.count
                baseOfGroup.append(profilePrincipals.count)
                profilePrincipals.append((g.partition, p))
            }
            let services = plan.partitions[g.partition].services
            let statements = p.resourceSpecificStatements.filter { s in services.contains { s.mayCover(service: $0) } }
            if statements.contains(where: { $0.resourceHasVariables || $0.resource == nil }) {
                clausesOfGroup.append(nil)
                continue
            }
            var clauses: [ClauseKey] = []
            for s in statements {
                let key = ClauseKey(partition: g.partition, effect: s.effect, clause: s.resource!)
                if statementOf[key] == nil { statementOf[key] = s }
                if !clauses.contains(key) { clauses.append(key) }
            }
            clausesOfGroup.append(clauses)
        }
        self.baseOfGroup = baseOfGroup
        self.clausesOfGroup = clausesOfGroup
        let needed = Array(statementOf)
        let classes = staticClasses
        let computed = ParallelMap.map(needed) { key, s in
            Self.codes(of: s, over: plan.partitions[key.partition].resources, classes: classes[key.partition])
        }
        codes = Dictionary(uniqueKeysWithValues: zip(needed.map(\.key), computed))
        let local = ParallelMap.map(profilePrincipals) { partition, p in
            Self.base(
                model: model, resources: plan.partitions[partition].resources, staticClasses: classes[partition], profile: p)
        }
        (bases, preparedPolicies) = Self.numberedAcrossBases(local)
    }

    /// The bases with their prepared policies numbered across all of them (0: the empty policy).
    static func numberedAcrossBases(_ local: [LocalBase]) -> ([Base], [PreparedPolicy]) {
        var numbers: [PreparedPolicy: Int32] = [.empty: 0]
        var policies: [PreparedPolicy] = [.empty]
        let bases = local.map { l in
            let global = l.policies.map { policy -> Int32 in
                if let known = numbers[policy] { return known }
                numbers[policy] = Int32(policies.count)
                policies.append(policy)
                return Int32(policies.count - 1)
            }
            var base = l.base
            base.prepared = base.prepared.map { $0.map { global[Int($0)] } }
            return base
        }
        return (bases, policies)
    }

    /// Whether a resource can share its answers (see the type's comment).
    static func classable(_ r: ResourceEntry) -> Bool {
        guard r.targets.count <= 16 else { return false }
        for s in r.policy?.document.statements ?? [] {
            if case .notPrincipal? = s.principal { return false }
            if s.mayRead(contextKeys: []) { return false }
        }
        return true
    }

    /// How `s`'s Resource element matches each resource: the Tri of each target, 2 bits each.
    static func codes(of s: Statement, over resources: [ResourceEntry], classes: [Int32]) -> Codes {
        let unknown = ConditionContext(missingKeys: .unknown)
        var all = [UInt32](repeating: 0, count: resources.count)
        var counts: [UInt32: Int] = [:]
        for (i, r) in resources.enumerated() where classes[i] >= 0 {
            var code: UInt32 = 0
            for (t, target) in r.targets.enumerated() { code |= UInt32(s.appliesTo(resource: target, context: unknown).rawValue) << (2 * UInt32(t)) }
            all[i] = code
            counts[code, default: 0] += 1
        }
        let dominant = counts.max { $0.value < $1.value }?.key ?? 0
        var exceptions: [Int32] = []
        var exceptionCodes: [UInt32] = []
        for i in all.indices where classes[i] >= 0 && all[i] != dominant {
            exceptions.append(Int32(i))
            exceptionCodes.append(all[i])
        }
        return Codes(dominant: dominant, exceptions: exceptions, exceptionCodes: exceptionCodes)
    }

    /// The partition's resources grouped by static class and how their policies prepare for a
    /// principal of `profile`'s profile that they do not name.
    static func base(model: AccessModel, resources: [ResourceEntry], staticClasses: [Int32], profile p: PrincipalEntry) -> LocalBase {
        let request = p.request
        // A stand-in named by no policy: it prepares as every member of the profile the policy does not name.
        let standIn = RequestPrincipal(
            kind: request.kind, id: "\u{0}accessgraph-profile", account: request.account, sessionArn: request.sessionArn,
            isServiceLinkedRole: request.isServiceLinkedRole, canonicalUserID: request.canonicalUserID)
        let sessionFacts = request.sessionArn != nil || request.canonicalUserID != nil
        let evaluator = Evaluator()
        var contexts: [String: ConditionContext] = [:]
        var preparedIDs: [PreparedPolicy: Int32] = [.empty: 0]
        struct Key: Hashable {
            let staticClass: Int32
            let prepared: [Int32]
        }
        var ids: [Key: Int32] = [:]
        var members: [[Int32]] = []
        var preparedOfClass: [[Int32]] = []
        var classOf = [Int32](repeating: -1, count: resources.count)
        for (i, r) in resources.enumerated() where staticClasses[i] >= 0 {
            // No policy that may apply: the empty policy (number 0) on every target.
            var prepared = [Int32](repeating: 0, count: r.targets.count)
            if r.policyMayApply(to: standIn, accountRoot: standIn.accountRootArn) {
                prepared = []
                if sessionFacts { continue }
                let context = contexts[r.account] ?? model.requestContext(of: p, resourceAccount: r.account)
                contexts[r.account] = context
                for t in r.targets.indices {
                    let policy: PreparedPolicy
                    if let targeted = r.targetedPolicies[t] {
                        policy = evaluator.prepare(targeted, principal: standIn, resourceAccount: r.account, context: context)
                    } else {
                        policy = evaluator.prepareResourcePolicy(
                            r.policy, universe: r.universes[t], principal: standIn, resource: r.targets[t], resourceAccount: r.account,
                            context: context, cache: model.masks)
                    }
                    if let known = preparedIDs[policy] {
                        prepared.append(known)
                    } else {
                        preparedIDs[policy] = Int32(preparedIDs.count)
                        prepared.append(Int32(preparedIDs.count - 1))
                    }
                }
            }
            let key = Key(staticClass: staticClasses[i], prepared: prepared)
            if let known = ids[key] {
                classOf[i] = known
                members[Int(known)].append(Int32(i))
            } else {
                ids[key] = Int32(members.count)
                classOf[i] = Int32(members.count)
                members.append([Int32(i)])
                preparedOfClass.append(prepared)
            }
        }
        var policies = [PreparedPolicy](repeating: .empty, count: preparedIDs.count)
        for (policy, id) in preparedIDs { policies[Int(id)] = policy }
        return LocalBase(base: Base(classOf: classOf, members: members, prepared: preparedOfClass), policies: policies)
    }
}
