/// Quoting for DOT text.
enum DOTText {
    /// A quoted DOT identifier (a node or graph name): only `"` is escaped, since the
    /// parser keeps other backslashes as they are in names.
    static func id(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A quoted attribute value that Graphviz reads as an escString (`label`, `tooltip`, `id`):
    /// backslashes are doubled so `\N`, `\G`, `\l` in data are not expanded, and newlines become `\n`.
    static func string(_ value: String) -> String {
        var out = "\""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// `[k1=v1, k2=v2]` in the order given; values are written with `string`.
    static func attributes(_ pairs: [(String, String)]) -> String {
        "[" + pairs.map { "\($0.0)=\(string($0.1))" }.joined(separator: ", ") + "]"
    }

    /// Shortens each line of `text` to `limit` characters, ending it with an ellipsis.
    static func truncated(_ text: String, limit: Int = 60) -> String {
        guard text.count > limit else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.count <= limit ? String($0) : String($0.prefix(limit - 1)) + "…" }.joined(separator: "\n")
    }
}

/// The label of a `canAccess` edge: the actions, or a per-service summary when there are many.
enum ActionSummary {
    /// At most `limit` actions are listed one per line; more are summarized per service as
    /// `s3: 12 actions (Get, List, Put)`. A wildcard is shown as it is.
    static func label(_ actions: [String], limit: Int) -> String {
        if actions.isEmpty { return "" }
        if actions.count <= limit || actions.allSatisfy({ $0.hasSuffix("*") }) && actions.count <= 4 {
            return actions.joined(separator: "\n")
        }
        var byService: [String: [String]] = [:]
        for action in actions {
            let parts = action.split(separator: ":", maxSplits: 1)
            let (service, name) = parts.count == 2 ? (String(parts[0]), String(parts[1])) : ("", action)
            byService[service, default: []].append(name)
        }
        return byService.keys.sorted().map { service in
            let names = byService[service] ?? []
            let prefix = service.isEmpty ? "" : "\(service): "
            if names.contains("*") { return prefix + "*" }
            let verbs = Set(names.map(verb)).sorted().joined(separator: ", ")
            let count = names.count == 1 ? "1 action" : "\(names.count) actions"
            return "\(prefix)\(count) (\(verbs))"
        }.joined(separator: "\n")
    }

    /// The leading verb of an action name: `GetObject` -> `Get`, `Get*` -> `Get*`.
    static func verb(_ name: String) -> String {
        var verb = ""
        for character in name {
            if !verb.isEmpty && (character.isUppercase || character == "*") {
                return character == "*" ? verb + "*" : verb
            }
            verb.append(character)
        }
        return verb
    }
}
