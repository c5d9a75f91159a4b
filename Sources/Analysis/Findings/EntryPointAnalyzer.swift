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

extension FindingsAnalysis {
    /// Per resource (ordinal): the access levels of what it is reached with, and `reachedBit`.
    typealias LevelsByResource = [UInt8]

    /// Set in `LevelsByResource` for every resource reached.
    static let reachedBit: UInt8 = 0x80

    /// One entry point per (outside principal, entry role, conditions) the filter admits whose
    /// share of the principal's transitive findings is not empty, counted by account and type in
    /// the accounts and types the filter admits; by principal, role, then conditions.
    public func entryPoints() -> [EntryPoint] {
        let levels = originLevels()
        let analysis = self
        let perOrigin = ParallelMap.map(Array(origins.indices)) { i in analysis.entryPoints(of: analysis.origins[i], levels: levels[i]) }
        return perOrigin.joined().sorted { a, b in
            if a.principal != b.principal { return a.principal < b.principal }
            if a.role != b.role { return a.role < b.role }
            if a.isPublic != b.isPublic { return a.isPublic }
            return (Finding.key(a.conditions), Finding.key(a.deniedWhen)) < (Finding.key(b.conditions), Finding.key(b.deniedWhen))
        }
    }

    /// What each origin reaches, resource by resource, with the levels of the actions of every
    /// role it reaches: worked out once per component of the role graph, successors first, each
    /// component's answer kept only while a component reaching it still needs it.
    func originLevels() -> [LevelsByResource] {
        let components = RoleComponents(next: numbering.next)
        var startsOf: [Int: [Int]] = [:]  // component -> origins starting in it
        for (o, origin) in origins.enumerated() {
            for role in Set(origin.starts) {
                if let n = numbering.number[role] { startsOf[Int(components.component[Int(n)]), default: []].append(o) }
            }
        }
        var remaining = [Int](repeating: 0, count: components.members.count)
        for successors in components.successors { for s in successors { remaining[s] += 1 } }
        var kept: [Int: LevelsByResource] = [:]
        var out = [LevelsByResource](repeating: LevelsByResource(repeating: 0, count: categories.count), count: origins.count)
        for c in components.members.indices {
            var levels = LevelsByResource(repeating: 0, count: categories.count)
            var visited = [Bool](repeating: false, count: table.groups.count)
            for role in components.members[c] { add(Int(role), to: &levels, visited: &visited) }
            for s in components.successors[c] {
                Self.union(&levels, kept[s]!)
                remaining[s] -= 1
                if remaining[s] == 0 { kept[s] = nil }
            }
            for o in startsOf[c] ?? [] { Self.union(&out[o], levels) }
            if remaining[c] > 0 { kept[c] = levels }
        }
        return out
    }

    /// What a role (or a principal reached by escalation), by number (`RoleNumbering`), can
    /// access, but for the classes' answers already added (`RoleAccessTable.answers(of:visited:)`),
    /// and the roles it enters (with the levels of `sts:AssumeRole` or of the escalation's
    /// actions, `arrivalLevels`): every role reached but the starts is entered by an edge out of
    /// a role reached.
    func add(_ role: Int, to levels: inout LevelsByResource, visited: inout [Bool]) {
        for (e, t) in zip(numbering.edges[role], numbering.next[role]) {
            let ordinal = Int(numbering.ordinal[Int(t)])
            if ordinal >= 0 { levels[ordinal] |= arrivalLevels(e).raw | Self.reachedBit }
        }
        guard let access = numbering.access[role] else { return }
        for (list, except) in table.answers(of: access, visited: &visited) {
            for r in list {
                let bits = r.levels.raw | Self.reachedBit
                let map = table.ordinalMap(of: r)
                for m in r.members {
                    let ordinal = map.map { Int($0[Int(m)]) } ?? Int(m)
                    if except.isEmpty || !except.contains(ordinal) { levels[ordinal] |= bits }
                }
            }
        }
    }

    static func union(_ a: inout LevelsByResource, _ b: LevelsByResource) {
        a.withUnsafeMutableBytes { a in
            b.withUnsafeBytes { b in
                let n = a.count / 8
                let wa = a.bindMemory(to: UInt64.self), wb = b.bindMemory(to: UInt64.self)
                for i in 0..<n { wa[i] |= wb[i] }
                let ba = a.bindMemory(to: UInt8.self), bb = b.bindMemory(to: UInt8.self)
                for i in (n * 8)..<a.count { ba[i] |= bb[i] }
            }
        }
    }

    /// One origin's entry points: its search from all its entries shares out what it reaches
    /// (each resource to the entry of the first role, breadth first, that reaches it), stopping as
    /// soon as everything reached has an entry.
    func entryPoints(of origin: Origin, levels all: LevelsByResource) -> [EntryPoint] {
        UnusedMarks.mark(unmarkedEntryPoints(of: origin, levels: all), with: unusedRoles)
    }

