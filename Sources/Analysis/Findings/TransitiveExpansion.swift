import Concurrency
import Foundation
import Graph

/// What an entry role reaches, resource by resource, for every principal entering it: the
/// shortest chain to the first role that reaches each resource, the conditions met along it,
/// and the actions of every role reached, merged.
struct ExpandedReach: Sendable {
    struct Record: Sendable {
        let ordinal: Int
        /// The step (in `EntryRole.steps`) whose chain the finding shows.
        let step: Int
        var actions: [String]
        let conditions: [String: [String: [String]]]
        let deniedWhen: [String: [String: [String]]]
    }

    /// By resource ordinal.
    let records: [Record]
    /// The roles reached (breadth first, the entry role first), with the chain to each.
    let steps: [RoleReachability.Step]
}

extension FindingsAnalysis {
    /// Each entry's transitive findings (see `FindingsAnalysis` for the rule), entry by entry:
    /// entry roles by ARN, their entries by principal then conditions, each entry's findings by
    /// resource ARN. `transform` runs on every core, given the entry (the direct finding on the
    /// role) and its findings; `consume` gets the results in that order, on the caller's thread.
    /// At most a few entry roles' findings are alive at a time: memory does not grow with the
    /// number of findings.
    public func forEachTransitiveFinding<T: Sendable>(
        _ transform: @Sendable (_ entry: Finding, _ findings: [Finding]) -> T, consume: (T) throws -> Void
    ) rethrows {
        let window = max(2, 2 * ProcessInfo.processInfo.activeProcessorCount)
        let analysis = self
        var start = 0
        while start < entryRoles.count {
            let slice = Array(entryRoles[start..<min(start + window, entryRoles.count)])
            let parts = ParallelMap.map(slice) { role -> [T] in
                let expanded = analysis.expand(role)
                return role.entries.map { entry in transform(entry, analysis.findings(of: entry, through: role, expanded: expanded)) }
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

    /// One entry's findings: its role's reach outside the principal's zone of trust, in the
    /// categories the filter admits.
    func findings(of entry: Finding, through role: EntryRole, expanded: ExpandedReach) -> [Finding] {
        let inside = accountsInsideZone(of: entry.principal)
        let shown = categories.categories.indices.map { admitted[$0] && !inside.contains(categories.categories[$0].account) }
        var out: [Finding] = []
        var paths: [Int: [String]] = [:]
        for record in expanded.records where shown[Int(categories.categoryOf[record.ordinal])] {
            let r = categories.entries[record.ordinal]
            let chain: [String]
            if let known = paths[record.step] {
                chain = known
            } else {
                chain = [entry.principal] + expanded.steps[record.step].path
                paths[record.step] = chain
            }
            out.append(Finding(
                resource: r.arn, resourceType: r.type, principal: entry.principal, isPublic: entry.isPublic, actions: record.actions,
                conditions: merged(entry.conditions, record.conditions), deniedWhen: merged(entry.deniedWhen, record.deniedWhen),
                path: r.isRole ? chain : chain + [r.arn]))
        }
        return out
    }

    /// An entry role's reach resource by resource (see `ExpandedReach`).
    func expand(_ role: EntryRole) -> ExpandedReach {
        let steps = graph.rolesReachable(from: [(role.role, [:], [:])])
        var records: [ExpandedReach.Record] = []
        // Resource ordinal -> position in records (-1: not met yet), and the distinct action lists
        // met for it (merged once at the end).
        var index = [Int32](repeating: -1, count: categories.count)
        var actionLists: [Int: [[String]]] = [:]
        func visit(_ list: [FindingsAnalyzer.Reached], except: Set<Int>, step: Int) {
            let s = steps[step]
            list.withUnsafeBufferPointer { reached in
                for k in reached.indices {
                    let ordinal = reached[k].ordinal
                    if !except.isEmpty, except.contains(ordinal) { continue }
                    let known = Int(index[ordinal])
                    if known >= 0 {
                        let actions = reached[k].access.actions
                        if records[known].actions == actions { continue }
                        var lists = actionLists[known] ?? [records[known].actions]
                        if !lists.contains(actions) { lists.append(actions); actionLists[known] = lists }
                        continue
                    }
                    index[ordinal] = Int32(records.count)
                    let access = reached[k].access
                    records.append(ExpandedReach.Record(
                        ordinal: ordinal, step: step, actions: access.actions, conditions: merged(s.conditions, access.conditions),
                        deniedWhen: merged(s.deniedWhen, access.deniedWhen)))
                }
            }
        }
        for (i, step) in steps.enumerated() {
            if step.path.count > 1, let target = model.resources[step.role], let ordinal = categories.ordinalOf[ObjectIdentifier(target)],
                index[ordinal] < 0
            {
                index[ordinal] = Int32(records.count)
                records.append(ExpandedReach.Record(
                    ordinal: ordinal, step: i, actions: FindingsAnalyzer.assumeRoleActions, conditions: step.conditions,
                    deniedWhen: step.deniedWhen))
            }
            guard let access = table.roles[step.role] else { continue }
            visit(access.own, except: [], step: i)
            for share in access.shares { visit(table.groups[share.group], except: share.except, step: i) }
        }
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
        return ExpandedReach(records: records, steps: steps)
    }
}

/// `merge(a, b)`, without work when either is empty.
func merged(_ a: [String: [String: [String]]], _ b: [String: [String: [String]]]) -> [String: [String: [String]]] {
    if b.isEmpty { return a }
    if a.isEmpty { return b }
    return merge(a, b)
}
