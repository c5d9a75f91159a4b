import Graph

/// One step of a path that may use privilege escalation.
public struct PathStep: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// `from` assumes the role `to` (sts:AssumeRole).
        case assume
        /// `from` acts as `to` by an escalation technique.
        case escalate
        /// `from` widens its own permissions (`to == from`).
        case grant
        /// `from` acts on the resource `to`.
        case access
    }

    public var from: String
    public var to: String
    public var kind: Kind
    /// `sts:AssumeRole`, the technique's name, or the actions of the access.
    public var technique: String
    public var techniqueID: String?
    public var via: String?
    public var assumes: String?
    public var conditional: Bool
    public var conditions: [String: [String: [String]]]
    public var deniedWhen: [String: [String: [String]]]
    /// For escalation steps: every request the technique needs, with the deciding statements.
    public var requests: [EscalationRequest]

    public init(assume e: Edge) {
        self.init(from: e.from, to: e.to, kind: .assume, technique: "sts:AssumeRole", conditions: e.conditions, deniedWhen: e.deniedWhen)
    }

    public init(_ e: EscalationEdge) {
        self.init(
            from: e.from, to: e.to, kind: e.technique.kind == .selfGrant ? .grant : .escalate, technique: e.technique.name,
            techniqueID: e.technique.id, via: e.via, assumes: e.assumes, conditions: e.conditions, deniedWhen: e.deniedWhen,
            requests: e.requests)
    }

    public init(
        from: String, to: String, kind: Kind, technique: String, techniqueID: String? = nil, via: String? = nil, assumes: String? = nil,
        conditions: [String: [String: [String]]] = [:], deniedWhen: [String: [String: [String]]] = [:], requests: [EscalationRequest] = []
    ) {
        self.from = from
        self.to = to
        self.kind = kind
        self.technique = technique
        self.techniqueID = techniqueID
        self.via = via
        self.assumes = assumes
        self.conditional = !conditions.isEmpty || !deniedWhen.isEmpty
        self.conditions = conditions
        self.deniedWhen = deniedWhen
        self.requests = requests
    }

    /// `from -[technique]-> to`, with the principal and resource names shortened.
    public var text: String {
        kind == .access ? "-> \(Self.short(to))" : "-[\(technique)\(conditional ? ", conditional" : "")]-> \(Self.short(to))"
    }

    static func short(_ id: String) -> String {
        guard id.hasPrefix("arn:"), let colon = id.lastIndex(of: ":") else { return id }
        let tail = id[id.index(after: colon)...]
        return tail.isEmpty ? id : String(tail)
    }
}

/// A principal reaching a target through steps that may use escalation.
public struct EscalatedReach: Sendable, Hashable, Codable {
    public var principal: String
    /// The actions on the resource (empty for admins and principal targets).
    public var actions: [String]
    public var conditional: Bool
    public var conditions: [String: [String: [String]]]
    public var deniedWhen: [String: [String: [String]]]
    /// The principal, each principal it acts as, and the target.
    public var path: [String]
    public var steps: [PathStep]
    /// Whether some step is an escalation or a self-grant.
    public var usesEscalation: Bool { steps.contains { $0.kind == .escalate || $0.kind == .grant } }

    public init(principal: String, actions: [String], steps: [PathStep]) {
        self.principal = principal
        self.actions = actions
        self.steps = steps
        var conditions: [String: [String: [String]]] = [:]
        var deniedWhen: [String: [String: [String]]] = [:]
        for s in steps {
            conditions = EscalationEdge.merge(conditions, s.conditions)
            deniedWhen = EscalationEdge.merge(deniedWhen, s.deniedWhen)
        }
        self.conditions = conditions
        self.deniedWhen = deniedWhen
        self.conditional = !conditions.isEmpty || !deniedWhen.isEmpty
        var path = [principal]
        for s in steps where s.to != path.last { path.append(s.to) }
        self.path = path
    }

    /// The path as text: `user/a -[iam:CreateAccessKey]-> b -[sts:AssumeRole]-> c -> bucket`.
    public var pathText: String { ([PathStep.short(principal)] + steps.map(\.text)).joined(separator: " ") }
}

/// Who can reach a resource, following role assumption and escalation.
public struct EscalatedWhoCanResult: Sendable, Codable, Equatable {
    public var resource: String
    public var resourceType: String?
    public var principals: [EscalatedReach]
}