    /// `entryPoints(of:levels:)` before unused entry roles are marked.
    func unmarkedEntryPoints(of origin: Origin, levels all: LevelsByResource) -> [EntryPoint] {
        var levels = all
        let inside = accountsInsideZone(of: origin.principal)
        let shown = categories.categories.indices.map { admitted[$0] && !inside.contains(categories.categories[$0].account) }
        // Not findings: the roles it enters, what it has a direct finding on, what is not shown.
        let starts = origin.starts
        for role in starts {
            if let r = model.resources[role], let i = categories.ordinalOf[ObjectIdentifier(r)] { levels[i] &= ~Self.reachedBit }
        }
        for i in directResources[origin.principal] ?? [] { levels[i] &= ~Self.reachedBit }
        var total = 0
        for i in levels.indices where levels[i] & Self.reachedBit != 0 {
            if shown[Int(categories.categoryOf[i])] { total += 1 } else { levels[i] &= ~Self.reachedBit }
        }
        // Entry (start index) of each resource reached, breadth first from every start at once,
        // over the numbered principals (`RoleNumbering`). A class's answers in a partition with
        // nothing left to claim are passed over: every member is claimed or not to be.
        var owner = [Int32](repeating: -1, count: categories.count)
        var claimed = 0
        var remaining = [Int32](repeating: 0, count: table.ordinals.count)
        for (p, ordinals) in table.ordinals.enumerated() {
            for o in ordinals where levels[Int(o)] & Self.reachedBit != 0 { remaining[p] += 1 }
        }
        func claim(_ i: Int, by entry: Int32) {
            owner[i] = entry
            claimed += 1
            for p in table.partitionsOf.of(i) { remaining[Int(p)] -= 1 }
        }
        var queue = starts.map { numbering.number[$0]! }
        var from = Array(starts.indices)
        var seen = [Bool](repeating: false, count: numbering.next.count)
        for q in queue { seen[Int(q)] = true }
        var k = 0
        var visited = [Bool](repeating: false, count: table.groups.count)
        while k < queue.count, claimed < total {
            let role = Int(queue[k]), entry = Int32(from[k])
            k += 1
            let i = Int(numbering.ordinal[role])
            if i >= 0, levels[i] & Self.reachedBit != 0, owner[i] < 0 { claim(i, by: entry) }
            // A class's answers met earlier in the search are claimed already.
            var answers: [(list: [FindingsAnalyzer.Reached], except: Set<Int>)] = []
            if let access = numbering.access[role] { answers = table.answers(of: access, visited: &visited) }
            for (list, except) in answers {
                for r in list where r.partition < 0 || remaining[r.partition] > 0 {
                    let map = table.ordinalMap(of: r)
                    for m in r.members {
                        let ordinal = map.map { Int($0[Int(m)]) } ?? Int(m)
                        guard levels[ordinal] & Self.reachedBit != 0, owner[ordinal] < 0 else { continue }
                        if !except.isEmpty, except.contains(ordinal) { continue }
                        claim(ordinal, by: entry)
                    }
                }
            }
            for t in numbering.next[role] where !seen[Int(t)] {
                seen[Int(t)] = true
                queue.append(t)
                from.append(from[k - 1])
            }
        }
        // Each start's first entry (the search dedupes starts by role) gets its share: one pass
        // over the owners, counted by start and category.
        let width = categories.categories.count
        var counts = [Int](repeating: 0, count: starts.count * width)
        var byCategory = [LevelMask](repeating: .none, count: starts.count * width)
        var mine = [ResourceBits?](repeating: nil, count: starts.count)
        for i in owner.indices where owner[i] >= 0 {
            let s = Int(owner[i]), c = Int(categories.categoryOf[i])
            counts[s * width + c] += 1
            byCategory[s * width + c].formUnion(LevelMask(raw: levels[i] & ~Self.reachedBit))
            if mine[s] == nil { mine[s] = ResourceBits(count: categories.count) }
            mine[s]!.insert(i)
        }
        var out: [EntryPoint] = []
        for (s, role) in starts.enumerated() {
            guard let resources = mine[s] else { continue }
            let entry = origin.entries.first { $0.resource == role }!
            let row = s * width
            let reach = (0..<width).filter { counts[row + $0] > 0 }.map { c in
                EntryReach(
                    account: categories.categories[c].account, resourceType: categories.categories[c].type, resources: counts[row + c],
                    accessLevels: byCategory[row + c].names, isPublic: origin.isPublic)
            }
            out.append(EntryPoint(
                principal: origin.principal, role: role, isPublic: origin.isPublic, conditions: entry.conditions,
                deniedWhen: entry.deniedWhen, resources: counts[row..<(row + width)].reduce(0, +), reach: reach,
                examples: examples(resources, levels: levels)))
        }
        return out
    }

    /// Up to five of `resources`: those with a public direct finding first, then those reached
    /// with Write or Permissions management, then by ARN.
    func examples(_ resources: ResourceBits, levels: LevelsByResource, limit: Int = 5) -> [String] {
        var out: [String] = []
        for pass in 0..<4 where out.count < limit {
            let wantPublic = pass < 2, wantChanges = pass % 2 == 0
            resources.forEach { i in
                guard out.count < limit, publicResources.contains(i) == wantPublic,
                    LevelMask(raw: levels[i]).changes == wantChanges
                else { return }
                out.append(categories.entries[i].arn)
            }
        }
        return out
    }
}
