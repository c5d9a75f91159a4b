/// The page around the findings rows: head, counts, controls, table, warnings.
struct ReportPage {
    var title: String
    var zone: String
    var counts: ReportCounts
    var warnings: [String]
    /// The `<tbody>` elements, from `FindingRow`.
    var rows: String
    var findingCount: Int

    /// Nothing may be fetched: no scripts, styles, images, fonts or connections from anywhere.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

    var html: String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(ReportAssets.css)
        </style>
        </head>
        <body>
        <header>
        <h1>\(HTMLText.escape(title))</h1>
        <p class="zone">Zone of trust: \(HTMLText.escape(zone)). A finding is a resource that a principal outside it can reach, directly or through roles it can assume.</p>
        </header>
        \(summary)
        <section id="findings-section">
        <h2>Findings</h2>
        \(controls)
        <table id="findings">
        <thead><tr>\(headers)</tr></thead>
        \(rows)</table>
        \(findingCount == 0 ? "<p class=\"empty\">No external access found.</p>" : "")
        <p id="no-match" class="empty" hidden>No finding matches the filter.</p>
        </section>
        \(warningsSection)
        <script>
        \(ReportAssets.script)
        </script>
        </body>
        </html>

        """
    }

    private var summary: String {
        let cards: [(String, Int, String)] = [
            ("findings", counts.findings, "Findings"),
            ("public", counts.publicFindings, "Public"),
            ("principals", counts.externalPrincipals, "External principals"),
            ("resources", counts.exposedResources, "Resources exposed"),
            ("warnings", counts.warnings, "Warnings"),
        ]
        var out = "<section id=\"summary\">\n<div class=\"cards\">\n"
        for (id, value, label) in cards {
            let alert = (id == "public" || id == "warnings") && value > 0 ? " alert" : ""
            out += "<div class=\"card\(alert)\" id=\"count-\(id)\"><span class=\"value\">\(value)</span><span class=\"label\">\(label)</span></div>\n"
        }
        out += "</div>\n<table id=\"resource-types\"><thead><tr><th>Resource type</th><th>In snapshot</th><th>With findings</th></tr></thead><tbody>\n"
        for (type, count) in counts.resourcesByType {
            out += "<tr><td>\(HTMLText.escape(type))</td><td>\(count)</td><td>\(counts.exposedByType[type] ?? 0)</td></tr>\n"
        }
        return out + "</tbody></table>\n</section>"
    }

    private var controls: String {
        """
        <div class="controls">
        <label>Filter <input type="search" id="filter-text" placeholder="ARN, principal, action, condition…" autocomplete="off"></label>
        <label><input type="checkbox" id="filter-public"> public only</label>
        <button type="button" id="expand-all">Show all paths</button>
        <button type="button" id="collapse-all">Hide all paths</button>
        <span id="shown-count">\(findingCount) of \(findingCount) findings</span>
        </div>
        """
    }

    private var headers: String {
        FindingRow.columns.enumerated().map { i, column in
            "<th data-type=\"\(column.type)\" aria-sort=\"none\"\(i == 3 ? " data-default-sort=\"descending\"" : "")>"
                + "<button type=\"button\">\(HTMLText.escape(column.title))<span class=\"arrow\"></span></button></th>"
        }.joined()
    }

    private var warningsSection: String {
        guard !warnings.isEmpty else { return "" }
        return "<section id=\"warnings\"><details><summary>\(warnings.count) warning\(warnings.count == 1 ? "" : "s") while reading the snapshot (the rest was analysed)</summary><ul>\n"
            + warnings.map { "<li>\(HTMLText.escape($0))</li>" }.joined(separator: "\n") + "\n</ul></details></section>"
    }
}
