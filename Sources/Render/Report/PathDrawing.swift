import Analysis
import Graph

/// Draws one finding's path (outside principal, the roles it assumes, the resource) as a
/// small SVG to inline in the report.
struct PathDrawing: Sendable {
    let views: GraphViews
    let renderer: GraphRenderer

    /// `options` gives the account names and organization; pruning, collapsing, the legend and
    /// the title are turned off, since each drawing has a handful of nodes.
    init(model: AccessModel, options: RenderOptions) {
        var small = options
        small.collapseAbove = .max
        small.pruneAbove = .max
        small.legend = false
        small.title = nil
        small.layoutEngine = .automatic
        views = GraphViews(model: model)
        renderer = GraphRenderer(options: small)
    }

    /// The inline `<svg>` element for `finding`, its ids prefixed with `idPrefix`.
    func svg(_ finding: Finding, idPrefix: String, label: String) throws(RenderError) -> String {
        let graph = views.graph(findings: [finding])
        let output = try renderer.render(graph, view: .all, format: .svg)
        let text = String(decoding: output.data, as: UTF8.self)
        let attributes = HTMLText.attribute("class", "path-graph") + HTMLText.attribute("role", "img")
            + HTMLText.attribute("aria-label", label)
        guard let inline = InlineSVG.inline(text, idPrefix: idPrefix, attributes: attributes) else {
            throw .graphviz(.renderFailed(format: "svg", message: "no <svg> element in the output"))
        }
        return inline
    }
}
