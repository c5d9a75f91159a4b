import Analysis
import Graph
import Snapshot

/// The text form of `findings`: a table of direct findings, a table of entry points, and (with
/// `--expand`) a table of transitive findings, each within 120 columns, then one summary line.
enum FindingsText {
    /// `levels` summarises an action list in access levels ("Read 2, List 1").
    static func render(
        direct: [Finding], entryPoints: [EntryPoint], transitive: [Finding]?, zone: Zone, levels: ([String]) -> String
    ) -> String {
        var parts: [String] = []
        if direct.isEmpty && entryPoints.isEmpty && (transitive ?? []).isEmpty {
            return "No resource is reachable from outside the zone of trust (\(zone.kind.rawValue))."
        }
        // The unused roles outsiders can assume: under the entry points, or else under the direct findings.
        let unused = unusedNote(entryPoints, direct: direct)
        if !direct.isEmpty {
            parts.append("Direct findings (granted by the resource's own policy):\n" + directTable(direct, levels: levels)
                + (entryPoints.isEmpty ? unused : ""))
        }
        if !entryPoints.isEmpty {
            parts.append("Entry points (what outside principals reach through the roles they enter):\n" + entryPointTable(entryPoints)
                + unused)
        }
        if let transitive, !transitive.isEmpty {
            parts.append("Transitive findings (through roles):\n" + transitiveTable(transitive, levels: levels))
        }
        let publicCount = direct.filter(\.isPublic).count
        var summary = "\(direct.count) direct finding(s), \(publicCount) public; \(entryPoints.count) entry point(s)"
        summary += " reaching \(entryPoints.reduce(0) { $0 + $1.resources }) resource(s); zone of trust: \(zone.kind.rawValue)."
        if let transitive { summary += "\n\(transitive.count) transitive finding(s) listed." }
        return (parts + [summary]).joined(separator: "\n\n")
    }

    static func directTable(_ findings: [Finding], levels: ([String]) -> String) -> String {
        var t = TextTable(header: ["RESOURCE", "TYPE", "PRINCIPAL", "PUBLIC", "ACCESS", "CONDITIONS"])
        for f in findings {
            t.rows.append([
                Short.name(f.resource), ResourceTypeNames.displayName(f.resourceType), Short.name(f.principal), f.isPublic ? "yes" : "no",
                levels(f.actions), Short.conditions(f.conditions, deniedWhen: f.deniedWhen),
            ])
        }
        return t.render()
    }

    /// One row per entry point, continued on the next rows (other cells empty) while it has more
    /// resource types or conditions to show: one type, one condition per row.
    static func entryPointTable(_ entryPoints: [EntryPoint]) -> String {
        var t = TextTable(header: ["PRINCIPAL", "ROLE", "PUBLIC", "RESOURCES", "REACH", "CONDITIONS"])
        for e in entryPoints {
            let types = reach(e.reach)
            let conditions = conditionLines(e.conditions, deniedWhen: e.deniedWhen)
            for i in 0..<max(types.count, conditions.count, 1) {
                let first = i == 0
                t.rows.append([
                    first ? Short.name(e.principal) : "", first ? roleName(e.role) : "", first ? (e.isPublic ? "yes" : "no") : "",
                    first ? String(e.resources) : "", i < types.count ? types[i] : "", i < conditions.count ? conditions[i] : (first ? "-" : ""),
                ])
            }
        }
        return t.render()
    }

    /// A role's name with its path, without `role/`.
    static func roleName(_ arn: String) -> String {
        let name = Short.name(arn)
        return name.hasPrefix("role/") ? String(name.dropFirst(5)) : name
    }

