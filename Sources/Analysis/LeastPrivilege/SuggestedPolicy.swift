import Foundation
import Policy

/// The suggested policy's statements: each current Allow statement narrowed to the kept actions
/// it covers (same Resource or NotResource, same Condition), statements with the same resources
/// and conditions merged, then the current Deny statements that cover a kept action.
struct SuggestedPolicy {
    let allows: [Statement]
    let denies: [Statement]
    let actions: Set<String>

    func json() -> String {
        var groups: [(key: String, resource: ResourceClause?, conditions: [Condition], actions: Set<String>)] = []
        for s in allows {
            let covered = actions.filter { s.appliesTo(action: $0.lowercased()) }
            guard !covered.isEmpty else { continue }
            let key = Self.resourceJSON(s.resource) + Self.conditionJSON(s.conditions)
            if let i = groups.firstIndex(where: { $0.key == key }) {
                groups[i].actions.formUnion(covered)
            } else {
                groups.append((key, s.resource, s.conditions, covered))
            }
        }
        var statements = groups.map { g in
            Self.statement(effect: "Allow", action: "\"Action\": " + Self.list(g.actions.sorted()), resource: g.resource, conditions: g.conditions)
        }
        for d in denies where actions.contains(where: { d.appliesTo(action: $0.lowercased()) }) {
            let key: String
            switch d.action {
            case .action(let p): key = "\"Action\": " + Self.list(p.map(\.text))
            case .notAction(let p): key = "\"NotAction\": " + Self.list(p.map(\.text))
            }
            statements.append(Self.statement(effect: "Deny", action: key, resource: d.resource, conditions: d.conditions))
        }
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n" + statements.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    static func statement(effect: String, action: String, resource: ResourceClause?, conditions: [Condition]) -> String {
        var parts = ["\"Effect\": \"\(effect)\"", action, resourceJSON(resource)]
        if !conditions.isEmpty { parts.append(conditionJSON(conditions)) }
        return "    {" + parts.joined(separator: ", ") + "}"
    }

    static func resourceJSON(_ r: ResourceClause?) -> String {
        switch r {
        case .resource(let p)?: "\"Resource\": " + list(p.map(\.text))
        case .notResource(let p)?: "\"NotResource\": " + list(p.map(\.text))
        case nil: "\"Resource\": \"*\""
        }
    }

    static func conditionJSON(_ conditions: [Condition]) -> String {
        guard !conditions.isEmpty else { return "" }
        var byOperator: [(String, [(String, [String])])] = []
        for c in conditions {
            if let i = byOperator.firstIndex(where: { $0.0 == c.op.name }) {
                byOperator[i].1.append((c.key, c.values))
            } else {
                byOperator.append((c.op.name, [(c.key, c.values)]))
            }
        }
        let body = byOperator.map { op, keys in
            quote(op) + ": {" + keys.map { quote($0.0) + ": " + list($0.1) }.joined(separator: ", ") + "}"
        }
        return "\"Condition\": {" + body.joined(separator: ", ") + "}"
    }

    static func list(_ items: [String]) -> String {
        items.count == 1 ? quote(items[0]) : "[" + items.map(quote).joined(separator: ", ") + "]"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 { out += String(format: "\\u%04x", ch.value) } else { out.unicodeScalars.append(ch) }
            }
        }
        return out + "\""
    }
}
