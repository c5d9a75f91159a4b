import Concurrency
import Policy
import Snapshot

extension AccessModel {
    /// For every role, who can assume it: the principals its trust policy names,
    /// expanded where it names an account of the snapshot to that account's principals
    /// whose identity policies allow `sts:AssumeRole` on it (id_roles_compare-resource-policies.html).
    mutating func buildAssumeEdges() {
        // Principals with some identity Allow for sts:AssumeRole, by account: the only ones a
        // trust policy naming their account can let in.
        let assumers = self.assumers
        // Roles of one account with the same trust policy answer the same for a candidate whose
        // resource-specific statements match them alike: evaluate such groups together, spread
        // over the cores, and remember each candidate's answer by that signature.
        let groups = Self.trustGroups(resourceOrder.compactMap { resources[$0] })
        let perGroup = ParallelMap.map(groups) { [self] roles -> [(String, [Edge])] in
            var memo: [AssumeMemoKey: Access?] = [:]
            return roles.map { role in (role.arn, edges(into: role, assumers: assumers, memo: &memo)) }
        }
        let results = perGroup.flatMap { $0 }
        for (arn, edges) in results where !edges.isEmpty { assumeEdges[arn] = edges }
        for edges in assumeEdges.values { for e in edges { assumableBy[e.from, default: []].append(e) } }
        for k in assumableBy.keys { assumableBy[k]!.sort { $0.to < $1.to } }
    }

    /// Who can assume `role` (an ARN): the edges into it, sorted by caller. Built on the spot when
    /// the model was made with `.onDemand`.
    /// `cache` shares answers between roles of the same trust group, as building them all at once does.
    public func edges(into role: String, cache: AssumeEdgeCache = AssumeEdgeCache()) -> [Edge] {
        if assumeEdgeBuilding == .all { return assumeEdges[role] ?? [] }
        guard let entry = resources[role], entry.isRole else { return [] }
        let group = TrustGroupKey(entry)
        guard group.isShareable else {
            var memo: [AssumeMemoKey: Access?] = [:]
            return edges(into: entry, assumers: assumers, memo: &memo)
        }
        var memo = cache.memos.removeValue(forKey: group) ?? [:]
        defer { cache.memos[group] = memo }
        return edges(into: entry, assumers: assumers, memo: &memo)
    }

    /// The first edge into `role` that `accept` takes, in the order the trust policy lets callers
    /// in (its statements and principals in order, then accounts by id): one of `edges(into:)`,
    /// the same on every run, found without deciding the callers after it.
    public func firstEdge(into role: String, where accept: (Edge) -> Bool) -> Edge? {
        if assumeEdgeBuilding == .all { return (assumeEdges[role] ?? []).first(where: accept) }
        guard let entry = resources[role], entry.isRole else { return nil }
        var memo: [AssumeMemoKey: Access?] = [:]
        return firstEdge(into: entry, memo: &memo, where: accept)
    }

    /// The roles among `entries` by trust group (`TrustGroupKey`), in order of first member: a
    /// role whose group is not shareable is a group alone.
    static func trustGroups(_ entries: [ResourceEntry]) -> [[ResourceEntry]] {
        var groupIndex: [TrustGroupKey: Int] = [:]
        var groups: [[ResourceEntry]] = []
        for role in entries where role.isRole {
            let key = TrustGroupKey(role)
            if let i = groupIndex[key], key.isShareable {
                groups[i].append(role)
            } else {
                groupIndex[key] = groups.count
                groups.append([role])
            }
        }
        return groups
    }

    /// The first edges into each of `roles` that `accept` takes, as `firstEdge(into:where:)`
    /// finds them, with answers shared between the roles of one trust group and the groups spread
    /// over the cores; roles with none are absent.
    public func firstEdges(into roles: [String], where accept: @escaping @Sendable (Edge) -> Bool) -> [String: Edge] {
        if assumeEdgeBuilding == .all {
            return roles.reduce(into: [:]) { out, role in out[role] = (assumeEdges[role] ?? []).first(where: accept) }
        }
        let found = ParallelMap.map(Self.trustGroups(roles.compactMap { resources[$0] })) { [self] group -> [(String, Edge)] in
            var memo: [AssumeMemoKey: Access?] = [:]
            return group.compactMap { role in firstEdge(into: role, memo: &memo, where: accept).map { (role.arn, $0) } }
        }
        return Dictionary(found.flatMap { $0 }) { a, _ in a }
    }

