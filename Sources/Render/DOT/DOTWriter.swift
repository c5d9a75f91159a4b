import Graph

/// Writes a `RenderView` as DOT text in the module's visual language.
///
/// The text is deterministic: nodes are written sorted by id inside sorted clusters, edges
/// sorted by source, target and kind, attributes in a fixed order. Node names are the
/// access graph ids, so the SVG `<title>` of a node is its id; `id` and `tooltip`
/// attributes carry the id too.
struct DOTWriter: Sendable {
    var options: RenderOptions
    /// Written as the graph's `layout` attribute, so the text lays out the same way with the `dot` command.
    var engine: String?

    func write(_ view: RenderView) -> String {
        var out = "digraph \"accessgraph\" {\n"
        out += "  graph \(DOTText.attributes(graphAttributes))\n"
        out += "  node \(DOTText.attributes([("fontname", Style.font), ("fontsize", "10"), ("style", "filled")]))\n"
        out += "  edge \(DOTText.attributes([("fontname", Style.font), ("fontsize", "8"), ("arrowsize", "0.7")]))\n"

        let placement = Placement(view.nodes)
        for node in placement.outside { out += "  " + nodeLine(node) }
        var organized: [String] = []
        if let organization = options.organization {
            organized = placement.accounts.keys.filter(organization.accounts.contains).sorted()
            if !organized.isEmpty {
                out += "  subgraph \(DOTText.id("cluster_organization")) {\n"
                out += "    graph \(DOTText.attributes(organizationAttributes(organization)))\n"
                for account in organized { out += cluster(account, placement.accounts[account] ?? [], indent: "    ") }
                out += "  }\n"
            }
        }
        for account in placement.accounts.keys.sorted() where !organized.contains(account) {
            out += cluster(account, placement.accounts[account] ?? [], indent: "  ")
        }
        if options.legend && Self.drawsClusters(engine) { out += Legend(view).dot(indent: "  ") }

        var occurrences: [String: Int] = [:]
        for edge in view.edges {
            occurrences[edge.baseID, default: 0] += 1
            let count = occurrences[edge.baseID] ?? 1
            out += "  " + edgeLine(edge, id: count == 1 ? edge.baseID : "\(edge.baseID)#\(count)")
        }
        return out + "}\n"
    }

    /// Whether the engine draws clusters as boxes; the legend is a cluster, and its samples
    /// would be scattered among the nodes by the others (sfdp, neato).
    static func drawsClusters(_ engine: String?) -> Bool {
        engine == nil || engine == "dot" || engine == "fdp"
    }

    private var graphAttributes: [(String, String)] {
        var attributes: [(String, String)] = [
            ("rankdir", "LR"), ("fontname", Style.font), ("fontsize", "10"), ("newrank", "true"),
            ("outputorder", "edgesfirst"), ("nodesep", "0.35"), ("ranksep", "0.7"),
        ]
        if let engine, engine != "dot" {
            attributes += [("layout", engine), ("overlap", "prism"), ("splines", "false")]
        } else if let engine {
            attributes.append(("layout", engine))
        }
        if let title = options.title { attributes += [("label", title), ("labelloc", "t")] }
        return attributes
    }

    private func organizationAttributes(_ organization: Organization) -> [(String, String)] {
        [("label", "organization \(organization.name)"), ("style", "rounded,filled"),
         ("fillcolor", Style.organizationFill), ("color", Style.organizationBorder), ("penwidth", "1.5")]
    }

    private func cluster(_ account: String, _ nodes: [ViewNode], indent: String) -> String {
        let label = options.accountNames[account].map { "\($0) (\(account))" } ?? "account \(account)"
        var out = "\(indent)subgraph \(DOTText.id("cluster_account_\(account)")) {\n"
        out += "\(indent)  graph \(DOTText.attributes([("id", "account:\(account)"), ("label", label), ("style", "rounded,filled"), ("fillcolor", Style.accountFill), ("color", Style.accountBorder)]))\n"
        for node in nodes { out += "\(indent)  " + nodeLine(node) }
        return out + "\(indent)}\n"
    }

