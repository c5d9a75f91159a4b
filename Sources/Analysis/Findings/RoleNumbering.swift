import Graph

/// The principals a findings analysis walks (the roles reached and every target of the role
/// graph), numbered, for the searches that visit them once per outside principal: by number, the
/// principals each one enters (in the role graph's order), the ordinal of its role as a
/// resource, and its row of the access table. Numbers follow `reachedRoles`, then first
/// appearance in the graph's edges, so they are the same on every run.
struct RoleNumbering: Sendable {
    let number: [String: Int32]
    let next: [[Int32]]
    /// The role-assumption (and escalation) edges out of each principal, in the order of `next`.
    let edges: [[Edge]]
    /// The resource ordinal (`ResourceCategories`) of each principal's role, -1 when none.
    let ordinal: [Int32]
    let access: [RoleAccessTable.RoleAccess?]

    init(graph: RoleReachability, reached: [String], model: AccessModel, categories: ResourceCategories, table: RoleAccessTable) {
        var number: [String: Int32] = [:]
        var names: [String] = []
        func add(_ name: String) {
            guard number[name] == nil else { return }
            number[name] = Int32(names.count)
            names.append(name)
        }
        for r in reached { add(r) }
        var i = 0
        while i < names.count {
            for e in graph.next[names[i]] ?? [] { add(e.to) }
            i += 1
        }
        self.number = number
        edges = names.map { graph.next[$0] ?? [] }
        next = edges.map { $0.map { number[$0.to]! } }
        ordinal = names.map { name in
            model.resources[name].flatMap { categories.ordinalOf[ObjectIdentifier($0)] }.map(Int32.init) ?? -1
        }
        access = names.map { table.roles[$0] }
    }
}
