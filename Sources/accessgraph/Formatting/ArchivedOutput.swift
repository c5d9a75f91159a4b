import Analysis

/// The archived part of `findings --archive-rules`: JSON (`"archived"`) and text.
extension JSONWriter {
    /// The default answer with archived findings listed apart.
    static func findings(_ direct: [Finding], entryPoints: [EntryPoint], archived: [ArchivedFinding], warnings: [String]) -> [UInt8] {
        var w = JSONWriter()
        w.object(["archived", "entryPoints", "findings", "warnings"]) { w, i in
            switch i {
            case 0: w.array(archived) { w, a in w.archived(a) }
            case 1: w.array(entryPoints) { w, e in w.entryPoint(e) }
            case 2: w.array(direct) { w, f in w.finding(f) }
            default: w.strings(warnings)
            }
        }
        w.bytes.append(0x0A)
        return w.bytes
    }

    /// One line per archived finding (NDJSON): `{"archived": {...}}`, the object of `archived(_:)`.
    static func archivedLines(_ archived: [ArchivedFinding]) -> [UInt8] {
        var w = JSONWriter()
        w.compact = true
        for a in archived {
            w.object(["archived"]) { w, _ in w.archived(a) }
            w.bytes.append(0x0A)
        }
        return w.bytes
    }

    /// `{"entryPoint"|"finding": ..., "kind": ..., "reason": ..., "rule": ...}`.
    mutating func archived(_ a: ArchivedFinding) {
        let what = a.kind == .finding ? "finding" : "entryPoint"
        object([what, "kind", "reason", "rule"]) { w, i in
            switch i {
            case 0:
                if let f = a.finding { w.finding(f) } else if let e = a.entryPoint { w.entryPoint(e) }
            case 1: w.string(a.kind.rawValue)
            case 2: w.string(a.reason)
            default: w.string(a.rule)
            }
        }
    }
}

extension FindingsText {
    /// The archived findings, one line each, after the rest.
    static func archived(_ archived: [ArchivedFinding]) -> String {
        guard !archived.isEmpty else { return "No finding matched an archive rule." }
        var t = TextTable(header: ["RULE", "REASON", "RESOURCE", "PRINCIPAL", "PUBLIC"])
        for a in archived {
            let resource = a.finding?.resource ?? a.entryPoint.map { "\($0.role) (entry point)" } ?? ""
            let principal = a.finding?.principal ?? a.entryPoint?.principal ?? ""
            let isPublic = a.finding?.isPublic ?? a.entryPoint?.isPublic ?? false
            t.rows.append([a.rule, a.reason, Short.name(resource), Short.name(principal), isPublic ? "yes" : "no"])
        }
        return "Archived (\(archived.count), matched by archive rules):\n" + t.render()
    }
}