    /// Counts by type over every account, most first, with the access levels:
    /// ["S3 bucket 120 (Read, Write)", "KMS key 3 (Read)"].
    static func reach(_ reach: [EntryReach]) -> [String] {
        var counts: [String: Int] = [:]
        var levels: [String: Set<String>] = [:]
        for r in reach {
            counts[r.resourceType, default: 0] += r.resources
            levels[r.resourceType, default: []].formUnion(r.accessLevels)
        }
        let order = ["List", "Read", "Write", "Permissions management", "Tagging"]
        return counts.keys.sorted { (counts[$1]!, $0) < (counts[$0]!, $1) }.map { type in
            let named = order.filter { levels[type]!.contains($0) }
            return "\(ResourceTypeNames.displayName(type)) \(counts[type]!)" + (named.isEmpty ? "" : " (\(named.joined(separator: ", ")))")
        }
    }

    /// The condition keys, one per line ("sts:ExternalId", "unless aws:SecureTransport"); the
    /// values are in the direct finding on the role and in JSON. A provider's key is cut to its
    /// last part after the host ("…:sub").
    static func conditionLines(_ c: [String: [String: [String]]], deniedWhen d: [String: [String: [String]]]) -> [String] {
        func keys(_ c: [String: [String: [String]]]) -> [String] {
            Array(Set(c.values.flatMap(\.keys))).sorted().map { key in
                guard let colon = key.lastIndex(of: ":"), key[..<colon].contains(".") else { return key }
                return "…" + key[colon...]
            }
        }
        return keys(c) + keys(d).map { "unless " + $0 }
    }

    static func transitiveTable(_ findings: [Finding], levels: ([String]) -> String) -> String {
        var t = TextTable(header: ["RESOURCE", "TYPE", "PRINCIPAL", "VIA ROLES", "PUBLIC", "ACCESS", "CONDITIONS"])
        for f in findings {
            // The roles between the principal and the resource (a role reached is the path's last).
            let roles = f.path.dropFirst().dropLast()
            t.rows.append([
                Short.name(f.resource), ResourceTypeNames.displayName(f.resourceType), Short.name(f.principal),
                f.steps.map(via) ?? roles.map(roleName).joined(separator: " -> "), f.isPublic ? "yes" : "no", levels(f.actions),
                Short.conditions(f.conditions, deniedWhen: f.deniedWhen),
            ])
        }
        return t.render()
    }

    /// The roles outsiders can assume (direct findings on roles, entry points) that are also
    /// unused (`UnusedMarks`), one wrapped line under the tables.
    static func unusedNote(_ entryPoints: [EntryPoint], direct: [Finding] = []) -> String {
        var seen: Set<String> = []
        let roles = (direct.compactMap { f in f.unused.map { (role: f.resource, mark: $0) } }
            + entryPoints.compactMap { e in e.unused.map { (role: e.role, mark: $0) } })
            .filter { seen.insert($0.role).inserted }
        guard !roles.isEmpty else { return "" }
        var lines = ["Unused roles outsiders can assume (no use within 90 days; last use):"]
        for (i, role) in roles.enumerated() {
            let item = "\(roleName(role.role)) (\(role.mark.lastUsed))" + (i < roles.count - 1 ? "," : "")
            if lines[lines.count - 1].count + 1 + item.count > 120 { lines.append(" ") }
            lines[lines.count - 1] += " " + item
        }
        return "\n" + lines.joined(separator: "\n")
    }

    /// The roles (and users) between the principal and the resource, each escalation step with its
    /// technique: "PartnerRole -[iam:PassRole+lambda:CreateFunction+lambda:InvokeFunction]-> LambdaDataRole".
    static func via(_ steps: [PathStep]) -> String {
        guard let first = steps.first, let last = steps.last else { return "" }
        // The last step is the access, or the way into the role the finding is on.
        var out = roleName(first.to)
        for s in steps.dropFirst().dropLast() {
            out += s.kind == .escalate ? " -[\(s.technique)]-> \(roleName(s.to))" : " -> \(roleName(s.to))"
        }
        if steps.count > 1, last.kind == .escalate { out += " -[\(last.technique)]->" }
        return out
    }
}
