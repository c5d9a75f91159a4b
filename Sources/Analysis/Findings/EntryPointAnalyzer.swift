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
        let components = RoleComponents(roles: reachedRoles, next: graph.next)
        let entryIndex = Dictionary(uniqueKeysWithValues: entryRoles.enumerated().map { ($0.element.role, $0.offset) })
        // What each component reaches, successors first; kept while a component reaching it, or an
        // entry role of it, still needs it.
        var remaining = [Int](repeating: 0, count: components.members.count)
        for successors in components.successors { for s in successors { remaining[s] += 1 } }
        var reaches: [Int: EntryRoleReach] = [:]
        var out: [EntryPoint] = []
        for c in components.members.indices {
            var reach = emptyReach()
            for role in components.members[c] { add(role, to: &reach, groups: groups) }
            for s in components.successors[c] {
                union(&reach, reaches[s]!)
                remaining[s] -= 1
                if remaining[s] == 0 { reaches[s] = nil }
            }
            let entries = components.members[c].compactMap { entryIndex[$0].map { entryRoles[$0] } }
            if !entries.isEmpty {
                var counts = [Int32](repeating: 0, count: categories.categories.count)
                reach.resources.forEach { counts[Int(categories.categoryOf[$0])] += 1 }
                reach.counts = counts
                for role in entries { out += role.entries.compactMap { entryPoint($0, reach: reach) } }
            }
            if remaining[c] > 0 { reaches[c] = reach }
        }
        return out.sorted { a, b in
            if a.principal != b.principal { return a.principal < b.principal }
            if a.role != b.role { return a.role < b.role }
            return (Finding.key(a.conditions), Finding.key(a.deniedWhen)) < (Finding.key(b.conditions), Finding.key(b.deniedWhen))
        }
    }

    func emptyReach() -> EntryRoleReach {
        EntryRoleReach(
            resources: ResourceBits(count: categories.count), changes: ResourceBits(count: categories.count),
            levels: Array(repeating: .none, count: categories.categories.count), counts: [])
    }

    /// Adds a role (as a role reached: `sts:AssumeRole`) and what it can access.
    func add(_ role: String, to reach: inout EntryRoleReach, groups: [Int: EntryRoleReach]) {
        if let target = model.resources[role], let ordinal = categories.ordinalOf[ObjectIdentifier(target)] {
            reach.resources.insert(ordinal)
            if assumeLevels.changes { reach.changes.insert(ordinal) }
            reach.levels[Int(categories.categoryOf[ordinal])].formUnion(assumeLevels)
        }
        guard let access = table.roles[role] else { return }
        add(access.own, except: [], to: &reach)
        for share in access.shares {
            if share.except.isEmpty { union(&reach, groups[share.group]!) } else { add(table.groups[share.group], except: share.except, to: &reach) }
        }
    }

    func add(_ list: [FindingsAnalyzer.Reached], except: Set<Int>, to reach: inout EntryRoleReach) {
        list.withUnsafeBufferPointer { list in
            for i in list.indices {
                let ordinal = list[i].ordinal
                if !except.isEmpty, except.contains(ordinal) { continue }
                let levels = list[i].levels
                reach.resources.insert(ordinal)
                if levels.changes { reach.changes.insert(ordinal) }
                reach.levels[Int(categories.categoryOf[ordinal])].formUnion(levels)
            }
        }
    }

    func union(_ reach: inout EntryRoleReach, _ other: EntryRoleReach) {
        reach.resources.formUnion(other.resources)
        reach.changes.formUnion(other.changes)
        for c in reach.levels.indices { reach.levels[c].formUnion(other.levels[c]) }
    }

    /// One entry's summary: its role's reach, but for the accounts inside the principal's zone of
    /// trust and the categories the filter leaves out; nil when nothing is left.
    func entryPoint(_ entry: Finding, reach: EntryRoleReach) -> EntryPoint? {
        let inside = accountsInsideZone(of: entry.principal)
        let shown = categories.categories.indices.map { admitted[$0] && !inside.contains(categories.categories[$0].account) }
        // The entry role is in its own reach (its component's); it is not a role entered past the first.
        let entered = model.resources[entry.resource].flatMap { categories.ordinalOf[ObjectIdentifier($0)] }
        var counts = reach.counts
        if let entered, reach.resources.contains(entered) { counts[Int(categories.categoryOf[entered])] -= 1 }
        var out: [EntryReach] = []
        var total = 0
        for (c, category) in categories.categories.enumerated() where shown[c] && counts[c] > 0 {
            out.append(EntryReach(
                account: category.account, resourceType: category.type, resources: Int(counts[c]),
                accessLevels: reach.levels[c].names, isPublic: entry.isPublic))
            total += Int(counts[c])
        }
        guard total > 0 else { return nil }
        return EntryPoint(
            principal: entry.principal, role: entry.resource, isPublic: entry.isPublic, conditions: entry.conditions,
            deniedWhen: entry.deniedWhen, resources: total, reach: out, examples: examples(reach, shown: shown, skipping: entered))
    }

    /// Up to five resources of the reach in the shown categories: those with a public direct
    /// finding first, then those reached with Write or Permissions management, then by ARN.
    func examples(_ reach: EntryRoleReach, shown: [Bool], skipping entered: Int?, limit: Int = 5) -> [String] {
        var out: [String] = []
        let resources = reach.resources.words, changes = reach.changes.words, pub = publicResources.words
        for pass in 0..<4 where out.count < limit {
            let wantPublic = pass < 2, wantChanges = pass % 2 == 0
            for i in resources.indices where out.count < limit {
                var w = resources[i] & (wantPublic ? pub[i] : ~pub[i]) & (wantChanges ? changes[i] : ~changes[i])
                while w != 0, out.count < limit {
                    let ordinal = i << 6 + w.trailingZeroBitCount
                    w &= w - 1
                    if ordinal != entered, shown[Int(categories.categoryOf[ordinal])] { out.append(categories.entries[ordinal].arn) }
                }
            }
        }
        return out
    }

    /// Each class's answers as a reach (bits and levels), for the classes some entry role shares
    /// whole, on every core.
    func groupAnswers() -> [Int: EntryRoleReach] {
        var used: Set<Int> = []
        for role in reachedRoles {
            for share in table.roles[role]?.shares ?? [] where share.except.isEmpty { used.insert(share.group) }
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
