import Graph
import Policy

/// An external-access finding: a resource that a principal outside the zone of trust can
/// reach (access-analyzer-findings.html), directly or through a chain of roles (`path`).
public struct Finding: Sendable, Hashable, Codable {
    public var resource: String
    /// Access Analyzer's resource type name, e.g. `AWS::S3::Bucket`.
    public var resourceType: String
    /// The outside principal, normalized: `arn:aws:iam::ID:root`, a user or role ARN, a service, a provider, `*`.
    public var principal: String
    public var isPublic: Bool
    /// The actions, sorted.
    public var actions: [String]
    /// Conditions the access depends on that could not be decided: operator -> key -> values.
    public var conditions: [String: [String: [String]]]
    /// Conditions of Deny statements that could not be decided: the access holds unless they
    /// hold. Same shape as `conditions`.
    public var deniedWhen: [String: [String: [String]]]
    /// The principal, the roles it goes through, and the resource.
    public var path: [String]
    /// Each step of `path` with its technique (`sts:AssumeRole`, an escalation technique, the
    /// access): set only for transitive findings of an analysis that follows escalation
    /// (`findings --with-escalation`), nil otherwise.
    public var steps: [PathStep]?
    /// Set on a direct finding on a role that is also unused (`UnusedMarks`): reachable from
    /// outside and idle.
    public var unused: UnusedMark?

    public init(
        resource: String, resourceType: String, principal: String, isPublic: Bool, actions: [String],
        conditions: [String: [String: [String]]], deniedWhen: [String: [String: [String]]] = [:], path: [String],
        steps: [PathStep]? = nil
    ) {
        self.steps = steps
        self.deniedWhen = deniedWhen
        self.resource = resource
        self.resourceType = resourceType
        self.principal = principal
        self.isPublic = isPublic
        self.actions = actions
        self.conditions = conditions
        self.path = path
    }
}

/// One principal that can act on a resource, and how.
public struct Reach: Sendable, Hashable, Codable {
    public var principal: String
    /// What the principal is (user, role, account, service, everyone, ...).
    public var kind: NodeKind?
    public var actions: [String]
    /// The actions counted by access level (List, Read, Write, ...); nil without the action catalog.
    public var accessLevels: AccessLevelSummary?
    /// True when some step of the path holds only under undecided conditions.
    public var conditional: Bool
    /// Conditions of the steps, merged: operator -> key -> values.
    public var conditions: [String: [String: [String]]]
    /// Conditions of Deny statements of the steps, merged: the access holds unless they hold.
    public var deniedWhen: [String: [String: [String]]] = [:]
    /// The principal, the roles it assumes, and the resource.
    public var path: [String]
    /// What grants the access: identity policies and the resource policy for direct access, the
    /// role chain for access through roles.
    public var grantedBy: [Grant] = []

    public init(
        principal: String, kind: NodeKind? = nil, actions: [String], accessLevels: AccessLevelSummary? = nil, conditional: Bool,
        conditions: [String: [String: [String]]], deniedWhen: [String: [String: [String]]] = [:], path: [String],
        grantedBy: [Grant] = []
    ) {
        self.principal = principal
        self.kind = kind
        self.actions = actions
        self.accessLevels = accessLevels
        self.conditional = conditional
        self.conditions = conditions
        self.deniedWhen = deniedWhen
        self.path = path
        self.grantedBy = grantedBy
    }
}

/// The answer to "who can reach this resource".
public struct WhoCanResult: Sendable, Codable, Equatable {
    public var resource: String
    public var resourceType: String?
    public var principals: [Reach]
}

/// How a finding's principal reaches its resource.
public enum FindingKind: String, Sendable, Codable {
    /// The resource's own policy (or ACL) grants it, as Access Analyzer reports it.
    case direct
    /// Through a chain of roles it assumes, from the role it enters (`path[1]`).
    case transitive
}

extension Finding {
    /// Direct when the path is the principal and the resource alone.
    public var kind: FindingKind { path.count > 2 ? .transitive : .direct }
}
