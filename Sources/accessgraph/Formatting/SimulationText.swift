import Analysis
import Policy

/// The text form of a simulated decision: a few lines, more with --explain.
enum SimulationText {
    static func render(_ r: SimulationReport, explain: Bool) -> String {
        var lines: [String] = []
        let on = r.resource.map { " on \($0)" } ?? ""
        lines.append("\(r.decision.rawValue.uppercased()): \(r.principal) \(r.action)\(on)")
        lines.append("rule: \(r.rule.rawValue)")
        for g in r.explanation where g.decisive && g.statements.allSatisfy({ !$0.decisive }) {
            lines.append("  \(g.label): \(g.result)\(g.policies.isEmpty ? " (no policy)" : "")")
        }
        for s in r.decidingStatements {
            lines.append("  \(s.effect.rawValue) \(s.statement) in \(s.policy)")
        }
        guard explain else { return lines.joined(separator: "\n") }
        for g in r.explanation {
            let names = g.policies.isEmpty ? "no policy" : g.policies.joined(separator: ", ")
            lines.append("\(g.label) [\(names)]: \(g.result)\(g.decisive ? " (decisive)" : "")")
            for s in g.statements {
                let mark = s.decisive ? "*" : "-"
                var line = "  \(mark) \(s.policy) \(s.statement): \(s.effect.rawValue), matched \(s.matched)"
                if let m = s.principalMatch { line += ", principal named as \(m.rawValue)" }
                lines.append(line)
                for c in s.conditions {
                    lines.append("      \(c.operator) \(c.key) \(c.values.joined(separator: ", ")): \(c.result)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
