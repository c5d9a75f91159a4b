import Analysis

/// Writes the JSON contracts of `findings` and `who-can` directly: sorted keys, two-space
/// indentation, stable across runs. (Foundation's JSONEncoder took seconds on large outputs.)
struct JSONWriter {
    private(set) var text = ""
    private var indent = 0

    mutating func string(_ s: String) {
        text.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": text.append("\\\"")
            case "\\": text.append("\\\\")
            case "\n": text.append("\\n")
            case "\r": text.append("\\r")
            case "\t": text.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text.append("\"")
    }

    mutating func newline() {
        text.append("\n")
        text.append(String(repeating: "  ", count: indent))
    }

    /// An object whose members are written by `members`, each as (key, writer).
    mutating func object(_ members: [(String, (inout JSONWriter) -> Void)]) {
        guard !members.isEmpty else { text.append("{}"); return }
        text.append("{")
        indent += 1
        for (i, m) in members.sorted(by: { $0.0 < $1.0 }).enumerated() {
            if i > 0 { text.append(",") }
            newline()
            string(m.0)
            text.append(": ")
            m.1(&self)
        }
        indent -= 1
        newline()
        text.append("}")
    }

    mutating func array<T>(_ items: [T], _ write: (inout JSONWriter, T) -> Void) {
        guard !items.isEmpty else { text.append("[]"); return }
        text.append("[")
        indent += 1
        for (i, item) in items.enumerated() {
            if i > 0 { text.append(",") }
            newline()
            write(&self, item)
        }
        indent -= 1
        newline()
        text.append("]")
    }

    mutating func strings(_ items: [String]) { array(items) { $0.string($1) } }

    mutating func bool(_ b: Bool) { text.append(b ? "true" : "false") }

    mutating func conditions(_ c: [String: [String: [String]]]) {
        object(c.map { op, keys in (op, { (w: inout JSONWriter) in w.object(keys.map { k, v in (k, { $0.strings(v) }) }) }) })
    }

    // MARK: - Contracts

    static func findings(_ findings: [Finding], warnings: [String]) -> String {
        var w = JSONWriter()
        w.object([
            ("findings", { $0.array(findings) { w, f in w.finding(f) } }),
            ("warnings", { $0.strings(warnings) }),
        ])
        return w.text
    }

    mutating func finding(_ f: Finding) {
        object([
            ("resource", { $0.string(f.resource) }), ("resourceType", { $0.string(f.resourceType) }),
            ("principal", { $0.string(f.principal) }), ("isPublic", { $0.bool(f.isPublic) }),
            ("actions", { $0.strings(f.actions) }), ("conditions", { $0.conditions(f.conditions) }),
            ("path", { $0.strings(f.path) }),
        ])
    }

    static func whoCan(_ result: WhoCanResult, warnings: [String]) -> String {
        var w = JSONWriter()
        w.object([
            ("resource", { $0.string(result.resource) }),
            ("principals", { $0.array(result.principals) { w, p in w.reach(p) } }),
            ("warnings", { $0.strings(warnings) }),
        ])
        return w.text
    }

    mutating func reach(_ r: Reach) {
        object([
            ("principal", { $0.string(r.principal) }), ("actions", { $0.strings(r.actions) }),
            ("conditional", { $0.bool(r.conditional) }), ("conditions", { $0.conditions(r.conditions) }),
            ("path", { $0.strings(r.path) }),
        ])
    }
}
