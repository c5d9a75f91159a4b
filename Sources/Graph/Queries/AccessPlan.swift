import Policy

/// What many principals can access, decided once per class of principals that no policy tells
/// apart: principals of one account whose statements for a set of services have the same shapes,
/// with the same kind and condition keys except those that name them (their ARN, user name).
/// Roles and users are often built from the same few managed policies and copied inline ones, so
/// a class is evaluated once for a representative and its answers hold for every member.
///
/// A member still decides alone the resources whose policy names it or the representative (a
/// grant to one role ARN tells the two apart), those whose policy or RCPs read who exactly the
/// principal is (`aws:PrincipalArn`, `aws:username`, `aws:userid`, policy variables), and every
/// resource of a set of services when one of its own statements for them holds a policy variable
/// in Resource. Its own statements whose conditions read those keys join the class key by their
/// outcome for it. Built by `AccessModel.accessPlan(for:)`; the answers are the same as
/// `accessibleResources(of:)` for each principal (a test checks it on the samples).
public struct AccessPlan: Sendable {
    /// Resources decided once for a class: one account's candidates of one set of services.
    public struct Group: Sendable {
        public let representative: PrincipalEntry
        /// One account's partition of candidates, shared by every group of that account and services.
        let resources: [ResourceEntry]
        /// The partition's position in `AccessPlan.partitions`.
        public let partition: Int
        /// The partition's resources that name the representative: not the class's answers.
        let namingRepresentative: Set<ObjectIdentifier>
    }

    /// A group's answers that hold for a member, but for the resources it decides alone.
    public struct Share: Sendable {
        public let group: Int
        public let except: Set<ObjectIdentifier>
    }

    public struct Member: Sendable {
        public let principal: PrincipalEntry
        public let shares: [Share]
        /// Resources decided for this principal alone (candidates; the evaluation decides).
        let individually: [ResourceEntry]
    }

    public let groups: [Group]
    public let members: [Member]
    /// Every partition a group decides over, with the services of its resources' actions.
    public let partitions: [(resources: [ResourceEntry], services: [String])]
}

/// The condition keys that differ between principals of one class (see `AccessPlan`).
enum PrincipalClasses {
    static let identityKeys: Set<String> = ["aws:principalarn", "aws:username", "aws:userid"]
}

extension AccessModel {
    /// Groups `principals` into classes and lists what each decides alone (see `AccessPlan`).
    public func accessPlan(for principals: [PrincipalEntry]) -> AccessPlan {
        var builder = AccessPlanBuilder(model: self)
        for p in principals { builder.add(p) }
        return AccessPlan(groups: builder.groups, members: builder.members, partitions: builder.partitions)
    }

    /// What the group's representative can access among the group's resources: the answers of
    /// every member of the class, each resource decided in turn.
    public func access(of group: AccessPlan.Group) -> [(ResourceEntry, Access)] {
        let memo = AccessMemo()
        let p = group.representative
        memo.reset(for: p, in: self)
        var allow: (service: String, statements: [Statement]) = ("", [])
        var found: [(ResourceEntry, Access)] = []
        for r in group.resources where group.namingRepresentative.isEmpty || !group.namingRepresentative.contains(ObjectIdentifier(r)) {
            if let a = decide(r, for: p, memo: memo, allow: &allow) { found.append((r, a)) }
        }
        return found
    }

    /// The same answers, each class of resources that decide alike for the representative of
    /// `classing.plan.groups[index]` decided once (`accessClasses(ofGroup:classing:)`).
    public func access(ofGroup index: Int, classing: PlanClassing) -> [(ResourceEntry, Access)] {
        let resources = classing.plan.groups[index].resources
        var found: [(ResourceEntry, Access)] = []
        for answer in accessClasses(ofGroup: index, classing: classing) {
            for i in answer.members { found.append((resources[Int(i)], answer.access)) }
        }
        return found
    }

    /// One resource of a group decided for its representative: `isCandidate`, with what is the
    /// same for every resource worked out once (`memo` was reset for `p`), then the memo. A group
    /// holds no resource naming its representative, and resources of other accounts only because
    /// they name its account or everyone.
    func decide(
        _ r: ResourceEntry, for p: PrincipalEntry, memo: AccessMemo, allow: inout (service: String, statements: [Statement])
    ) -> Access? {
        if !memo.scpClosed.isEmpty, !r.universes.contains(where: { !memo.scpClosed.contains($0.id) }) { return nil }
        if r.account == p.request.account && !r.namesEveryone && !r.namesOwnAccount {
            if allow.service != r.service { allow = (r.service, p.allowStatements(covering: r.service)) }
            let statements = allow.statements
            guard r.targets.contains(where: { t in statements.contains { $0.appliesTo(resource: t, context: p.context) != .no } })
            else { return nil }
        }
        return memoizedAccess(of: p, to: r, memo: memo)
    }

