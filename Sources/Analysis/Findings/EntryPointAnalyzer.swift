import Concurrency
import Graph

/// Summarises what outside principals reach through the roles they enter: one `EntryPoint` per
/// (outside principal, entry role, conditions). Computed per entry role, once for every principal
/// entering it: the roles it leads to, and the union of what they can access, as bits by resource
/// ordinal, with access levels and counts per (account, type). No transitive finding is built.
public struct EntryPointAnalyzer: Sendable {
    public let model: AccessModel

    public init(model: AccessModel) { self.model = model }

    /// The entry points the filter admits, by principal, role, then conditions.
    public func entryPoints(filter: FindingFilter = FindingFilter()) async -> [EntryPoint] {
        await FindingsAnalyzer(model: model).analyze(filter: filter).entryPoints()
    }
}

/// What one entry role reaches, for every principal entering it.
struct EntryRoleReach: Sendable {
    /// Every resource reached: roles entered past the first, and what the roles can access.
    var resources: ResourceBits
    /// Those reached with some Write or Permissions management action.
    var changes: ResourceBits
    /// Per category: the access levels, and how many resources.
    var levels: [LevelMask]
    var counts: [Int32]
}

extension FindingsAnalysis {
    /// One entry point per (outside principal, entry role, conditions) the filter admits, with
    /// what it reaches in the accounts and types the filter admits (entry points left with nothing
    /// are dropped), by principal, role, then conditions.
    public func entryPoints() -> [EntryPoint] {
        let groups = groupAnswers()
        let analysis = self
        let perRole = ParallelMap.map(entryRoles) { role -> [EntryPoint] in
            let reach = analysis.reach(of: role, groups: groups)
            return role.entries.compactMap { analysis.entryPoint($0, reach: reach) }
        }
        return perRole.joined().sorted { a, b in
            if a.principal != b.principal { return a.principal < b.principal }
            if a.role != b.role { return a.role < b.role }
            return (Finding.key(a.conditions), Finding.key(a.deniedWhen)) < (Finding.key(b.conditions), Finding.key(b.deniedWhen))
        }
    }

    /// One entry's summary: its role's reach, but for the accounts inside the principal's zone of
    /// trust and the categories the filter leaves out; nil when nothing is left.
    func entryPoint(_ entry: Finding, reach: EntryRoleReach) -> EntryPoint? {
        let inside = accountsInsideZone(of: entry.principal)
        let shown = categories.categories.indices.map { admitted[$0] && !inside.contains(categories.categories[$0].account) }
        var out: [EntryReach] = []
        var total = 0
        for (c, category) in categories.categories.enumerated() where shown[c] && reach.counts[c] > 0 {
            out.append(EntryReach(
                account: category.account, resourceType: category.type, resources: Int(reach.counts[c]),
                accessLevels: reach.levels[c].names, isPublic: entry.isPublic))
            total += Int(reach.counts[c])
        }
        guard total > 0 else { return nil }
        return EntryPoint(
            principal: entry.principal, role: entry.resource, isPublic: entry.isPublic, conditions: entry.conditions,
            deniedWhen: entry.deniedWhen, resources: total, reach: out, examples: examples(reach, shown: shown))
    }

    /// Up to five resources of the reach in the shown categories: those with a public direct
    /// finding first, then those reached with Write or Permissions management, then by ARN.
    func examples(_ reach: EntryRoleReach, shown: [Bool], limit: Int = 5) -> [String] {
        var out: [String] = []
        let resources = reach.resources.words, changes = reach.changes.words, pub = publicResources.words
        for pass in 0..<4 where out.count < limit {
            let wantPublic = pass < 2, wantChanges = pass % 2 == 0
            for i in resources.indices where out.count < limit {
                var w = resources[i] & (wantPublic ? pub[i] : ~pub[i]) & (wantChanges ? changes[i] : ~changes[i])
                while w != 0, out.count < limit {
                    let ordinal = i << 6 + w.trailingZeroBitCount
                    w &= w - 1
                    if shown[Int(categories.categoryOf[ordinal])] { out.append(categories.entries[ordinal].arn) }
                }
            }
        }
        return out
    }

    /// What an entry role reaches: the roles past the first, and the union of what every role
    /// reached can access (a class's answers once, from `groups`).
    func reach(of role: EntryRole, groups: [Int: EntryRoleReach]) -> EntryRoleReach {
        let n = categories.count
        var reach = EntryRoleReach(
            resources: ResourceBits(count: n), changes: ResourceBits(count: n),
            levels: Array(repeating: .none, count: categories.categories.count), counts: [])
        var shared: Set<Int> = []
        func add(_ list: [FindingsAnalyzer.Reached], except: Set<Int>) {
            for r in list where except.isEmpty || !except.contains(r.ordinal) {
                reach.resources.insert(r.ordinal)
                if r.levels.changes { reach.changes.insert(r.ordinal) }
                reach.levels[Int(categories.categoryOf[r.ordinal])].formUnion(r.levels)
            }
        }
        for step in role.steps {
            if step.path.count > 1, let target = model.resources[step.role], let ordinal = categories.ordinalOf[ObjectIdentifier(target)] {
                reach.resources.insert(ordinal)
                if assumeLevels.changes { reach.changes.insert(ordinal) }
                reach.levels[Int(categories.categoryOf[ordinal])].formUnion(assumeLevels)
            }
            guard let access = table.roles[step.role] else { continue }
            add(access.own, except: [])
            for share in access.shares {
                if share.except.isEmpty { shared.insert(share.group) } else { add(table.groups[share.group], except: share.except) }
            }
        }
        for g in shared {
            let group = groups[g]!
            reach.resources.formUnion(group.resources)
            reach.changes.formUnion(group.changes)
            for c in reach.levels.indices { reach.levels[c].formUnion(group.levels[c]) }
        }
        var counts = [Int32](repeating: 0, count: categories.categories.count)
        reach.resources.forEach { counts[Int(categories.categoryOf[$0])] += 1 }
        reach.counts = counts
        return reach
    }

    /// Each class's answers as a reach (bits and levels), for the classes some entry role shares
    /// whole, on every core.
    func groupAnswers() -> [Int: EntryRoleReach] {
        var used: Set<Int> = []
        for role in entryRoles {
            for step in role.steps {
                for share in table.roles[step.role]?.shares ?? [] where share.except.isEmpty { used.insert(share.group) }
            }
        }
        let ids = used.sorted()
        let analysis = self
        let built = ParallelMap.map(ids) { g -> EntryRoleReach in
            let n = analysis.categories.count
            var reach = EntryRoleReach(
                resources: ResourceBits(count: n), changes: ResourceBits(count: n),
                levels: Array(repeating: .none, count: analysis.categories.categories.count), counts: [])
            for r in analysis.table.groups[g] {
                reach.resources.insert(r.ordinal)
                if r.levels.changes { reach.changes.insert(r.ordinal) }
                reach.levels[Int(analysis.categories.categoryOf[r.ordinal])].formUnion(r.levels)
            }
            return reach
        }
        return Dictionary(uniqueKeysWithValues: zip(ids, built))
    }
}
