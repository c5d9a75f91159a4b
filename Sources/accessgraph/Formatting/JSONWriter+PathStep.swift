import Analysis
import Graph

/// Path steps in the findings JSON (`findings --with-escalation`): the same keys and values as
/// `who-can --with-escalation`'s `steps` (README, "JSON contract"), absent optionals left out.
extension JSONWriter {
    mutating func pathStep(_ s: PathStep) {
        var keys = ["conditional", "conditions", "deniedWhen", "from", "kind", "requests", "technique", "to"]
        if s.assumes != nil { keys.append("assumes") }
        if s.techniqueID != nil { keys.append("techniqueID") }
        if s.via != nil { keys.append("via") }
        keys.sort()
        object(keys) { w, i in
            switch keys[i] {
            case "assumes": w.string(s.assumes!)
            case "conditional": w.bool(s.conditional)
            case "conditions": w.conditions(s.conditions)
            case "deniedWhen": w.conditions(s.deniedWhen)
            case "from": w.string(s.from)
            case "kind": w.string(s.kind.rawValue)
            case "requests": w.array(s.requests) { w, r in w.escalationRequest(r) }
            case "technique": w.string(s.technique)
            case "techniqueID": w.string(s.techniqueID!)
            case "to": w.string(s.to)
            default: w.string(s.via!)
            }
        }
    }

    mutating func escalationRequest(_ r: EscalationRequest) {
        object(["action", "conditional", "conditions", "deniedWhen", "principal", "resource", "statements"]) { w, i in
            switch i {
            case 0: w.string(r.action)
            case 1: w.bool(r.conditional)
            case 2: w.conditions(r.conditions)
            case 3: w.conditions(r.deniedWhen)
            case 4: w.string(r.principal)
            case 5: w.string(r.resource)
            default:
                w.array(r.statements) { w, s in
                    w.object(["effect", "policy", "policyType", "statement"]) { w, j in
                        switch j {
                        case 0: w.string(s.effect)
                        case 1: w.string(s.policy)
                        case 2: w.string(s.policyType)
                        default: w.string(s.statement)
                        }
                    }
                }
            }
        }
    }
}

/// The escalation answers (`who-can --with-escalation`, `admins`), written on every core: the
/// keys and values `JSONEncoder` gives `EscalatedReach` (sorted keys), in the writer's layout.
extension JSONWriter {
    mutating func escalatedReach(_ r: EscalatedReach) {
        object(["actions", "conditional", "conditions", "deniedWhen", "path", "principal", "steps"]) { w, i in
            switch i {
            case 0: w.strings(r.actions)
            case 1: w.bool(r.conditional)
            case 2: w.conditions(r.conditions)
            case 3: w.conditions(r.deniedWhen)
            case 4: w.strings(r.path)
            case 5: w.string(r.principal)
            default: w.array(r.steps) { w, s in w.pathStep(s) }
            }
        }
    }

    /// `{"principals": [...], "resource": ..., "warnings": [...]}`.
    static func escalatedWhoCan(resource: String, principals: [EscalatedReach], warnings: [String]) -> [UInt8] {
        var w = JSONWriter()
        w.object(["principals", "resource", "warnings"]) { w, i in
            switch i {
            case 0: w.parallelArray(principals, slice: 256) { w, r in w.escalatedReach(r) }
            case 1: w.string(resource)
            default: w.strings(warnings)
            }
        }
        w.bytes.append(0x0A)
        return w.bytes
    }

    /// `{"admins": [...], "warnings": [...]}`.
    static func admins(_ admins: [EscalatedReach], warnings: [String]) -> [UInt8] {
        var w = JSONWriter()
        w.object(["admins", "warnings"]) { w, i in
            switch i {
            case 0: w.parallelArray(admins, slice: 256) { w, r in w.escalatedReach(r) }
            default: w.strings(warnings)
            }
        }
        w.bytes.append(0x0A)
        return w.bytes
    }
}
