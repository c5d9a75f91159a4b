import Analysis
import Graph
import Policy

/// The text form of `who-can`: principals folded by grant (`WhoCanGroup`), or every principal
/// with `--all`; access as levels and counts, every line within 120 columns (`TextTable`).
enum WhoCanText {
    static func render(_ r: WhoCanResult, all: Bool = false) -> String {
        guard !r.principals.isEmpty else { return "No principal can reach \(r.resource)." }
        let title = "Who can reach \(r.resource) (\(r.resourceType ?? "?")):\n\n"
        if all {
            var t = TextTable(header: ["PRINCIPAL", "ACCESS", "GRANTED BY", "CONDITIONS", "PATH"])
            for p in r.principals {
                t.rows.append([
                    short(p.principal), access(p.actions, p.accessLevels), granted(p.grantedBy),
                    Short.conditions(p.conditions, deniedWhen: p.deniedWhen), p.path.count > 2 ? Short.path(p.path) : "direct",
                ])
            }
            return title + t.render() + "\n\n\(count(r.principals.count)) principal(s)."
        }
        let groups = r.groups
        var t = TextTable(header: ["WHO", "ACCESS", "GRANTED BY", "CONDITIONS"])
        for g in groups {
            t.rows.append([
                who(g), access(g.actions, g.accessLevels), granted(g.grantedBy), Short.conditions(g.conditions, deniedWhen: g.deniedWhen),
            ])
        }
        let folded = groups.count < r.principals.count ? " in \(count(groups.count)) line(s); --all lists each principal" : ""
        return title + t.render() + "\n\n\(count(r.principals.count)) principal(s)\(folded)."
    }

    /// The principal of a group of one, else "2,400 roles".
    static func who(_ g: WhoCanGroup) -> String {
        guard g.principals.count > 1 else { return short(g.principals[0]) }
        return "\(count(g.principals.count)) \(plural(g.kind))"
    }

    static func plural(_ kind: NodeKind?) -> String {
        switch kind {
        case .user?: "users"
        case .role?: "roles"
        case .account?: "accounts"
        case .externalPrincipal?: "outside principals"
        case .service?: "services"
        case .federated?: "federated identities"
        case .everyone?: "principals (everyone)"
        case .resource?, nil: "principals"
        }
    }

    /// Levels and counts ("List 2, Read 12, Write 3"); a list of one or two actions names them instead.
    static func access(_ actions: [String], _ levels: AccessLevelSummary?) -> String {
        guard let levels, actions.count > 2 else { return Short.actions(actions) }
        var parts = levels.levels.map { "\(Self.levelNames[$0.rawValue] ?? $0.rawValue) \(levels.counts[$0]!)" }
        if levels.unknown > 0 { parts.append("other \(levels.unknown)") }
        return parts.joined(separator: ", ")
    }

    /// Access levels as the text tables name them (the catalog's names, "Permissions management" shortened).
    static let levelNames = ["Permissions management": "Permissions"]

    static func granted(_ grants: [Grant]) -> String { grants.isEmpty ? "-" : grants.map { text($0) }.joined(separator: "; ") }

    /// A grant in few characters: `aws:policy/ReadOnlyAccess`, `user/alice inline S3Read`,
    /// `bucket policy of x`, `via role/App: inline AppAccess`. `inside` is the role whose grants are listed.
    static func text(_ g: Grant, inside role: String? = nil) -> String {
        switch g.type {
        case .identity:
            guard let owner = g.owner else { return short(g.policy ?? "?") }
            return owner == role ? "inline \(g.policy ?? "?")" : "\(Grant.tail(owner)) inline \(g.policy ?? "?")"
        case .resource:
            return g.policy ?? "resource policy"
        case .roleChain:
            let inner = (g.grantedBy ?? []).map { text($0, inside: g.role) }.joined(separator: " + ")
            return "via \(Grant.tail(g.role ?? "?"))" + (inner.isEmpty ? "" : ": " + inner)
        }
    }

    /// An IAM ARN without `arn:aws:iam::`: `222222222222:role/Admin`, `aws:policy/ReadOnlyAccess`.
    static func short(_ id: String) -> String {
        for prefix in ["arn:aws:iam::", "arn:aws-us-gov:iam::", "arn:aws-cn:iam::"] where id.hasPrefix(prefix) {
            return String(id.dropFirst(prefix.count))
        }
        return id
    }

    /// 24550 as "24,550".
    static func count(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
