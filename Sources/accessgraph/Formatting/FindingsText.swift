import Analysis
import Graph

/// The text form of `findings`.
enum FindingsText {
    static func render(_ findings: [Finding], zone: Zone) -> String {
        guard !findings.isEmpty else { return "No resource is reachable from outside the zone of trust (\(zone.kind.rawValue))." }
        var t = TextTable(header: ["RESOURCE", "TYPE", "PRINCIPAL", "PUBLIC", "ACTIONS", "CONDITIONS", "PATH"])
        for f in findings {
            t.rows.append([
                Short.name(f.resource), f.resourceType, f.principal, f.isPublic ? "yes" : "no", Short.actions(f.actions),
                Short.conditions(f.conditions, deniedWhen: f.deniedWhen), f.path.count > 2 ? Short.path(f.path) : "direct",
            ])
        }
        let publicCount = findings.filter(\.isPublic).count
        return t.render() + "\n\n\(findings.count) finding(s), \(publicCount) public; zone of trust: \(zone.kind.rawValue)."
    }
}
