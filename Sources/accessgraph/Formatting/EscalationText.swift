import Analysis
import Foundation

/// Text and JSON forms of the escalation commands (`who-can --with-escalation`, `admins`, `paths`).
enum EscalationText {
    /// `user/a -[iam:CreateAccessKey]-> b -[sts:AssumeRole]-> c -> bucket`, names shortened.
    static func path(_ r: EscalatedReach) -> String {
        guard !r.steps.isEmpty else { return "direct" }
        var out = Short.name(r.principal)
        for s in r.steps {
            switch s.kind {
            case .access: out += " -> " + Short.name(s.to)
            case .grant: out += " -[\(s.technique)\(s.via.map { " on " + Short.name($0) } ?? "")]-> itself"
            default: out += " -[\(s.technique)]-> " + Short.name(s.to)
            }
        }
        return out
    }

    static func whoCan(_ r: EscalatedWhoCanResult) -> String {
        guard !r.principals.isEmpty else { return "No principal can reach \(r.resource), even by escalation." }
        var out = "Who can reach \(r.resource) (\(r.resourceType ?? "?")), following role assumption and privilege escalation:\n\n"
        for p in r.principals {
            out += "\(p.principal)  \(Short.actions(p.actions))" + conditions(p) + "\n    " + (p.steps.count == 1 ? "direct" : path(p)) + "\n"
        }
        let escalated = r.principals.filter(\.usesEscalation).count
        return out + "\n\(r.principals.count) principal(s), \(escalated) of them by escalation."
    }

    static func admins(_ rows: [EscalatedReach]) -> String {
        guard !rows.isEmpty else { return "No principal is effectively admin." }
        var out = ""
        for r in rows {
            let direct = r.steps.first?.kind == .grant
            out += "\(r.principal)  \(direct ? "direct" : "by escalation")" + conditions(r) + "\n    " + path(r) + "\n"
        }
        let direct = rows.filter { $0.steps.first?.kind == .grant }.count
        return out + "\n\(rows.count) admin(s): \(direct) direct, \(rows.count - direct) by role assumption or escalation."
    }

    static func conditions(_ r: EscalatedReach) -> String {
        r.conditional ? "  [conditional: \(Short.conditions(r.conditions, deniedWhen: r.deniedWhen))]" : ""
    }

    static func paths(_ r: EscalationPaths.Result, explain: Bool) -> String {
        guard !r.paths.isEmpty else { return "No path from \(r.from) to \(r.to)." + (r.truncated ? " (search bounded: longer paths were not followed)" : "") }
        var out = ""
        for (i, p) in r.paths.enumerated() {
            out += "\(i + 1). \(path(p))" + (p.conditional ? "   [conditional: \(Short.conditions(p.conditions, deniedWhen: p.deniedWhen))]" : "") + "\n"
            if explain { out += steps(p, indent: "     ") }
        }
        out += "\n\(r.paths.count) path(s), shortest first."
        if r.truncated { out += " The enumeration is bounded (6 steps, 100 paths): more paths may exist." }
        return out
    }

    /// Each escalation step's requests and the statements that decided them.
    static func steps(_ p: EscalatedReach, indent: String) -> String {
        var out = ""
        for s in p.steps where s.kind == .escalate || s.kind == .grant {
            out += "\(indent)\(s.technique) (\(s.from) -> \(s.to == s.from ? "itself" : s.to))"
            if let via = s.via { out += " via \(via)" }
            out += "\n"
            if let assumes = s.assumes { out += "\(indent)  assumes: \(assumes)\n" }
            for q in s.requests {
                let decided = q.statements.map { "\($0.effect) \($0.policy) \($0.statement)" }.joined(separator: "; ")
                out += "\(indent)  \(q.principal == s.from ? "" : q.principal + ": ")\(q.action) on \(q.resource): "
                    + (q.conditional ? "allowed if \(Short.conditions(q.conditions, deniedWhen: q.deniedWhen))" : "allowed")
                    + (decided.isEmpty ? "" : " [\(decided)]") + "\n"
            }
        }
        return out
    }

    /// JSON: the value, keys sorted; steps' requests only when `requests` is set.
    static func json<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [0x0A]
    }
}
