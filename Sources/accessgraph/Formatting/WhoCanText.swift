import Analysis

/// The text form of `who-can`.
enum WhoCanText {
    static func render(_ r: WhoCanResult) -> String {
        guard !r.principals.isEmpty else { return "No principal can reach \(r.resource)." }
        var t = TextTable(header: ["PRINCIPAL", "ACTIONS", "CONDITIONS", "PATH"])
        for p in r.principals {
            t.rows.append([
                p.principal, Short.actions(p.actions), Short.conditions(p.conditions, deniedWhen: p.deniedWhen),
                p.path.count > 2 ? Short.path(p.path) : "direct",
            ])
        }
        return "Who can reach \(r.resource) (\(r.resourceType ?? "?")):\n\n" + t.render() + "\n\n\(r.principals.count) principal(s)."
    }
}