    /// `firstEdge(into:where:)` sharing answers through `memo` with roles of the same trust group.
    func firstEdge(into role: ResourceEntry, memo: inout [AssumeMemoKey: Access?], where accept: (Edge) -> Bool) -> Edge? {
        var found: Edge?
        forEachAssumeCandidate(role, assumers: assumers) { candidate in
            guard candidate.id != role.arn else { return true }
            if let e = assumeEdge(from: candidate, into: role, memo: &memo), accept(e) { found = e }
            return found == nil
        }
        return found
    }

    /// The edges into one role, sharing answers through `memo` with roles of the same trust group.
    func edges(into role: ResourceEntry, assumers: [String: AssumerIndex], memo: inout [AssumeMemoKey: Access?]) -> [Edge] {
        var edges: [Edge] = []
        for candidate in assumeCandidates(role, assumers: assumers) where candidate.id != role.arn {
            if let e = assumeEdge(from: candidate, into: role, memo: &memo) { edges.append(e) }
        }
        return edges.sorted { $0.from < $1.from }
    }

    /// The role-assumption edge from `candidate` into `role`, or nil: `access(of:to:)`, answered
    /// from `memo` when a caller of the same trust group was asked with the same matches of its
    /// resource-specific `sts:` statements (the caller must pass only a trust group's memo).
    func assumeEdge(from candidate: PrincipalEntry, into role: ResourceEntry, memo: inout [AssumeMemoKey: Access?]) -> Edge? {
        let key = AssumeMemoKey(caller: ObjectIdentifier(candidate), statementMatches: candidate.assumeStatementMatches(on: role))
        let access: Access?
        if let known = memo[key] {
            access = known
        } else {
            access = self.access(of: candidate, to: role)
            memo[key] = access
        }
        return access.map { edge(from: candidate, to: role, kind: .canAssume, access: $0) }
    }

    /// `assumeEdge(from:into:memo:)` for each of `candidates` (distinct principals), in their
    /// order: the answers `memo` lacks are decided on every core when there are at least
    /// `parallelFrom` of them. The same edges and memo as asking one by one: the memo's keys name
    /// the caller, so no answer decided here is read by another candidate of the same call.
    func assumeEdges(
        from candidates: [PrincipalEntry], into role: ResourceEntry, memo: inout [AssumeMemoKey: Access?], parallelFrom: Int
    ) -> [Edge] {
        let keys = candidates.map { AssumeMemoKey(caller: ObjectIdentifier($0), statementMatches: $0.assumeStatementMatches(on: role)) }
        let missing = candidates.indices.filter { memo[keys[$0]] == nil }
        let decided: [Access?]
        if missing.count >= parallelFrom {
            decided = ParallelMap.map(missing) { [self] i in access(of: candidates[i], to: role) }
        } else {
            decided = missing.map { access(of: candidates[$0], to: role) }
        }
        for (i, access) in zip(missing, decided) { memo[keys[i]] = .some(access) }
        return candidates.indices.compactMap { i in
            memo[keys[i]]!.map { edge(from: candidates[i], to: role, kind: .canAssume, access: $0) }
        }
    }

    /// Principals a trust policy may let in.
    func assumeCandidates(_ role: ResourceEntry, assumers: [String: AssumerIndex]) -> [PrincipalEntry] {
        var out: [PrincipalEntry] = []
        forEachAssumeCandidate(role, assumers: assumers) { out.append($0); return true }
        return out
    }

    /// Calls `visit` with each principal a trust policy may let in, once each and always in the
    /// same order (statements and principals in order, then accounts by id), until it returns false.
    func forEachAssumeCandidate(_ role: ResourceEntry, assumers: [String: AssumerIndex], _ visit: (PrincipalEntry) -> Bool) {
        guard let doc = role.policy?.document else { return }
        var seen: Set<ObjectIdentifier> = []
        var going = true
        func add(_ p: PrincipalEntry?) -> Bool {
            if going, let p, seen.insert(ObjectIdentifier(p)).inserted { going = visit(p) }
            return going
        }
        var trustsEveryone = false
        for s in doc.statements where s.effect == .allow {
            guard let clause = s.principal else { continue }
            if clause.isNot { trustsEveryone = true; continue }
            for p in clause.patterns {
                switch p {
                case .anyone:
                    trustsEveryone = true
                case .aws(let arn) where p.isAccountRoot:
                    if let account = p.account, snapshot.accounts[account] != nil {
                        if let index = assumers[account], !addCandidates(from: index, of: role, add) { return }
                        if snapshot.accounts[account]?.hasIAM == false { _ = add(principal(arn)) }
                    } else {
                        _ = add(principal(arn))
                    }
                default:
                    _ = add(principal(p.description))
                }
                if !going { return }
            }
        }
        if trustsEveryone { addEveryone(trustedBy: role, assumers: assumers, add) }
    }

