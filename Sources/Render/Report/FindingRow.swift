import Analysis

/// One finding as a `<tbody>` of the findings table: a row of columns, then a row with its path
/// drawn. Sorting in the page moves whole `<tbody>` elements; each cell's `data-value` is its sort key.
struct FindingRow {
    var finding: Finding
    var index: Int
    var labels: (String) -> String
    /// The inline `<svg>`, or a note saying why there is none.
    var figure: String
    /// Whether the path drawing starts unfolded.
    var open: Bool

    /// The columns, in order: header text, sort type.
    static let columns: [(title: String, type: String)] = [
        ("Resource", "text"), ("Type", "text"), ("Principal", "text"), ("Access", "text"),
        ("Actions", "number"), ("Conditions", "text"), ("Hops", "number"),
    ]

    static let shownActions = 6

    var html: String {
        let f = finding
        let conditionLines = ConditionText.lines(f.conditions)
        let search = ([f.resource, f.resourceType, f.principal, f.isPublic ? "public" : "cross-account"]
            + f.actions + conditionLines + f.path.map(labels)).joined(separator: " ").lowercased()
        var out = "<tbody class=\"finding\"" + HTMLText.attribute("data-index", String(index))
            + HTMLText.attribute("data-public", f.isPublic ? "true" : "false") + HTMLText.attribute("data-search", search) + ">\n<tr>"
        out += cell(f.resource, "<code>\(HTMLText.escape(f.resource))</code>")
        out += cell(f.resourceType, HTMLText.escape(f.resourceType))
        out += cell(f.principal, "<code>\(HTMLText.escape(f.principal))</code>")
        out += cell(f.isPublic ? "public" : "cross-account",
                    f.isPublic ? "<span class=\"badge public\">public</span>" : "<span class=\"badge external\">cross-account</span>")
        out += cell(String(f.actions.count), actionsHTML)
        out += cell(conditionLines.joined(separator: "\n"),
                    conditionLines.isEmpty ? "<span class=\"none\">none</span>"
                        : conditionLines.map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: "<br>"))
        out += cell(String(max(f.path.count - 1, 0)), String(max(f.path.count - 1, 0)))
        out += "</tr>\n<tr class=\"path-row\"><td colspan=\"\(Self.columns.count)\"><details\(open ? " open" : "")><summary>path: "
        out += HTMLText.escape(f.path.map(labels).joined(separator: " → "))
        out += "</summary>\n<div class=\"figure\">\n\(figure)\n</div></details></td></tr>\n</tbody>\n"
        return out
    }

    private var actionsHTML: String {
        let actions = finding.actions
        let shown = actions.prefix(Self.shownActions).map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: " ")
        guard actions.count > Self.shownActions else { return shown }
        let rest = actions.dropFirst(Self.shownActions).map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: " ")
        return shown + " <details class=\"more\"><summary>\(actions.count - Self.shownActions) more</summary>\(rest)</details>"
    }

    private func cell(_ value: String, _ content: String) -> String {
        "<td" + HTMLText.attribute("data-value", value) + ">" + content + "</td>"
    }
}