    func nodeLine(_ node: ViewNode) -> String {
        let style = Style.node(node.drawnCategory)
        var attributes: [(String, String)] = [
            ("id", node.id), ("label", DOTText.truncated(node.label)), ("tooltip", node.tooltip),
            ("shape", style.shape), ("style", style.rounded ? "filled,rounded" : "filled"),
            ("fillcolor", style.fill), ("color", style.border), ("fontcolor", style.fontColor),
        ]
        if node.isGroup { attributes.append(("peripheries", "2")) }
        return "\(DOTText.id(node.id)) \(DOTText.attributes(attributes))\n"
    }

    func edgeLine(_ edge: ViewEdge, id: String) -> String {
        var attributes: [(String, String)] = [("id", id)]
        var color = Style.access
        switch edge.kind {
        case .memberOf:
            color = Style.member
            attributes += [("style", "dotted"), ("arrowhead", "empty")]
        case .canAssume:
            color = Style.assume
        case .canAccess:
            break
        case .canEscalate:
            color = Style.escalate
            attributes += Style.escalateEdge
        }
        let label = edge.label ?? Self.defaultLabel(edge, maxActions: options.maxActionsInLabel)
        if !label.isEmpty { attributes.append(("label", label)) }
        if edge.isExternal || edge.isPublic {
            color = Style.external
            attributes.append(("fontcolor", Style.external))
        }
        if edge.isPublic { attributes.append(("penwidth", "2")) }
        if edge.isConditional && edge.kind != .memberOf { attributes.append(("style", "dashed")) }
        attributes.insert(("color", color), at: 1)
        attributes.append(("tooltip", tooltip(edge)))
        return "\(DOTText.id(edge.from)) -> \(DOTText.id(edge.to)) \(DOTText.attributes(attributes))\n"
    }

    /// The label of an edge whose view gave none: its actions for access, the technique for escalation.
    private static func defaultLabel(_ edge: ViewEdge, maxActions: Int) -> String {
        switch edge.kind {
        case .canAccess: ActionSummary.label(edge.actions, limit: maxActions)
        case .canEscalate: edge.actions.first ?? ""
        case .memberOf, .canAssume: ""
        }
    }

    private func tooltip(_ edge: ViewEdge) -> String {
        let verb: String
        switch edge.kind {
        case .memberOf: verb = "is a member of"
        case .canAssume: verb = "can assume"
        case .canAccess: verb = "can access"
        case .canEscalate: verb = "can act as (privilege escalation)"
        }
        var lines = ["\(edge.from) \(verb) \(edge.to)"]
        if edge.isPublic { lines.append("PUBLIC") } else if edge.isExternal { lines.append("EXTERNAL") }
        if !edge.actions.isEmpty {
            lines.append("actions: " + edge.actions.prefix(30).joined(separator: ", ")
                + (edge.actions.count > 30 ? ", … (\(edge.actions.count) in all)" : ""))
        }
        if !edge.conditions.isEmpty { lines += ["only if:"] + ConditionText.lines(edge.conditions) }
        if let note = edge.note { lines.append(note) }
        return lines.joined(separator: "\n")
    }
}

/// Which nodes go inside which account cluster, and which stay outside every cluster.
struct Placement {
    var accounts: [String: [ViewNode]] = [:]
    var outside: [ViewNode] = []

    /// Users, roles and resources go in their account's cluster. An account principal goes in its
    /// account's cluster when that cluster exists; external principals, services, federated
    /// identities and everyone stay outside. `nodes` must be sorted; the order is kept.
    init(_ nodes: [ViewNode]) {
        var categories: [String: NodeCategory] = [:]
        var clustered = Set<String>()
        for node in nodes {
            let category = node.drawnCategory
            categories[node.id] = category
            if category.belongsInAccount, category != .account, let account = node.account { clustered.insert(account) }
        }
        for node in nodes {
            if let account = node.account, clustered.contains(account), categories[node.id]?.belongsInAccount == true {
                accounts[account, default: []].append(node)
            } else {
                outside.append(node)
            }
        }
    }
}