    /// A trust naming everyone (`*`, or a NotPrincipal) lets in anyone outside, every principal of
    /// the role's own account, and the snapshot's principals of other accounts whose identity
    /// grants may cover the role (as `EdgesFrom.candidateNumbers(for:)` finds them from the caller's side).
    func addEveryone(trustedBy role: ResourceEntry, assumers: [String: AssumerIndex], _ add: (PrincipalEntry?) -> Bool) {
        guard add(principal("*")) else { return }
        for id in principalsByAccount[role.account] ?? [] { guard add(principals[id]) else { return } }
        for account in assumers.keys.sorted() where account != role.account {
            guard addCandidates(from: assumers[account]!, of: role, add) else { return }
        }
    }

    /// The principals of one account's assumer index that may assume `role`, passed to `add`
    /// until it returns false; false when it did.
    func addCandidates(from index: AssumerIndex, of role: ResourceEntry, _ add: (PrincipalEntry?) -> Bool) -> Bool {
        for id in index.named[role.targets.first?.text ?? role.arn] ?? [] { guard add(principals[id]) else { return false } }
        for p in index.others where p.mayAllowAssumeRole(on: role.targets.first) { guard add(p) else { return false } }
        return true
    }

    /// An edge carrying an access, marked external or public relative to the zone of trust.
    func edge(from p: PrincipalEntry, to r: ResourceEntry, kind: EdgeKind, access: Access) -> Edge {
        let external = !isInsideZone(p, resourceAccount: r.account, resourceIsRole: r.isRole)
        return Edge(
            from: p.id, to: r.arn, kind: kind, actions: access.actions, conditions: access.conditions, deniedWhen: access.deniedWhen,
            isExternal: external,
            isPublic: external && PublicAccess.isPublic(principal: p, access: access))
    }
}

/// Roles of one account with the same trust policy.
struct TrustGroupKey: Hashable {
    let account: String
    let trust: PolicyDocument?
    /// Whether an RCP statement with a Resource other than `*` may cover `sts:` actions on the role.
    let rcpNamesRoles: Bool

    init(_ role: ResourceEntry) {
        account = role.account
        trust = role.policy?.document
        rcpNamesRoles = role.rcpResourceSpecificStatements.contains { $0.mayCover(service: "sts") }
    }

    /// Whether the answer can be shared: only when no trust statement has a Resource element
    /// and no RCP statement names roles (either would make the role's own ARN matter).
    var isShareable: Bool { !rcpNamesRoles && (trust?.statements.allSatisfy { $0.resource == nil } ?? true) }
}

/// The principals of one account with some identity Allow for `sts:AssumeRole`, split for a quick
/// "who may assume this role": those whose every such statement names literal ARNs, filed under
/// each ARN, and the others (wildcards, NotResource, variables, assumed-to-allow), checked per role.
struct AssumerIndex: Sendable {
    var named: [String: [String]] = [:]
    var others: [PrincipalEntry] = []
    /// The same from the caller's side: each literal-only caller's role ARNs, and the others' ids.
    var literals: [String: Set<String>] = [:]
    var otherIDs: Set<String> = []

    init(_ principals: [PrincipalEntry]) {
        for p in principals {
            let statements = p.assumeRoleAllowStatements
            guard !statements.isEmpty else { continue }
            var literals: [String] = []
            var literalOnly = !p.policies.identityAssumedToAllow
            for s in statements where literalOnly {
                guard case .resource(let patterns)? = s.resource, patterns.allSatisfy(\.isLiteralARN) else {
                    literalOnly = false
                    break
                }
                literals += patterns.map(\.text)
            }
            if literalOnly {
                for arn in Set(literals) { named[arn, default: []].append(p.id) }
                self.literals[p.id] = Set(literals)
            } else {
                others.append(p)
                otherIDs.insert(p.id)
            }
        }
    }
}


/// What decides a caller's answer for the roles of one trust group: the caller, and how its
/// resource-specific statements that may cover `sts:` actions match the role.
struct AssumeMemoKey: Hashable {
    let caller: ObjectIdentifier
    let statementMatches: [Int8]
}

/// Answers shared between on-demand `edges(into:)` calls, per trust group. Used by one task at a time.
public final class AssumeEdgeCache {
    var memos: [TrustGroupKey: [AssumeMemoKey: Access?]] = [:]

    public init() {}
}
