import Concurrency
import Foundation
import Graph

extension FindingsAnalysis {
    /// Each entry's transitive findings (see `FindingsAnalysis` for the rule), entry by entry:
    /// outside principals in order (public searches first), their entries in the order of the
    /// direct findings, each entry's findings by resource ARN. `transform` runs on every core,
    /// given the entry (the direct finding on the role) and its findings (empty for an entry that
    /// gets none); `consume` gets the results in that order, on the caller's thread. A few
    /// principals' findings are alive at a time: memory does not grow with the number of findings.
    public func forEachTransitiveFinding<T: Sendable>(
        _ transform: @Sendable (_ entry: Finding, _ findings: [Finding]) -> T, consume: (T) throws -> Void
    ) rethrows {
        let window = max(2, ProcessInfo.processInfo.activeProcessorCount)
        let analysis = self
        var start = 0
        while start < origins.count {
            let slice = Array(origins[start..<min(start + window, origins.count)])
            let parts = ParallelMap.map(slice) { origin -> [T] in
                let byStart = analysis.findings(of: origin)
                let starts = origin.starts
                return origin.entries.map { entry in
                    // The search starts once per role: its first entry carries the findings.
                    let s = starts.firstIndex(of: entry.resource)!
                    let first = origin.entries.first { $0.resource == entry.resource }! == entry
                    return transform(entry, first ? byStart[s] : [])
                }
            }
            for part in parts { for t in part { try consume(t) } }
            start += window
        }
    }

    /// Every transitive finding, in `forEachTransitiveFinding`'s order.
    public func transitiveFindings() -> [Finding] {
        var out: [Finding] = []
        forEachTransitiveFinding({ _, found in found }, consume: { out += $0 })
        return out
    }

