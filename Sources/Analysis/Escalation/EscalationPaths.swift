import Graph
import Policy

/// Every simple path from one principal to a target (a resource, or a principal to act as),
/// through role assumption, escalation and self-grants, shortest first. The enumeration is
/// bounded: at most `maxSteps` principals are passed through and `maxPaths` paths returned
/// (`truncated` says when the bound was hit).
public struct EscalationPaths: Sendable {
    public let escalation: Escalation
    public var maxSteps = 6
    public var maxPaths = 100
    public var model: AccessModel { escalation.model }

    public init(escalation: Escalation, maxSteps: Int = 6, maxPaths: Int = 100) {
        self.escalation = escalation
        self.maxSteps = maxSteps
        self.maxPaths = maxPaths
    }

    /// An unknown source or target names itself.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unknownPrincipal(String)
        case unknownTarget(String)

        public var description: String {
            switch self {
            case .unknownPrincipal(let p): "principal \(p) is not a user or role of the snapshot"
            case .unknownTarget(let t): "\(t) is not a principal or resource of the snapshot"
            }
        }
    }

    public struct Result: Sendable, Codable, Equatable {
        public var from: String
        public var to: String
        public var paths: [EscalatedReach]
        /// True when a bound stopped the enumeration (more paths may exist).
        public var truncated: Bool
    }

    /// The paths from `source` to `target`; `actions` (for a resource target) limits the access asked for.
    public func paths(from source: String, to target: String, actions: [String] = []) throws(Failure) -> Result {
        guard model.principals[source] != nil else { throw .unknownPrincipal(source) }
        let resource = model.resources[target].flatMap { $0.isRole ? nil : $0 }
        guard resource != nil || model.principals[target] != nil else { throw .unknownTarget(target) }
        let only = actions.isEmpty ? nil : Set(actions.map { $0.lowercased() })
        var search = Search(escalation: escalation, edgesFrom: EdgesFrom(model: model))
        var found: [[PathStep]] = []
        var truncated = false
        var stack: [(String, [PathStep], Set<String>)] = [(source, [], [source])]
        while let (node, steps, visited) = stack.popLast() {
            if node == target, !steps.isEmpty {
                found.append(steps)
                continue
            }
            if let resource, let p = model.principals[node] {
                found += finishing(p, at: resource, only: only).map { steps + $0 }
            }
            guard steps.filter({ $0.kind != .grant }).count < maxSteps else {
                truncated = truncated || !search.next(node).isEmpty
                continue
            }
            for step in search.next(node).reversed() where !visited.contains(step.to) {
                stack.append((step.to, steps + [step], visited.union([step.to])))
            }
            if found.count >= maxPaths * 4 { truncated = true; break }
        }
        let sorted = found.sorted { a, b in a.count != b.count ? a.count < b.count : a.map(\.to).lexicographicallyPrecedes(b.map(\.to)) }
        if sorted.count > maxPaths { truncated = true }
        let paths = sorted.prefix(maxPaths).map { steps in
            EscalatedReach(principal: source, actions: steps.last?.kind == .access ? (steps.last?.technique.components(separatedBy: ", ") ?? []) : [], steps: steps)
        }
        return Result(from: source, to: target, paths: Array(paths), truncated: truncated)
    }

    /// The last steps from `p` to the resource: its own access, or a self-grant then the access.
    func finishing(_ p: PrincipalEntry, at r: ResourceEntry, only: Set<String>?) -> [[PathStep]] {
        if let access = model.access(of: p, to: r, actions: only) { return [[EscalationWhoCan.accessStep(p.id, r.arn, access)]] }
        for g in escalation.selfGrants(of: p.id) {
            guard let grant = g.grant, let access = model.access(of: escalation.granted(p, grant), to: r, actions: only) else { continue }
            return [[PathStep(g), EscalationWhoCan.accessStep(p.id, r.arn, access)]]
        }
        return []
    }

    /// The steps out of each principal, built once per principal the search meets.
    struct Search {
        let escalation: Escalation
        let edgesFrom: EdgesFrom
        let memo = EscalationMemo()
        var cache: [String: [PathStep]] = [:]

        mutating func next(_ node: String) -> [PathStep] {
            if let known = cache[node] { return known }
            let steps = edgesFrom.edges(from: node).map(PathStep.init(assume:)) + escalation.edges(from: node, memo: memo).map(PathStep.init)
            cache[node] = steps
            return steps
        }
    }
}
