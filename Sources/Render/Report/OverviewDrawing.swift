import Analysis

/// The overview drawn as an `<svg>` element to inline in the report.
struct OverviewDrawing: Sendable {
    let renderer: GraphRenderer

    /// `options` gives the account names, organization and `maxNodes`; the page explains the
    /// shapes, so the drawing has no legend.
    init(options: RenderOptions) {
        var options = options
        options.legend = false
        renderer = GraphRenderer(options: options)
    }

    /// The inline `<svg>` and what the drawing shows and leaves out.
    func svg(_ overview: OrganizationOverview) throws(RenderError) -> (String, RenderSummary) {
        let output = try renderer.render(overview, format: .svg)
        let text = String(decoding: output.data, as: UTF8.self)
        let attributes = HTMLText.attribute("class", "overview-graph") + HTMLText.attribute("role", "img")
            + HTMLText.attribute("aria-label", "overview of what is reachable from outside")
        guard let inline = InlineSVG.inline(text, idPrefix: "overview-", attributes: attributes) else {
            throw .graphviz(.renderFailed(format: "svg", message: "no <svg> element in the output"))
        }
        return (inline, output.summary)
    }

    /// The summary's notes (what was summarised, what was left out) as one sentence.
    static func note(_ summary: RenderSummary) -> String {
        "\(summary.drawnNodes) nodes, \(summary.drawnEdges) edges; " + summary.notes.joined(separator: "; ")
    }
}