    /// One principal's transitive findings, by start (the index of its chain's first role in
    /// `origin.starts`), each list by resource ARN: one breadth-first search from every start at
    /// once, one finding per resource with the shortest chain to the first role that reaches it
    /// and the actions of every role reached, merged.
    func findings(of origin: Origin) -> [[Finding]] {
        let starts = origin.starts
        let entryOf = Dictionary(origin.entries.reversed().map { ($0.resource, $0) }, uniquingKeysWith: { $1 })
        let steps = graph.rolesReachable(from: starts.map { ($0, entryOf[$0]!.conditions, entryOf[$0]!.deniedWhen) })
        let startIndex = Dictionary(uniqueKeysWithValues: starts.enumerated().map { ($0.element, $0.offset) })
        let inside = accountsInsideZone(of: origin.principal)
        let shown = categories.categories.indices.map { admitted[$0] && !inside.contains(categories.categories[$0].account) }
        let direct = directResources[origin.principal] ?? []
        struct Record {
            let ordinal: Int
            let step: Int
            var actions: [String]
            let conditions: [String: [String: [String]]]
            let deniedWhen: [String: [String: [String]]]
            /// The access's own conditions (for the access step of `Finding.steps`).
            var accessConditions: [String: [String: [String]]] = [:]
            var accessDeniedWhen: [String: [String: [String]]] = [:]
        }
        var records: [Record] = []
        // Resource ordinal -> position in records (-1: not met yet, -2: met, not a finding), and
        // the distinct action lists met for it (merged once at the end).
        var index = [Int32](repeating: -1, count: categories.count)
        for s in starts { if let r = model.resources[s], let i = categories.ordinalOf[ObjectIdentifier(r)] { index[i] = -2 } }
        var actionLists: [Int: [[String]]] = [:]
        func isFinding(_ ordinal: Int) -> Bool { shown[Int(categories.categoryOf[ordinal])] && !direct.contains(ordinal) }
        // A class's answers met at an earlier step add nothing at a later one.
        var visited = [Bool](repeating: false, count: table.groups.count)
        for (i, step) in steps.enumerated() {
            if step.path.count > 1, let target = model.resources[step.role], let ordinal = categories.ordinalOf[ObjectIdentifier(target)],
                index[ordinal] == -1
            {
                if isFinding(ordinal) {
                    index[ordinal] = Int32(records.count)
                    records.append(Record(
                        ordinal: ordinal, step: i, actions: arrivalActions(steps, i), conditions: step.conditions,
                        deniedWhen: step.deniedWhen))
                } else {
                    index[ordinal] = -2
                }
            }
            for (list, except) in table.answers(of: step.role, visited: &visited) {
                for reached in list {
                    let map = table.ordinalMap(of: reached)
                    for m in reached.members {
                        let ordinal = map.map { Int($0[Int(m)]) } ?? Int(m)
                        let known = Int(index[ordinal])
                        if known == -2 { continue }
                        if !except.isEmpty, except.contains(ordinal) { continue }
                        if known >= 0 {
                            let actions = reached.access.actions
                            if records[known].actions == actions { continue }
                            var lists = actionLists[known] ?? [records[known].actions]
                            if !lists.contains(actions) { lists.append(actions); actionLists[known] = lists }
                            continue
                        }
                        guard isFinding(ordinal) else { index[ordinal] = -2; continue }
                        index[ordinal] = Int32(records.count)
                        let a = reached.access
                        records.append(Record(
                            ordinal: ordinal, step: i, actions: a.actions, conditions: merged(step.conditions, a.conditions),
                            deniedWhen: merged(step.deniedWhen, a.deniedWhen), accessConditions: a.conditions,
                            accessDeniedWhen: a.deniedWhen))
                    }
                }
            }
        }
        if escalationSteps != nil { addArrivals(steps, index: index, current: records.map(\.actions), to: &actionLists) }
        // Lists are canonical (`ActionListInterning`): records with the same lists share one merge.
        var mergedLists: [[ActionListInterning.Storage]: [String]] = [:]
        for (i, lists) in actionLists where lists.count > 1 {
            let key = lists.map(ActionListInterning.Storage.init).sorted { ($0.address, $0.count) < ($1.address, $1.count) }
            if let known = mergedLists[key] {
                records[i].actions = known
            } else {
                records[i].actions = lists.dropFirst().reduce(lists[0], AccessModel.mergeSorted)
                mergedLists[key] = records[i].actions
            }
        }
        records.sort { $0.ordinal < $1.ordinal }
        var out = [[Finding]](repeating: [], count: starts.count)
        var named = [[PathStep]?](repeating: nil, count: escalationSteps == nil ? 0 : steps.count)
        for record in records {
            let r = categories.entries[record.ordinal]
            let step = steps[record.step]
            // A grant node is the principal before it (the grant is a step, not a hop).
            let chain = [origin.principal] + (escalationSteps == nil ? step.path : step.path.filter { escalationSteps!.grants[$0] == nil })
            var stepsOf: [PathStep]?
            if escalationSteps != nil {
                if named[record.step] == nil { named[record.step] = pathSteps(origin, entryOf[step.path[0]]!, step) }
                stepsOf = named[record.step]!
                if !r.isRole {
                    stepsOf!.append(PathStep(
                        from: escalationSteps!.principal(of: step.role), to: r.arn, kind: .access, technique: record.actions.joined(separator: ", "),
                        conditions: record.accessConditions, deniedWhen: record.accessDeniedWhen))
                }
            }
            out[startIndex[step.path[0]]!].append(Finding(
                resource: r.arn, resourceType: r.type, principal: origin.principal, isPublic: origin.isPublic, actions: record.actions,
                conditions: record.conditions, deniedWhen: record.deniedWhen, path: r.isRole ? chain : chain + [r.arn], steps: stepsOf))
        }
        return out
    }
}

/// `merge(a, b)`, without work when either is empty.
func merged(_ a: [String: [String: [String]]], _ b: [String: [String: [String]]]) -> [String: [String: [String]]] {
    if b.isEmpty { return a }
    if a.isEmpty { return b }
    return merge(a, b)
}
