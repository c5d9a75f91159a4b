import Analysis

/// One entry point as a JSON array for the page's script, which draws the entry-points table a
/// page at a time: `[principal, role, public (1 or 0), [conditions], resources, accounts,
/// access levels, reach list index, summary line, [examples]]`. Unfolding a row shows what it
/// reaches per account and type (from `ReachData`) and up to five example resources.
struct EntryPointRow {
    var entry: EntryPoint
    /// The entry's reach list in `ReachData`.
    var reachIndex: Int
    var labels: (String) -> String

    static let columns: [(title: String, type: String)] = [
        ("Outside principal", "text"), ("Role entered", "text"), ("Access", "text"), ("Conditions", "text"),
        ("Resources", "number"), ("Accounts", "number"), ("Access levels", "text"),
    ]

    var json: String {
        let e = entry
        let levels = ReachData.levelOrder.filter { level in e.reach.contains { $0.accessLevels.contains(level) } }
        let accounts = Set(e.reach.map(\.account)).count
        let role = labels(e.role) + (e.unused.map { " (unused, last used \($0.lastUsed))" } ?? "")
        let summary = "\(labels(e.principal)) → \(role) → \(Count.noun(e.resources, "resource")) "
            + "in \(Count.noun(accounts, "account")), \(Count.noun(e.reach.count, "resource type group"))"
        return "[" + [
            JSONText.string(e.principal), JSONText.string(e.role), e.isPublic ? "1" : "0", JSONText.array(ConditionText.lines(e.conditions)),
            String(e.resources), String(accounts), JSONText.string(levels.joined(separator: ", ")), String(reachIndex),
            JSONText.string(summary), JSONText.array(e.examples),
        ].joined(separator: ",") + "]"
    }
}

/// JSON text safe inside `<script type="application/json">`: `<`, `>` and `&` are escaped too,
/// so no `</script>` can appear.
enum JSONText {
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{0}"..."\u{1F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func array(_ list: [String]) -> String { "[" + list.map(string).joined(separator: ",") + "]" }
}
