/// Principals and resources with the edges between them: who is a member of
/// what, who can assume which role, who can access which resource.
public struct AccessGraph: Sendable {
    public private(set) var nodes: [String: Node] = [:]
    public private(set) var edges: [Edge] = []
    /// Indices into `edges` by source and by target node id.
    public private(set) var outgoing: [String: [Int]] = [:]
    public private(set) var incoming: [String: [Int]] = [:]
    /// Which (source, target) pairs have an edge, for `hasEdge(from:to:)`.
    private var pairs: Set<Pair> = []

    private struct Pair: Hashable {
        let from: String
        let to: String
    }

    public init() {}

    /// Adds a node, or keeps the existing one with the same id.
    public mutating func add(_ node: Node) {
        if nodes[node.id] == nil { nodes[node.id] = node }
    }

    /// Adds an edge; both ends must have been added.
    public mutating func add(_ edge: Edge) {
        let i = edges.count
        edges.append(edge)
        outgoing[edge.from, default: []].append(i)
        incoming[edge.to, default: []].append(i)
        pairs.insert(Pair(from: edge.from, to: edge.to))
    }

    /// Whether some edge leads from `from` to `to` (without copying the edges of `from`).
    public func hasEdge(from: String, to: String) -> Bool { pairs.contains(Pair(from: from, to: to)) }

    /// The edges leaving `id`.
    public func edges(from id: String) -> [Edge] { (outgoing[id] ?? []).map { edges[$0] } }

    /// The edges arriving at `id`.
    public func edges(to id: String) -> [Edge] { (incoming[id] ?? []).map { edges[$0] } }
}
