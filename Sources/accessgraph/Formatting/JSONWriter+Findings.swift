import Analysis
import Concurrency

/// The JSON contract of `findings` (README, "JSON contract").
extension JSONWriter {
    /// The default answer: direct findings, entry points and warnings, as one document.
    static func findings(_ direct: [Finding], entryPoints: [EntryPoint], warnings: [String]) -> [UInt8] {
        var w = JSONWriter()
        w.bytes.reserveCapacity(direct.count * 600 + entryPoints.count * 1500)
        w.object(["entryPoints", "findings", "warnings"]) { w, i in
            switch i {
            case 0: w.array(entryPoints) { w, e in w.entryPoint(e) }
            case 1: w.parallelArray(direct) { w, f in w.finding(f) }
            default: w.strings(warnings)
            }
        }
        w.bytes.append(0x0A)
        return w.bytes
    }

    /// `findings` items of the document (indented as its elements), each after a comma: what
    /// `--expand` streams after the direct findings.
    static func findingItems(_ findings: [Finding]) -> [UInt8] {
        var w = JSONWriter()
        w.indent = 2
        for f in findings {
            w.raw(",")
            w.newline()
            w.finding(f)
        }
        return w.bytes
    }

    /// One line per finding (NDJSON).
    static func findingLines(_ findings: [Finding]) -> [UInt8] {
        var w = JSONWriter()
        w.compact = true
        for f in findings {
            w.finding(f)
            w.bytes.append(0x0A)
        }
        return w.bytes
    }

    mutating func finding(_ f: Finding) {
        // `deniedWhen` is written only when some Deny is undecided.
        // `steps` only for transitive findings of `findings --with-escalation`.
        var keys = f.deniedWhen.isEmpty ? Self.findingKeys : Self.findingKeysWithDenials
        if f.steps != nil { keys = keys + ["steps"] }
        // `unused` only on a finding on a role that is also unused (`UnusedMarks`).
        if f.unused != nil { keys = keys + ["unused"] }
        object(keys) { w, i in
            switch keys[i] {
            case "actions": w.sharedStrings(f.actions)
            case "conditions": w.conditions(f.conditions)
            case "deniedWhen": w.conditions(f.deniedWhen)
            case "isPublic": w.bool(f.isPublic)
            case "kind": w.string(f.kind.rawValue)
            case "path": w.strings(f.path)
            case "principal": w.string(f.principal)
            case "resource": w.string(f.resource)
            case "steps": w.array(f.steps!) { w, s in w.pathStep(s) }
            case "unused": w.unusedMark(f.unused!)
            default: w.string(f.resourceType)
            }
        }
    }

    static let findingKeys = ["actions", "conditions", "isPublic", "kind", "path", "principal", "resource", "resourceType"]
    static let findingKeysWithDenials = ["actions", "conditions", "deniedWhen", "isPublic", "kind", "path", "principal", "resource", "resourceType"]

    mutating func entryPoint(_ e: EntryPoint) {
        // `unused` is written only when the entry role is unused (`UnusedMarks`).
        let keys = e.unused == nil ? Self.entryPointKeys : Self.entryPointKeys + ["unused"]
        object(keys) { w, i in
            switch keys[i] {
            case "conditions": w.conditions(e.conditions)
            case "deniedWhen": w.conditions(e.deniedWhen)
            case "examples": w.strings(e.examples)
            case "isPublic": w.bool(e.isPublic)
            case "principal": w.string(e.principal)
            case "reach": w.array(e.reach) { w, r in w.entryReach(r) }
            case "resources": w.raw(e.resources)
            case "unused": w.unusedMark(e.unused!)
            default: w.string(e.role)
            }
        }
    }

    /// `{"evidence": FILE, "lastUsed": DATE or "never"}`.
    mutating func unusedMark(_ mark: UnusedMark) {
        object(["evidence", "lastUsed"]) { w, j in w.string(j == 0 ? mark.evidence : mark.lastUsed) }
    }

    static let entryPointKeys = ["conditions", "deniedWhen", "examples", "isPublic", "principal", "reach", "resources", "role"]

    mutating func entryReach(_ r: EntryReach) {
        object(["accessLevels", "account", "isPublic", "resourceType", "resources"]) { w, i in
            switch i {
            case 0: w.strings(r.accessLevels)
            case 1: w.string(r.account)
            case 2: w.bool(r.isPublic)
            case 3: w.string(r.resourceType)
            default: w.raw(r.resources)
            }
        }
    }

    mutating func raw(_ n: Int) { bytes.append(contentsOf: String(n).utf8) }
}