    /// What a member can access among the resources it decides alone.
    public func individualAccess(of member: AccessPlan.Member) -> [(ResourceEntry, Access)] {
        let memo = AccessMemo()
        let p = member.principal
        let snapshotPrincipal = principals[p.id] != nil
        var found: [(ResourceEntry, Access)] = []
        for r in member.individually where isCandidate(r, for: p) {
            if let a = snapshotPrincipal ? memoizedAccess(of: p, to: r, memo: memo) : access(of: p, to: r) { found.append((r, a)) }
        }
        return found
    }

    /// Whether `r` is among `unorderedCandidateResources(for: p)` and its SCPs leave some action open.
    func isCandidate(_ r: ResourceEntry, for p: PrincipalEntry) -> Bool {
        guard !r.isRole, r.universes.contains(where: { scpsMayAllowSome(of: $0, principal: p) }) else { return false }
        if r.namesEveryone || r.namedPrincipals.contains(p.id) { return true }
        if let root = p.request.accountRootArn, r.namedPrincipals.contains(root) { return true }
        guard r.account == p.request.account, principals[p.id] != nil else { return false }
        return r.targets.contains { p.mayAllow(service: r.service, on: $0) }
    }
}

/// Builds an `AccessPlan` one principal at a time.
struct AccessPlanBuilder {
    let model: AccessModel
    var groups: [AccessPlan.Group] = []
    var members: [AccessPlan.Member] = []
    /// Group ids by class key, and per group the resources that name its representative.
    var groupIDs: [ClassKey: Int] = [:]
    var namingRepresentative: [[ResourceEntry]] = []
    var scopes: [String: Scope] = [:]
    var shapes = ShapeInterner()
    var partitions: [(resources: [ResourceEntry], services: [String])] = []
    /// User and role ARNs -> the resources (not roles) whose policy names them, in Principal or NotPrincipal.
    let naming: [String: [ResourceEntry]]

    /// One account's candidates that a class may share, by evaluation services, and the rest.
    struct Scope {
        var keys: [String] = []
        var partitions: [String: [ResourceEntry]] = [:]
        /// Each partition's position in `AccessPlanBuilder.partitions`.
        var ids: [String: Int] = [:]
        /// The members of each partition, for "which resources naming the representative are in it".
        var members: [String: Set<ObjectIdentifier>] = [:]
        var individually: [ResourceEntry] = []
    }

    struct ClassKey: Hashable {
        /// A statement whose conditions read the principal's ARN or name, and their outcome for it.
        struct Outcome: Hashable {
            let shape: Int
            let result: Tri
            let undecided: [Condition]
        }

        let services: String
        let account: String
        let kind: RequestPrincipal.Kind
        let isServiceLinkedRole: Bool
        let context: ConditionContext
        var identity: [Int]
        var boundary: [Int]?
        var outcomes: [Outcome]
    }

    init(model: AccessModel) {
        self.model = model
        var naming: [String: [ResourceEntry]] = [:]
        for arn in model.resourceOrder {
            let r = model.resources[arn]!
            guard !r.isRole, let doc = r.policy?.document else { continue }
            var ids: Set<String> = []
            for s in doc.statements {
                for case .aws(let id) in s.principal?.patterns ?? [] { ids.insert(id) }
            }
            for id in ids { naming[id, default: []].append(r) }
        }
        self.naming = naming
    }

    mutating func add(_ p: PrincipalEntry) {
        guard model.principals[p.id] != nil, let account = p.request.account, p.policies.sessionPolicies == nil,
            !p.policies.identityAssumedToAllow
        else {
            members.append(AccessPlan.Member(principal: p, shares: [], individually: model.unorderedCandidateResources(for: p)))
            return
        }
        let scope = self.scope(of: account)
        let named = naming[p.id] ?? []
        var individually = named + scope.individually
        var shares: [AccessPlan.Share] = []
        let context = p.context.removing(PrincipalClasses.identityKeys)
        for services in scope.keys {
            let partition = scope.partitions[services]!
            guard let key = classKey(of: p, services: services, context: context) else {
                individually += partition
                continue
            }
            let g = group(for: key, representative: p, partition: partition, id: scope.ids[services]!, members: scope.members[services]!)
            individually += namingRepresentative[g]
            let except = Set(named.lazy.filter { $0.evaluationServices == services }.map(ObjectIdentifier.init))
            shares.append(AccessPlan.Share(group: g, except: except))
        }
        var seen: Set<ObjectIdentifier> = []
        individually = individually.filter { seen.insert(ObjectIdentifier($0)).inserted }
        members.append(AccessPlan.Member(principal: p, shares: shares, individually: individually))
    }

