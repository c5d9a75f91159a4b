import Concurrency
import Graph
import Policy
import Snapshot

/// Finds every resource that a principal outside the zone of trust can reach:
/// grants in resource and trust policies to outside principals (as Access Analyzer
/// reports them), public S3 ACLs, and what outside principals reach in turn through
/// the roles they can assume (which Access Analyzer does not show).
public struct FindingsAnalyzer: Sendable {
    public let model: AccessModel
    /// Called as roles reachable from outside are analysed, a class of alike roles or a single
    /// role at a time (see `AccessPlan`): (done, total).
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(model: AccessModel, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) {
        self.model = model
        self.progress = progress
    }

    public func findings() async -> [Finding] {
        var byKey: [String: Finding] = [:]
        func keep(_ f: Finding) {
            // One finding per resource, principal and condition, as Access Analyzer keys them.
            let key = f.resource + "\u{0}" + f.principal + "\u{0}" + f.conditionKey
            if let old = byKey[key] {
                var merged = old.path.count <= f.path.count ? old : f
                if old.actions != f.actions { merged.actions = AccessModel.mergeSorted(old.actions, f.actions) }
                merged.isPublic = old.isPublic || f.isPublic
                byKey[key] = merged
            } else {
                byKey[key] = f
            }
        }
        let direct = directFindings()
        direct.forEach(keep)
        var out = Array(byKey.values)
        // Transitive findings: one per resource and outside principal (the shortest chain), unless
        // the same principal already has a direct finding on that resource.
        let directPairs = Set(direct.map { $0.resource + "\u{0}" + $0.principal })
        for f in await transitiveFindings(from: direct) where !directPairs.contains(f.resource + "\u{0}" + f.principal) {
            out.append(f)
        }
        // A total order, so the output is the same from run to run: by resource, principal, then
        // the path and conditions (built only for the few findings that share the first two).
        return out.sorted { a, b in
            if a.resource != b.resource { return a.resource < b.resource }
            if a.principal != b.principal { return a.principal < b.principal }
            return a.pathAndConditionsKey < b.pathAndConditionsKey
        }
    }

    /// Grants to outside principals in each resource's own policy, and public ACLs, in resource
    /// order; slices of the resources on every core.
    func directFindings() -> [Finding] {
        let order = model.resourceOrder
        let sliceCount = min(order.count, 64)
        guard sliceCount > 1 else { return directFindings(of: order[...]) }
        let bounds = (0...sliceCount).map { $0 * order.count / sliceCount }
        let analyzer = self
        return ParallelMap.map(Array(0..<sliceCount)) { i in analyzer.directFindings(of: order[bounds[i]..<bounds[i + 1]]) }
            .flatMap { $0 }
    }

    /// The same for some of the resources.
    func directFindings(of arns: ArraySlice<String>) -> [Finding] {
        var out: [Finding] = []
        for arn in arns {
            let r = model.resources[arn]!
            for p in namedPrincipals(in: r) where !model.isInsideZone(p, resourceAccount: r.account, resourceIsRole: r.isRole) {
                guard let access = model.access(of: p, to: r) else { continue }
                out.append(Finding(
                    resource: r.arn, resourceType: r.type, principal: p.id,
                    isPublic: PublicAccess.isPublic(principal: p, access: access), actions: access.actions,
                    conditions: access.conditions, deniedWhen: access.deniedWhen, path: [p.id, r.arn]))
            }
        }
        return out
    }

