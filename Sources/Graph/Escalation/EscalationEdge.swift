import Policy

/// A statement that took part in deciding one request of an escalation step.
public struct DecidingStatement: Sendable, Hashable, Codable {
    /// The policy's name (a managed policy ARN, `user/NAME inline P`, `trust policy of role/R`).
    public var policy: String
    /// The policy type, e.g. `identity policy`, `SCP level 0`.
    public var policyType: String
    /// The statement's Sid, or `#index`.
    public var statement: String
    public var effect: String
}

/// One request an escalation step needs, as the evaluator decided it.
public struct EscalationRequest: Sendable, Hashable, Codable {
    /// Who makes the request: the edge's source, or the service that must be trusted by the role.
    public var principal: String
    public var action: String
    /// The resource ARN (`…:function:*` stands for a new resource of any name).
    public var resource: String
    /// `true` when allowed only under undecided conditions.
    public var conditional: Bool
    public var conditions: [String: [String: [String]]]
    public var deniedWhen: [String: [String: [String]]]
    public var statements: [DecidingStatement]
}

/// What a self-grant gives the principal.
public enum SelfGrant: Sendable, Hashable, Codable {
    /// Any identity policy it writes (new inline policy, attached policy, new policy version).
    case anything
    /// The policies of a group it joins (the group's ARN).
    case group(String)
    /// An existing version of a managed policy attached to it, made the default.
    case policyVersion(policy: String, version: String)
}

/// An escalation edge: `from` can act as `to` (`actAs`), or `from` can widen its own
/// permissions (`selfGrant`, then `to == from`), by `technique`. Every request the technique
/// needs is allowed by the evaluator; the edge is conditional when one of them is.
public struct EscalationEdge: Sendable, Hashable, Codable {
    public var from: String
    public var to: String
    public var technique: Technique
    /// The resource the technique acts on when it is not the target (a policy, a group, a function).
    public var via: String?
    /// For `selfGrant`: what is gained.
    public var grant: SelfGrant?
    /// Every request the technique needs, with the deciding statements.
    public var requests: [EscalationRequest]
    /// The undecided conditions of every request, merged.
    public var conditions: [String: [String: [String]]]
    public var deniedWhen: [String: [String: [String]]]
    /// Assumptions about what the snapshot does not hold (an instance running with the profile, ...).
    public var assumes: String?

    public var isConditional: Bool { !conditions.isEmpty || !deniedWhen.isEmpty }

    /// The edge as an edge of the access graph: kind `canEscalate`, the technique's name as its one action.
    public var graphEdge: Edge {
        Edge(
            from: from, to: to, kind: .canEscalate, actions: [technique.name],
            conditions: conditions, deniedWhen: deniedWhen)
    }
}

extension EscalationEdge {
    /// Two condition maps as one (operator -> key -> values, values without duplicates).
    public static func merge(_ a: [String: [String: [String]]], _ b: [String: [String: [String]]]) -> [String: [String: [String]]] {
        var out = a
        for (op, keys) in b {
            for (k, v) in keys {
                var values = out[op]?[k] ?? []
                for x in v where !values.contains(x) { values.append(x) }
                out[op, default: [:]][k] = values
            }
        }
        return out
    }
}
