/// The page around the tables: head, counts, the overview drawing, the entry points, the direct
/// findings, warnings.
struct ReportPage {
    var title: String
    var zone: String
    var counts: ReportCounts
    var warnings: [String]
    /// The inline `<svg>` of the overview, or a note saying why there is none.
    var figure: String
    /// What the drawing summarised and left out.
    var drawingNote: String
    /// The entry points' rows, from `EntryPointRow`, as one JSON array.
    var entriesJSON: String
    /// `ReachData.json`.
    var reachJSON: String
    /// The direct findings' rows, from `FindingRow`, as one JSON array.
    var findingsJSON: String

    /// Rows the script draws at first, and each time "show more" is clicked.
    static let pageSize = 200

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
        <p class="zone">Zone of trust: \(HTMLText.escape(zone)). A <em>direct finding</em> is a resource whose own policy or ACL lets a principal outside it in; an <em>entry point</em> is a role such a principal can enter, with everything it reaches from there.</p>
        </header>
        \(summary)
        <section id="overview-section">
        <h2>Overview</h2>
        <p class="note">\(HTMLText.escape(drawingNote))</p>
        <p class="legend">Left: outside principals (red octagons: accounts and roles elsewhere; yellow: identity providers; double red: everyone). Middle: the roles they enter (blue hexagons; red edges, dashed when conditional, thick when public). Right, in each account's box: its counts, and per resource type the resources reachable from outside (double border: a group), each edge labelled with how many resources and which access levels (List, Read, Write, Perm = Permissions management, Tag = Tagging).</p>
        <details id="overview" open><summary>drawing (hover for details)</summary>
        <div class="figure">
        \(figure)
        </div></details>
        </section>
        \(controls)
        <section id="entry-section">
        <h2>Entry points</h2>
        <p class="note">One row per outside principal and role it can enter. Unfold a row for what it reaches per account and resource type; <code>accessgraph findings --expand</code> lists every resource.</p>
        \(table(id: "entries", columns: EntryPointRow.columns, defaultSort: nil))
        \(counts.entryPoints == 0 ? "<p class=\"empty\">No role can be entered from outside.</p>" : "")
        <p class="count"><span id="entries-count">\(counts.entryPoints) of \(counts.entryPoints) entry points</span> <span id="entries-shown"></span> <button type="button" id="entries-more" hidden>show more</button></p>
        </section>
        <section id="findings-section">
        <h2>Direct findings</h2>
        \(table(id: "findings", columns: FindingRow.columns, defaultSort: 3))
        \(counts.findings == 0 ? "<p class=\"empty\">No external access found.</p>" : "")
        <p class="count"><span id="findings-count">\(counts.findings) of \(counts.findings) findings</span> <span id="findings-shown"></span> <button type="button" id="findings-more" hidden>show more</button></p>
        </section>
        <p id="no-match" class="empty" hidden>Nothing matches the filter.</p>
        \(warningsSection)
        <script type="application/json" id="entries-data">\(entriesJSON)</script>
        <script type="application/json" id="findings-data">\(findingsJSON)</script>
        <script type="application/json" id="reach-data">\(reachJSON)</script>
        <script>
        \(ReportAssets.script)
        </script>
        </body>
        </html>

        """
    }

    private var summary: String {
        let cards: [(String, Int, String)] = [
            ("findings", counts.findings, "Direct findings"),
            ("public", counts.publicFindings, "Public"),
            ("entry-points", counts.entryPoints, "Entry points"),
            ("principals", counts.externalPrincipals, "Outside principals"),
            ("reachable", counts.reachableResources, "Resources reachable from outside"),
            ("warnings", counts.warnings, "Warnings"),
        ]
        var out = "<section id=\"summary\">\n<div class=\"cards\">\n"
        for (id, value, label) in cards {
            let alert = (id == "public" || id == "warnings") && value > 0 ? " alert" : ""
            out += "<div class=\"card\(alert)\" id=\"count-\(id)\"><span class=\"value\">\(value)</span><span class=\"label\">\(label)</span></div>\n"
        }
        out += "</div>\n<details id=\"types\"><summary>Resources per type: in the snapshot, with direct findings, reachable from outside</summary>\n<table id=\"resource-types\"><thead><tr><th>Resource type</th><th>In snapshot</th><th>With direct findings</th><th>Reachable from outside</th></tr></thead><tbody>\n"
        for row in counts.byType {
            out += "<tr><td>\(HTMLText.escape(row.type))</td><td>\(row.resources)</td><td>\(row.withFindings)</td><td>\(row.reachable)</td></tr>\n"
        }
        return out + "</tbody></table></details>\n</section>"
    }

    private var controls: String {
        """
        <div class="controls">
        <label>Filter <input type="search" id="filter-text" placeholder="ARN, principal, role, action, condition…" autocomplete="off"></label>
        <label><input type="checkbox" id="filter-public"> public only</label>
        <span class="note">filters both tables</span>
        </div>
        """
    }

    private func table(id: String, columns: [(title: String, type: String)], defaultSort: Int?) -> String {
        let headers = columns.enumerated().map { i, column in
            "<th data-type=\"\(column.type)\" aria-sort=\"none\"\(i == defaultSort ? " data-default-sort=\"descending\"" : "")>"
                + "<button type=\"button\">\(HTMLText.escape(column.title))<span class=\"arrow\"></span></button></th>"
        }.joined()
        return "<table id=\"\(id)\" class=\"sortable\" data-page=\"\(Self.pageSize)\">\n<thead><tr>\(headers)</tr></thead>\n</table>"
    }

    private var warningsSection: String {
        guard !warnings.isEmpty else { return "" }
        return "<section id=\"warnings\"><details><summary>\(warnings.count) warning\(warnings.count == 1 ? "" : "s") while reading the snapshot (the rest was analysed)</summary><ul>\n"
            + warnings.map { "<li>\(HTMLText.escape($0))</li>" }.joined(separator: "\n") + "\n</ul></details></section>"
    }
}
