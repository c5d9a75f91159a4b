/// A legend cluster: one sample node per node category the view draws, and one sample
/// edge per edge style it uses. Its node ids start with `legend:`.
struct Legend {
    var categories: [NodeCategory]
    var edgeSamples: [(name: String, attributes: [(String, String)])]

    init(_ view: RenderView) {
        categories = Set(view.nodes.map(\.drawnCategory)).subtracting([.accountCounts]).sorted()
        var samples: [(String, [(String, String)])] = []
        let kinds = Set(view.edges.map(\.kind))
        if kinds.contains(.memberOf) {
            samples.append(("member of", [("color", Style.member), ("style", "dotted"), ("arrowhead", "empty")]))
        }
        if kinds.contains(.canAssume) { samples.append(("can assume", [("color", Style.assume)])) }
        if view.edges.contains(where: { $0.kind == .canAccess && $0.label == nil }) {
            samples.append(("can access (actions)", [("color", Style.access)]))
        }
        if view.edges.contains(where: { $0.kind == .canAccess && $0.label != nil }) {
            samples.append(("reaches (resources · levels)", [("color", Style.access)]))
        }
        if kinds.contains(.canEscalate) {
            samples.append(("privilege escalation (technique)", [("color", Style.escalate)] + Style.escalateEdge))
        }
        if view.edges.contains(where: { $0.isExternal && !$0.isPublic }) {
            samples.append(("external", [("color", Style.external), ("fontcolor", Style.external)]))
        }
        if view.edges.contains(where: \.isPublic) {
            samples.append(("public", [("color", Style.external), ("fontcolor", Style.external), ("penwidth", "2")]))
        }
        if view.edges.contains(where: { $0.isConditional && $0.kind != .memberOf }) {
            samples.append(("conditional", [("color", Style.access), ("style", "dashed")]))
        }
        edgeSamples = samples
    }

    func dot(indent: String) -> String {
        if categories.isEmpty && edgeSamples.isEmpty { return "" }
        var out = "\(indent)subgraph \(DOTText.id("cluster_legend")) {\n"
        out += "\(indent)  graph \(DOTText.attributes([("id", "legend"), ("label", "legend"), ("style", "rounded,dashed"), ("color", "#9ca3af"), ("fontsize", "9")]))\n"
        for category in categories {
            let style = Style.node(category)
            let attributes: [(String, String)] = [
                ("id", "legend:\(category.rawValue)"), ("label", category.legendName), ("tooltip", category.legendName),
                ("shape", style.shape), ("style", style.rounded ? "filled,rounded" : "filled"),
                ("fillcolor", style.fill), ("color", style.border), ("fontcolor", style.fontColor), ("fontsize", "8"),
                ("height", "0.3"), ("margin", "0.05,0.02"),
            ]
            out += "\(indent)  \(DOTText.id("legend:\(category.rawValue)")) \(DOTText.attributes(attributes))\n"
        }
        // Rows of `columns` samples, chained by invisible edges so they sit side by side.
        let columns = 2
        for (index, category) in categories.enumerated() where index % columns != columns - 1 && index + 1 < categories.count {
            let from = "legend:\(category.rawValue)", to = "legend:\(categories[index + 1].rawValue)"
            out += "\(indent)  \(DOTText.id(from)) -> \(DOTText.id(to)) \(DOTText.attributes([("style", "invis")]))\n"
        }
        let point: [(String, String)] = [("shape", "point"), ("width", "0.05"), ("color", "#6b7280"), ("label", "")]
        for (index, sample) in edgeSamples.enumerated() {
            let from = "legend:edge\(index):from", to = "legend:edge\(index):to"
            out += "\(indent)  \(DOTText.id(from)) \(DOTText.attributes([("id", from)] + point))\n"
            out += "\(indent)  \(DOTText.id(to)) \(DOTText.attributes([("id", to)] + point))\n"
            let attributes = [("id", "legend:edge\(index)"), ("label", sample.name), ("tooltip", sample.name)]
                + sample.attributes + [("fontsize", "8")]
            out += "\(indent)  \(DOTText.id(from)) -> \(DOTText.id(to)) \(DOTText.attributes(attributes))\n"
        }
        return out + "\(indent)}\n"
    }
}
