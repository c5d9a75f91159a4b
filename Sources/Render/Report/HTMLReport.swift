import Analysis
import Graph

/// One self-contained HTML page about a snapshot's external access: counts, a findings table
/// that sorts and filters in the browser, and each finding's path drawn as inline SVG.
///
/// The page loads nothing: CSS and JavaScript are inline, the drawings are inline `<svg>`, and a
/// Content-Security-Policy forbids every fetch.
///
/// ```swift
/// let findings = await FindingsAnalyzer(model: model).findings()
/// let report = HTMLReport(model: model, findings: findings, warnings: [], source: "acme-org")
/// try Data(report.render().html.utf8).write(to: url)
/// ```
public struct HTMLReport: Sendable {
    public let model: AccessModel
    public let findings: [Finding]
    public let warnings: [String]
    /// Where the snapshot came from, shown in the title (a folder name).
    public var source: String
    /// Account names and organization for the drawings; pruning, collapsing and legends are off.
    public var renderOptions: RenderOptions
    /// Findings after this many are listed without a drawing (each drawing is a Graphviz layout).
    public var maxDrawings: Int

    public init(
        model: AccessModel, findings: [Finding], warnings: [String], source: String,
        renderOptions: RenderOptions = RenderOptions(), maxDrawings: Int = 1000
    ) {
        self.model = model
        self.findings = findings
        self.warnings = warnings
        self.source = source
        self.renderOptions = renderOptions
        self.maxDrawings = maxDrawings
    }

    /// The page and what went into it.
    public struct Output: Sendable {
        public var html: String
        public var counts: ReportCounts
        /// Findings drawn as SVG.
        public var drawn: Int
        /// Drawings that failed, as "resource: message"; those rows say so instead.
        public var drawingErrors: [String]
    }

    /// Findings in the page's initial order: public first, then by resource, principal and path.
    public static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.sorted {
            if $0.isPublic != $1.isPublic { return $0.isPublic }
            if $0.resource != $1.resource { return $0.resource < $1.resource }
            if $0.principal != $1.principal { return $0.principal < $1.principal }
            return $0.path.lexicographicallyPrecedes($1.path)
        }
    }

    public func render() -> Output {
        let counts = ReportCounts(model: model, findings: findings, warnings: warnings.count)
        let drawing = PathDrawing(model: model, options: renderOptions)
        var rows = ""
        var drawn = 0
        var errors: [String] = []
        for (index, finding) in Self.ordered(findings).enumerated() {
            var figure: String
            if index < maxDrawings {
                do {
                    figure = try drawing.svg(finding, idPrefix: "f\(index + 1)-", label: "path: " + pathText(finding.path))
                    drawn += 1
                } catch {
                    errors.append("\(finding.resource): \(error.description)")
                    figure = "<p class=\"note\">Could not draw this path: \(HTMLText.escape(error.description))</p>"
                }
            } else {
                figure = "<p class=\"note\">Not drawn: the report draws the first \(maxDrawings) findings.</p>"
            }
            rows += FindingRow(finding: finding, index: index, labels: label, figure: figure, open: index == 0).html
        }
        let page = ReportPage(
            title: "AccessGraph report: \(source)", zone: zoneText, counts: counts, warnings: warnings,
            rows: rows, findingCount: findings.count)
        return Output(html: page.html, counts: counts, drawn: drawn, drawingErrors: errors)
    }

    var zoneText: String {
        switch model.zone.kind {
        case .organization:
            return "organization " + (model.zone.organizationID ?? "") + " (\(model.zone.organizationAccounts.count) accounts)"
        case .account:
            return "each resource's own account"
        }
    }

    /// The short label of a node: a role or bucket name, `account 999999999999`, `*`.
    func label(_ id: String) -> String {
        if let r = model.resources[id] { return r.node.label }
        if let p = model.principal(id) { return p.node.label }
        return Node(id: id, kind: id == "*" ? .everyone : .externalPrincipal).label
    }

    func pathText(_ path: [String]) -> String { path.map(label).joined(separator: " → ") }
}
