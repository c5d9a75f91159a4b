import Graph
import Policy
import Snapshot

/// Answers "who can reach this resource, and by which path": every principal with
/// direct access after all policy types, then everyone who can assume those roles,
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
    public func whoCan(_ resource: String, actions: [String] = []) throws(Failure) -> WhoCanResult {
        guard let r = model.resources[resource] else { throw .unknownResource(resource) }
        let only = actions.isEmpty ? nil : Set(actions.map { $0.lowercased() })
        var reaches: [String: Reach] = [:]
        var queue: [String] = []
        for p in model.candidatePrincipals(for: r) {
            guard let access = model.access(of: p, to: r, actions: only) else { continue }
            reaches[p.id] = Reach(
                principal: p.id, actions: access.actions, conditional: access.isConditional, conditions: access.conditions,
                deniedWhen: access.deniedWhen, path: [p.id, r.arn])
            queue.append(p.id)
        }
        // Reverse breadth-first search: who can assume a role that reaches the resource.
        let edgeCache = AssumeEdgeCache()
        var i = 0
        while i < queue.count {
            let target = queue[i]
            i += 1
            guard let via = reaches[target] else { continue }
            for e in model.edges(into: target, cache: edgeCache) where reaches[e.from] == nil {
                let conditions = merge(e.conditions, via.conditions)
                let deniedWhen = merge(e.deniedWhen, via.deniedWhen)
                reaches[e.from] = Reach(
                    principal: e.from, actions: via.actions, conditional: !conditions.isEmpty || !deniedWhen.isEmpty,
                    conditions: conditions, deniedWhen: deniedWhen, path: [e.from] + via.path)
                queue.append(e.from)
            }
        }
        return WhoCanResult(
            resource: r.arn, resourceType: r.type,
            principals: reaches.values.sorted { ($0.path.count, $0.principal) < ($1.path.count, $1.principal) })
    }
}