    /// The principals a resource's policy names (snapshot principals by ARN, and outside ones).
    func namedPrincipals(in r: ResourceEntry) -> [PrincipalEntry] {
        guard let doc = r.policy?.document else { return [] }
        var ids: [String] = []
        for s in doc.statements where s.effect == .allow {
            guard let clause = s.principal else { continue }
            if case .notPrincipal = clause { ids.append("*"); continue }
            ids += clause.patterns.map(\.description)
        }
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }.compactMap(model.principal)
    }

    /// From each outside principal that can assume roles, every role reachable from there and
    /// every resource those roles can access inside the zone: one breadth-first search per
    /// outside principal (shortest chain first), one finding per resource it reaches, with the
    /// actions of every chain merged. What each role can access is computed once, in parallel.
    func transitiveFindings(from direct: [Finding]) async -> [Finding] {
        // One search per outside principal and public flag: a path is public only when the
        // role it enters by is (an OIDC trust without a `sub` condition is; one with it is not).
        struct Origin: Hashable { let principal: String; let isPublic: Bool }
        var entriesByOrigin: [Origin: [Finding]] = [:]
        for f in direct where f.resourceType == "AWS::IAM::Role" {
            entriesByOrigin[Origin(principal: f.principal, isPublic: f.isPublic), default: []].append(f)
        }
        let reach = RoleReachability(model: model, from: entriesByOrigin.values.flatMap { $0.map(\.resource) })
        var searches: [(origin: String, steps: [RoleReachability.Step], isPublic: Bool)] = []
        var roles: [String] = []
        var seenRoles: Set<String> = []
        let origins = entriesByOrigin.keys.sorted { ($0.principal, $0.isPublic ? 0 : 1) < ($1.principal, $1.isPublic ? 0 : 1) }
        for origin in origins {
            let entries = entriesByOrigin[origin]!
            let steps = reach.rolesReachable(from: entries.map { ($0.resource, $0.conditions, $0.deniedWhen) })
            searches.append((origin.principal, steps, origin.isPublic))
            for s in steps where seenRoles.insert(s.role).inserted { roles.append(s.role) }
        }
        let accessible = await accessibleResources(of: roles)
        // Each outside principal's findings on their own, on every core, joined in origin order.
        let model = self.model
        let all = searches
        return await withTaskGroup(of: (Int, [Finding]).self) { group in
            for (i, search) in all.enumerated() {
                group.addTask { (i, Self.findings(of: search.origin, steps: search.steps, isPublic: search.isPublic, accessible: accessible, model: model)) }
            }
            var parts = Array(repeating: [Finding](), count: all.count)
            for await (i, found) in group { parts[i] = found }
            return parts.flatMap { $0 }
        }
    }

    /// What one outside principal reaches through the roles of its search: one finding per role
    /// entered past the first and per resource, the actions of every chain merged.
    static func findings(
        of originID: String, steps: [RoleReachability.Step], isPublic: Bool, accessible: [String: RoleAccess],
        model: AccessModel
    ) -> [Finding] {
        guard let origin = model.principal(originID) else { return [] }
        var out: [Finding] = []
        // Resource (by ordinal) -> position in out (-1 not met yet, `insideZone` not a finding), and the
        // distinct action lists met for it (merged once at the end).
        let insideZone = -2
        var index = [Int32](repeating: -1, count: model.resourceOrder.count)
        var actionLists: [Int: [[String]]] = [:]
        for step in steps {
            if step.path.count > 1, let target = model.resources[step.role], !model.isInsideZone(origin, resourceAccount: target.account) {
                out.append(Finding(
                    resource: step.role, resourceType: target.type, principal: originID, isPublic: isPublic,
                    actions: Self.assumeRoleActions, conditions: step.conditions, deniedWhen: step.deniedWhen,
                    path: [originID] + step.path))
            }
            guard let roleAccess = accessible[step.role] else { continue }
            // Read in place: most entries are resources met before, decided by their ordinal alone.
            func visit(_ list: [Reached], except: Set<Int>) {
                list.withUnsafeBufferPointer { reached in
                    for k in reached.indices {
                        let ordinal = reached[k].ordinal
                        let known = Int(index[ordinal])
                        if known == insideZone { continue }
                        if !except.isEmpty, except.contains(ordinal) { continue }
                        if known >= 0 {
                            if out[known].actions == reached[k].access.actions { continue }
                            let actions = reached[k].access.actions
                            var lists = actionLists[known] ?? [out[known].actions]
                            if !lists.contains(actions) { lists.append(actions); actionLists[known] = lists }
                            continue
                        }
                        let r = reached[k].resource
                        guard !model.isInsideZone(origin, resourceAccount: r.account) else {
                            index[ordinal] = Int32(insideZone)
                            continue
                        }
                        index[ordinal] = Int32(out.count)
                        let access = reached[k].access
                        out.append(Finding(
                            resource: r.arn, resourceType: r.type, principal: originID, isPublic: isPublic,
                            actions: access.actions, conditions: merge(step.conditions, access.conditions),
                            deniedWhen: merge(step.deniedWhen, access.deniedWhen), path: [originID] + step.path + [r.arn]))
                    }
                }
            }
            visit(roleAccess.own, except: [])
            for share in roleAccess.shared { visit(share.list, except: share.except) }
        }
        // Lists are canonical (`ActionListInterning`): findings with the same lists share one merge.
        var merged: [[ActionListInterning.Storage]: [String]] = [:]
        for (i, lists) in actionLists where lists.count > 1 {
            let key = lists.map(ActionListInterning.Storage.init).sorted { ($0.address, $0.count) < ($1.address, $1.count) }
            if let known = merged[key] {
                out[i].actions = known
            } else {
                out[i].actions = lists.dropFirst().reduce(lists[0], AccessModel.mergeSorted)
                merged[key] = out[i].actions
            }
        }
        return out
    }

    /// The actions of a finding on a role entered past the first: one array for all of them.
    static let assumeRoleActions = ["sts:AssumeRole"]

    /// A resource a role can access, with its position in `model.resourceOrder`.
    struct Reached: Sendable {
        let ordinal: Int
        let resource: ResourceEntry
        var access: Access
    }

    /// What one role can access: what it decided alone, and the answers of its classes (but for
    /// the resources it decided alone), by resource ordinal.
    struct RoleAccess: Sendable {
        var own: [Reached]
        var shared: [(list: [Reached], except: Set<Int>)]
    }

    /// What each role can access (resources, not roles), by role ARN: decided once per class of
    /// roles that no policy tells apart (`AccessPlan`), in parallel.
    func accessibleResources(of roles: [String]) async -> [String: RoleAccess] {
        let model = self.model
        let progress = self.progress
        var ordinals: [ObjectIdentifier: Int] = [:]
        ordinals.reserveCapacity(model.resourceOrder.count)
        for (i, arn) in model.resourceOrder.enumerated() { ordinals[ObjectIdentifier(model.resources[arn]!)] = i }
        let ordinalOf = ordinals
        let plan = model.accessPlan(for: roles.compactMap { model.principals[$0] })
        func reached(_ found: [(ResourceEntry, Access)]) -> [Reached] {
            found.map { Reached(ordinal: ordinalOf[ObjectIdentifier($0.0)]!, resource: $0.0, access: $0.1) }
        }
        // Group answers and members' own answers, each a task; unit i < groups.count is a group.
        let total = plan.groups.count + plan.members.count
        let results = await withTaskGroup(of: (Int, [Reached]).self) { group in
            for i in 0..<total {
                group.addTask {
                    i < plan.groups.count
                        ? (i, reached(model.access(of: plan.groups[i])))
                        : (i, reached(model.individualAccess(of: plan.members[i - plan.groups.count])))
                }
            }
            var out = Array(repeating: [Reached](), count: total)
            var done = 0
            for await (i, found) in group {
                out[i] = found
                done += 1
                progress?(done, total)
            }
            return ActionListInterning.canonical(out)
        }
        var out: [String: RoleAccess] = [:]
        for (m, member) in plan.members.enumerated() {
            let shared = member.shares.map { share in
                (list: results[share.group], except: Set(share.except.map { ordinalOf[$0]! }))
            }
            out[member.principal.id] = RoleAccess(own: results[plan.groups.count + m], shared: shared)
        }
        return out
    }
}

extension Finding {
    /// The path's length and steps, then the conditions, as one comparable string.
    var pathAndConditionsKey: String { String(path.count) + path.joined(separator: " ") + conditionKey }

    /// The conditions (and the deny conditions) as one comparable string.
    var conditionKey: String {
        if conditions.isEmpty && deniedWhen.isEmpty { return "" }
        return Self.key(conditions) + (deniedWhen.isEmpty ? "" : "\u{2}" + Self.key(deniedWhen))
    }

    static func key(_ conditions: [String: [String: [String]]]) -> String {
        var out = ""
        for op in conditions.keys.sorted() {
            out += op + "{"
            for key in conditions[op]!.keys.sorted() { out += key + "=" + conditions[op]![key]!.joined(separator: "\u{1}") + ";" }
            out += "}"
        }
        return out
    }
}

func merge(_ a: [String: [String: [String]]], _ b: [String: [String: [String]]]) -> [String: [String: [String]]] {
    var out = a
    for (op, keys) in b {
        for (k, v) in keys { out[op, default: [:]][k] = Array(Set((out[op]?[k] ?? []) + v)).sorted() }
    }
    return out
}
