import Analysis

/// One entry point as a `<tbody>` of the entry-points table: a row of columns, then a row that
/// unfolds to what it reaches per account and type (built by the page's script from
/// `ReachData`, when unfolded) and up to five example resources.
struct EntryPointRow {
    var entry: EntryPoint
    var index: Int
    /// The entry's reach list in `ReachData`.
    var reachIndex: Int
    var labels: (String) -> String

    static let columns: [(title: String, type: String)] = [
        ("Outside principal", "text"), ("Role entered", "text"), ("Access", "text"), ("Conditions", "text"),
        ("Resources", "number"), ("Accounts", "number"), ("Access levels", "text"),
    ]

    var html: String {
        let e = entry
        let conditionLines = ConditionText.lines(e.conditions)
        let levels = ReachData.levelOrder.filter { level in e.reach.contains { $0.accessLevels.contains(level) } }
        let accounts = Set(e.reach.map(\.account)).count
        var out = "<tbody class=\"entry\"" + HTMLText.attribute("data-index", String(index))
            + HTMLText.attribute("data-public", e.isPublic ? "true" : "false")
            + HTMLText.attribute("data-reach", String(reachIndex)) + ">\n<tr>"
        out += cell(e.principal, "<code>\(HTMLText.escape(e.principal))</code>")
        out += cell(e.role, "<code>\(HTMLText.escape(e.role))</code>")
        out += cell(e.isPublic ? "public" : "cross-account", Badge.access(isPublic: e.isPublic))
        out += cell(conditionLines.joined(separator: "\n"), Badge.conditions(conditionLines))
        out += cell(String(e.resources), Count.format(e.resources))
        out += cell(String(accounts), String(accounts))
        out += cell(levels.joined(separator: ", "), HTMLText.escape(levels.joined(separator: ", ")))
        out += "</tr>\n<tr class=\"detail-row\"><td colspan=\"\(Self.columns.count)\"><details><summary>"
        out += HTMLText.escape("\(labels(e.principal)) → \(labels(e.role)) → \(Count.noun(e.resources, "resource")) "
            + "in \(Count.noun(accounts, "account")), \(Count.noun(e.reach.count, "resource type group"))")
        out += "</summary>\n<div class=\"reach\"></div>"
        if !e.examples.isEmpty {
            out += "<p class=\"examples\">Examples (public and write access first): "
                + e.examples.map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: " ") + "</p>"
        }
        return out + "</details></td></tr>\n</tbody>\n"
    }

    private func cell(_ value: String, _ content: String) -> String {
        "<td" + HTMLText.attribute("data-value", value) + ">" + content + "</td>"
    }
}
