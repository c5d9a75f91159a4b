import Analysis
import Graph

/// One self-contained HTML page about a snapshot's external access that stays small at any
/// size: counts, the overview drawing (`GraphRenderer.render(_:format:)` of the overview), the
/// entry points (outside principal, role it enters) with what each reaches per account and type
/// unfolding on demand, and the direct findings. The rows are JSON documents in the page; its
/// script sorts and filters them and draws the tables a page of rows at a time, so the page
/// opens quickly however many there are. The transitive findings are not listed
/// (`findings --expand` does that): each entry point counts them and names up to five.
///
/// The page loads nothing: CSS and JavaScript are inline, the drawing is inline `<svg>`, and a
/// Content-Security-Policy forbids every fetch.
///
/// ```swift
/// let overview = await FindingsAnalyzer(model: model).analyze().overview()
/// let report = HTMLReport(model: model, overview: overview, warnings: [], source: "acme-org")
/// try Data(report.render().html.utf8).write(to: url)
/// ```
public struct HTMLReport: Sendable {
    public let model: AccessModel
    public let overview: OrganizationOverview
    public let warnings: [String]
    /// Where the snapshot came from, shown in the title (a folder name).
    public var source: String
    /// Account names, organization and `maxNodes` for the overview drawing.
    public var renderOptions: RenderOptions

    public init(model: AccessModel, overview: OrganizationOverview, warnings: [String], source: String, renderOptions: RenderOptions = RenderOptions()) {
        self.model = model
        self.overview = overview
        self.warnings = warnings
        self.source = source
        self.renderOptions = renderOptions
    }

    /// The page and what went into it.
    public struct Output: Sendable {
        public var html: String
        public var counts: ReportCounts
        /// What the overview drawing shows and leaves out.
        public var drawing: RenderSummary?
        /// Why the overview could not be drawn, if it could not (the page says so instead).
        public var drawingError: String?
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

    /// Entry points in the page's initial order: public first, then by resources reached, principal and role.
    public static func ordered(_ entryPoints: [EntryPoint]) -> [EntryPoint] {
        entryPoints.sorted {
            if $0.isPublic != $1.isPublic { return $0.isPublic }
            if $0.resources != $1.resources { return $0.resources > $1.resources }
            if $0.principal != $1.principal { return $0.principal < $1.principal }
            return $0.role < $1.role
        }
    }

    public func render() -> Output {
        let counts = ReportCounts(overview: overview, warnings: warnings.count)
        var figure: String
        var drawing: RenderSummary?
        var drawingError: String?
        do {
            let (svg, summary) = try OverviewDrawing(options: renderOptions).svg(overview)
            figure = svg
            drawing = summary
        } catch {
            drawingError = error.description
            figure = "<p class=\"note\">Could not draw the overview: \(HTMLText.escape(error.description))</p>"
        }

        let levels = Dictionary(zip(overview.direct, overview.directAccessLevels).map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        let findingRows = Self.ordered(overview.direct).map { FindingRow(finding: $0, accessLevels: levels[$0] ?? []).json }
        let entries = Self.ordered(overview.entryPoints)
        let reach = ReachData(entries, accountNames: renderOptions.accountNames)
        let entryRows = entries.indices.map { EntryPointRow(entry: entries[$0], reachIndex: reach.listIndex[$0], labels: label).json }
        let page = ReportPage(
            title: "AccessGraph report: \(source)", zone: zoneText, counts: counts, warnings: warnings, figure: figure,
            drawingNote: drawing.map { OverviewDrawing.note($0) } ?? "", entriesJSON: "[\n" + entryRows.joined(separator: ",\n") + "]",
            reachJSON: reach.json, findingsJSON: "[\n" + findingRows.joined(separator: ",\n") + "]")
        return Output(html: page.html, counts: counts, drawing: drawing, drawingError: drawingError)
    }

    var zoneText: String {
        switch model.zone.kind {
        case .organization:
            return "organization " + (model.zone.organizationID ?? "") + " (\(model.zone.organizationAccounts.count) accounts)"
        case .account:
            return "each resource's own account"
        }
    }

    /// The label of a node: "role/Deployer", "S3 bucket acme-payroll", "account 999999999999", "everyone (*)".
    func label(_ id: String) -> String {
        if let r = model.resources[id] { return r.node.label }
        if let p = model.principal(id) { return p.node.label }
        return Node(id: id, kind: id == "*" ? .everyone : .externalPrincipal).label
    }
}
