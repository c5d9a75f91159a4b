import Analysis

/// Text output of `unused` and `hygiene`: one table, then a summary line.
enum UsageText {
    static func hygiene(_ r: HygieneReport) -> String {
        var table = TextTable(header: ["CHECK", "PRINCIPAL", "DETAIL", "EVIDENCE"])
        table.rows = r.findings.map { [$0.check.rawValue, Short.name($0.principal), $0.detail, $0.evidence] }
        var out = r.findings.isEmpty ? "No hygiene finding." : table.render()
        for n in r.notChecked { out += "\nnot checked: \(n)" }
        let checks = Set(r.findings.map(\.check)).sorted { $0.rawValue < $1.rawValue }
        if !checks.isEmpty { out += "\n\nSources:\n" + checks.map { "  \($0.rawValue): \($0.source)" }.joined(separator: "\n") }
        out += "\n\(r.findings.count) finding(s); now = \(r.now) (the snapshot's time); keys older than \(r.keyDays) days are old."
        return out
    }

    static func unused(_ r: UnusedReport) -> String {
        var table = TextTable(header: ["TYPE", "PRINCIPAL", "WHAT", "LAST USED", "EVIDENCE"])
        table.rows = r.findings.map { [$0.kind.rawValue, Short.name($0.principal), $0.detail ?? "-", $0.lastUsed, $0.evidence] }
        var out = r.findings.isEmpty ? "No unused access found." : table.render()
        if !r.unknown.isEmpty {
            var unknown = TextTable(header: ["UNKNOWN", "PRINCIPAL", "WHY"])
            unknown.rows = r.unknown.map { [$0.what, Short.name($0.principal), $0.reason] }
            out += "\n\nNo data (unknown, not unused):\n" + unknown.render()
        }
        out += "\n\(r.findings.count) unused, \(r.unknown.count) unknown; not used in the \(r.days) days before \(r.now) (the snapshot's time)."
        return out
    }
}