    /// The group of a class, created with `p` as its representative when new.
    mutating func group(
        for key: ClassKey, representative p: PrincipalEntry, partition: [ResourceEntry], id: Int, members: Set<ObjectIdentifier>
    ) -> Int {
        if let g = groupIDs[key] { return g }
        let inPartition = (naming[p.id] ?? []).filter { members.contains(ObjectIdentifier($0)) }
        groups.append(AccessPlan.Group(
            representative: p, resources: partition, partition: id, namingRepresentative: Set(inPartition.map(ObjectIdentifier.init))))
        namingRepresentative.append(inPartition)
        groupIDs[key] = groups.count - 1
        return groups.count - 1
    }

    /// What decides `p`'s access to resources of `services` besides its ARN and name: the shapes
    /// of its statements for them, and for those whose conditions read its ARN or name, how they
    /// come out for it (the context of a principal of the snapshot is the same for every resource,
    /// so the outcome is too). Nil when a statement's Resource element holds a policy variable:
    /// then its match depends on both, and `p` decides alone.
    mutating func classKey(of p: PrincipalEntry, services: String, context: ConditionContext) -> ClassKey? {
        let list = services.split(separator: " ").map(String.init)
        var key = ClassKey(
            services: services, account: p.request.account ?? "", kind: p.request.kind,
            isServiceLinkedRole: p.request.isServiceLinkedRole, context: context, identity: [], boundary: nil, outcomes: [])
        var outcomes: [ClassKey.Outcome] = []
        func add(_ policies: [NamedPolicy], to ids: inout [Int]) -> Bool {
            for policy in policies {
                for s in policy.document.statements where list.contains(where: { s.mayCover(service: $0) }) {
                    if s.resourceHasVariables { return false }
                    ids.append(shapes.id(of: s))
                    if s.conditionsMayRead(contextKeys: PrincipalClasses.identityKeys) {
                        let (outcome, undecided) = s.conditionOutcome(in: p.context)
                        outcomes.append(ClassKey.Outcome(shape: ids.last!, result: outcome, undecided: undecided))
                    }
                }
            }
            return true
        }
        guard add(p.policies.identityPolicies, to: &key.identity) else { return nil }
        if let documents = p.policies.permissionsBoundary {
            var ids: [Int] = []
            guard add(documents, to: &ids) else { return nil }
            key.boundary = ids
        }
        // SCP levels are the account's, already in the key; only how their conditions read `p` is added.
        var scp: [Int] = []
        for level in p.policies.scpLevels { guard add(level, to: &scp) else { return nil } }
        key.outcomes = outcomes
        return key
    }

    /// Every candidate of a principal of `account` that a class may share (its resources, those
    /// naming the account or everyone), split by evaluation services; those no class can share
    /// apart. Resources naming the principal itself are added per principal.
    mutating func scope(of account: String) -> Scope {
        if let known = scopes[account] { return known }
        var scope = Scope()
        var seen: Set<ObjectIdentifier> = []
        var all: [ResourceEntry] = []
        for list in (model.resourcesByAccountService[account] ?? [:]).values { all += list }
        all += model.resourcesNaming[RequestPrincipal.rootArn(ofAccount: account)] ?? []
        all += model.resourcesNaming["*"] ?? []
        for r in all where seen.insert(ObjectIdentifier(r)).inserted {
            if let services = r.evaluationServices, !r.readsPrincipalIdentity {
                scope.partitions[services, default: []].append(r)
            } else {
                scope.individually.append(r)
            }
        }
        scope.keys = scope.partitions.keys.sorted()
        for services in scope.keys {
            scope.ids[services] = partitions.count
            partitions.append((scope.partitions[services]!, services.split(separator: " ").map(String.init)))
        }
        scope.members = scope.partitions.mapValues { Set($0.map(ObjectIdentifier.init)) }
        scopes[account] = scope
        return scope
    }
}

/// Numbers statements by shape: equal shapes get equal numbers.
struct ShapeInterner {
    var byInstance: [ObjectIdentifier: Int] = [:]
    var byShape: [StatementShape: Int] = [:]

    mutating func id(of s: Statement) -> Int {
        if let known = byInstance[ObjectIdentifier(s)] { return known }
        let shape = StatementShape(s)
        let id = byShape[shape] ?? byShape.count
        byShape[shape] = id
        byInstance[ObjectIdentifier(s)] = id
        return id
    }
}
