import Analysis

/// One direct finding as a `<tbody>` of the findings table. Sorting in the page moves whole
/// `<tbody>` elements; each cell's `data-value` is its sort key.
struct FindingRow {
    var finding: Finding
    var accessLevels: [String]
    var index: Int

    /// The columns, in order: header text, sort type.
    static let columns: [(title: String, type: String)] = [
        ("Resource", "text"), ("Type", "text"), ("Principal", "text"), ("Access", "text"),
        ("Access levels", "text"), ("Actions", "number"), ("Conditions", "text"),
    ]

    static let shownActions = 6

    var html: String {
        let f = finding
        let conditionLines = ConditionText.lines(f.conditions)
        var out = "<tbody class=\"finding\"" + HTMLText.attribute("data-index", String(index))
            + HTMLText.attribute("data-public", f.isPublic ? "true" : "false") + ">\n<tr>"
        out += cell(f.resource, "<code>\(HTMLText.escape(f.resource))</code>")
        out += cell(f.resourceType, HTMLText.escape(f.resourceType))
        out += cell(f.principal, "<code>\(HTMLText.escape(f.principal))</code>")
        out += cell(f.isPublic ? "public" : "cross-account", Badge.access(isPublic: f.isPublic))
        out += cell(accessLevels.joined(separator: ", "), HTMLText.escape(accessLevels.joined(separator: ", ")))
        out += cell(String(f.actions.count), actionsHTML)
        out += cell(conditionLines.joined(separator: "\n"), Badge.conditions(conditionLines))
        return out + "</tr>\n</tbody>\n"
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

/// Small pieces of HTML the tables share.
enum Badge {
    static func access(isPublic: Bool) -> String {
        isPublic ? "<span class=\"badge public\">public</span>" : "<span class=\"badge external\">cross-account</span>"
    }

    static func conditions(_ lines: [String]) -> String {
        lines.isEmpty ? "<span class=\"none\">none</span>" : lines.map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: "<br>")
    }
}
