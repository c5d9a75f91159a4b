import Concurrency
import Graph
import Policy
import Snapshot

/// Answers "who can reach this resource, by which path, and what grants it": every principal
/// with direct access after all policy types, then everyone who can assume those roles,
/// transitively (shortest chain first).
public struct WhoCanAnalyzer: Sendable {
    public let model: AccessModel

    public init(model: AccessModel) { self.model = model }

    /// An unknown resource is an error that names it.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unknownResource(String)

        public var description: String {
            switch self {
            case .unknownResource(let arn): "resource \(arn) is not in the snapshot (no policy or settings of it were collected)"
            }
        }
    }

    /// Who can perform `actions` (all actions of the resource's type when empty) on `resource`.
    /// Direct access is decided once per class of alike principals (`accessWithGrants(of:to:)`);
    /// the walk back through role assumption looks only at principals not reached yet
    /// (`CallerSearch`). A row through roles carries the access of the last role of its path and
    /// names that role and its grants.
    /// `stages` is told what each stage did and how long it took.
    public func whoCan(
        _ resource: String, actions: [String] = [], stages: AnalysisSession.StageTimer? = nil
    ) throws(Failure) -> WhoCanResult {
        guard let r = model.resources[resource] else { throw .unknownResource(resource) }
        let clock = ContinuousClock()
        var start = clock.now
        func stage(_ name: @autoclosure () -> String) {
            guard let stages else { return }
            stages(name(), clock.now - start)
            start = clock.now
        }
        let only = actions.isEmpty ? nil : Set(actions.map { $0.lowercased() })
        let levels = AccessLevels(catalog: (model.vocabulary as? CatalogVocabulary)?.catalog)
        var reaches: [String: Reach] = [:]
        var queue: [String] = []
        let search = CallerSearch(model: model)
        let candidates = model.candidatePrincipals(for: r)
        stage("who-can: candidates (\(candidates.count))")
        let answers = model.accessWithGrants(of: candidates, to: r, actions: only)
        stage("who-can: direct access")
        let answered = zip(candidates, answers).compactMap { p, answer in answer.map { (p, $0.access, $0.grants) } }
        let model = self.model
        let grantedBy = ParallelMap.map(answered) { p, _, grants in Grant.grants(grants, of: p, on: r, in: model) }
        for ((p, access, _), grantedBy) in zip(answered, grantedBy) {
            reaches[p.id] = Reach(
                principal: p.id, kind: p.node.kind, actions: access.actions, accessLevels: levels.summary(of: access.actions),
                conditional: access.isConditional, conditions: access.conditions, deniedWhen: access.deniedWhen, path: [p.id, r.arn],
                grantedBy: grantedBy)
            queue.append(p.id)
            search.markReached(p.id)
        }
        stage("who-can: direct rows (\(queue.count))")
        // Breadth first, backwards: who can assume a role that reaches the resource.
        var chains: [String: [Grant]] = [:]
        var i = 0
        while i < queue.count {
            let target = queue[i]
            i += 1
            guard let via = reaches[target] else { continue }
            for e in search.edges(into: target) where reaches[e.from] == nil {
                let conditions = merge(e.conditions, via.conditions)
                let deniedWhen = merge(e.deniedWhen, via.deniedWhen)
                let grantedBy = chains[via.path[via.path.count - 2]] ?? chain(through: via)
                chains[via.path[via.path.count - 2]] = grantedBy
                reaches[e.from] = Reach(
                    principal: e.from, kind: model.principal(e.from)?.node.kind, actions: via.actions, accessLevels: via.accessLevels,
                    conditional: !conditions.isEmpty || !deniedWhen.isEmpty, conditions: conditions, deniedWhen: deniedWhen,
                    path: [e.from] + via.path, grantedBy: grantedBy)
                queue.append(e.from)
                search.markReached(e.from)
            }
        }
        stage("who-can: through roles (\(queue.count) rows)")
        // Indices sorted, not the rows (each principal is one row: the order is total).
        let values = Array(reaches.values)
        let order = values.indices.sorted { (values[$0].path.count, values[$0].principal) < (values[$1].path.count, values[$1].principal) }
        let rows = order.map { values[$0] }
        stage("who-can: sort")
        return WhoCanResult(resource: r.arn, resourceType: r.type, principals: rows)
    }

    /// The grant of a row reached through `via`: the last role of its path (the one whose access
    /// is used) and that role's own grants.
    func chain(through via: Reach) -> [Grant] {
        let role = via.path[via.path.count - 2]
        let own = via.grantedBy.first?.type == .roleChain ? via.grantedBy.first?.grantedBy ?? [] : via.grantedBy
        return [Grant.roleChain(role, grants: own)]
    }
}

/// Access-level summaries of action lists, each distinct list summarised once.
struct AccessLevels {
    let catalog: ActionCatalog?
    private let cache = SummaryCache()

    init(catalog: ActionCatalog?) { self.catalog = catalog }

    func summary(of actions: [String]) -> AccessLevelSummary? {
        guard let catalog else { return nil }
        let key = ActionListInterning.Storage(actions)
        if let known = cache.byStorage[key] { return known }
        let s = cache.byContent[actions] ?? AccessLevelSummary(actions: actions, catalog: catalog)
        cache.byContent[actions] = s
        cache.byStorage[key] = s
        cache.keepAlive.append(actions)
        return s
    }

    /// Summaries by array storage (while `keepAlive` holds the arrays, a storage is one list) and by content.
    final class SummaryCache {
        var byStorage: [ActionListInterning.Storage: AccessLevelSummary] = [:]
        var byContent: [[String]: AccessLevelSummary] = [:]
        var keepAlive: [[String]] = []
    }
}
