import Foundation

/// The text and Markdown forms of a findings diff.
public enum DiffText {
    public static func text(_ d: FindingsDiff) -> String {
        if d.isEmpty { return "No change in findings or entry points." }
        var lines: [String] = []
        section(&lines, "New", d.new) { "+ \(line($0))" }
        section(&lines, "Changed", d.changed) { "~ \(header($0.new)): \(change($0))" }
        section(&lines, "Resolved", d.resolved) { "- \(line($0))" }
        lines.append("\(d.new.count) new, \(d.changed.count) changed, \(d.resolved.count) resolved.")
        return lines.joined(separator: "\n")
    }

    /// A pull-request comment: a summary line and one table per non-empty section.
    public static func markdown(_ d: FindingsDiff) -> String {
        var out = ["### AccessGraph: access from outside", ""]
        if d.isEmpty { return (out + ["No change in findings or entry points."]).joined(separator: "\n") }
        let publicNew = d.new.filter(\.isPublic).count
        out.append("**\(d.new.count) new** (\(publicNew) public), **\(d.changed.count) changed**, **\(d.resolved.count) resolved**.")
        table(&out, "New", d.new.map { [kind($0), code($0.resource), code($0.principal), $0.isPublic ? "**yes**" : "no", what($0)] })
        table(&out, "Changed", d.changed.map { [kind($0.new), code($0.new.resource), code($0.new.principal), $0.new.isPublic ? "**yes**" : "no", change($0)] })
        table(&out, "Resolved", d.resolved.map { [kind($0), code($0.resource), code($0.principal), $0.isPublic ? "yes" : "no", what($0)] })
        return out.joined(separator: "\n")
    }

    static func section<T>(_ lines: inout [String], _ title: String, _ items: [T], _ render: (T) -> String) {
        guard !items.isEmpty else { return }
        lines.append("\(title) (\(items.count)):")
        lines += items.map(render)
        lines.append("")
    }

    static func table(_ out: inout [String], _ title: String, _ rows: [[String]]) {
        guard !rows.isEmpty else { return }
        out += ["", "#### \(title) (\(rows.count))", "", "| kind | resource | principal | public | access |", "|---|---|---|---|---|"]
        out += rows.map { "| " + $0.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
    }

    static func line(_ e: DiffEntry) -> String { "\(header(e)): \(what(e))" }

    static func header(_ e: DiffEntry) -> String {
        "\(kind(e)) \(e.resource) \(e.resourceType) principal \(e.principal)\(e.isPublic ? " PUBLIC" : "")"
    }

    static func kind(_ e: DiffEntry) -> String { e.kind == .finding ? "finding" : "entry point" }

    static func code(_ s: String) -> String { "`\(s)`" }

    static func what(_ e: DiffEntry) -> String {
        let access = e.kind == .finding ? e.actions.joined(separator: ", ") : "reaches \(e.reaches ?? 0) resource(s)"
        let conditions = e.conditions.map(DiffEntry.text).filter { $0 != "none" }
        return conditions.isEmpty ? access : access + " when " + conditions.joined(separator: " or ")
    }

    static func change(_ c: ChangedEntry) -> String {
        var parts: [String] = []
        if !c.addedActions.isEmpty { parts.append("gained " + c.addedActions.joined(separator: ", ")) }
        if !c.removedActions.isEmpty { parts.append("lost " + c.removedActions.joined(separator: ", ")) }
        if c.conditionsChanged {
            parts.append("conditions " + c.old.conditions.map(DiffEntry.text).joined(separator: " or ")
                         + " -> " + c.new.conditions.map(DiffEntry.text).joined(separator: " or "))
        }
        if let o = c.old.reaches, let n = c.new.reaches, o != n { parts.append("reaches \(o) -> \(n) resource(s)") }
        return parts.joined(separator: "; ")
    }
}
