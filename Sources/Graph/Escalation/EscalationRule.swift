import Policy
import Snapshot

/// One request a technique needs: an action on a resource, by the source.
public struct EscalationNeed: Sendable, Hashable {
    public var action: String {
        didSet { (loweredAction, service) = Self.lowered(action) }
    }
    /// The action lowercased, and its service prefix: worked out once per need, since every
    /// candidate's decision and index lookup keys on them.
    public private(set) var loweredAction: String
    public private(set) var service: String
    /// The resource; nil for an action that takes none (authorized against `*`).
    public var resource: RequestResource?
    /// For `iam:PassRole`: the service the role is passed to (the `iam:PassedToService` key).
    public var passedToService: String?

    public init(_ action: String, _ resource: RequestResource?, passedToService: String? = nil) {
        self.action = action
        (loweredAction, service) = Self.lowered(action)
        self.resource = resource
        self.passedToService = passedToService
    }

    static func lowered(_ action: String) -> (String, String) {
        let lowered = action.lowercased()
        return (lowered, String(lowered.prefix { $0 != ":" }))
    }

    /// The resource as text (`*` when none).
    public var resourceText: String { resource?.text ?? "*" }

    /// Whether the caller names the resource (a new resource, or none): every principal allowed
    /// the action somewhere is a candidate.
    public var isOpen: Bool { resource == nil || resource?.anyUnderPrefix != nil }

    /// `iam:PassRole` of `role` to `service` (id_roles_use_passrole.html: the caller needs
    /// iam:PassRole on the role; `iam:PassedToService` names the service).
    public static func passRole(_ role: String, to service: String) -> EscalationNeed {
        EscalationNeed("iam:PassRole", RequestResource(role)!, passedToService: service)
    }

    /// The same for a role's ARN already parsed.
    public static func passRole(_ role: RequestResource, to service: String) -> EscalationNeed {
        EscalationNeed("iam:PassRole", role, passedToService: service)
    }
}

/// One way a technique reaches its target: every need allowed, and the target role trusting
/// `trustedService` when set.
public struct EscalationWay: Sendable, Hashable {
    public var needs: [EscalationNeed]
    /// The service principal the target role's trust policy must let in (`sts:AssumeRole`).
    public var trustedService: String?
    public var via: String?
    public var grant: SelfGrant?
    public var assumes: String?

    public init(needs: [EscalationNeed], trustedService: String? = nil, via: String? = nil, grant: SelfGrant? = nil, assumes: String? = nil) {
        self.needs = needs
        self.trustedService = trustedService
        self.via = via
        self.grant = grant
        self.assumes = assumes
    }
}

/// A principal of the snapshot as a target of escalation, with what the rules look at.
public struct EscalationTarget: Sendable {
    public let principal: PrincipalEntry
    public let account: Account
    public let user: User?
    public let role: Role?
    /// The target's ARN as a request's resource (parsed once: every PassRole way asks about it).
    public let resource: RequestResource?
    public var arn: String { principal.id }
}

/// A technique as a rule: the ways into a target. Rules only list requests; the evaluator decides them.
public protocol EscalationRule: Sendable {
    var technique: Technique { get }
    /// The action of the first need of every way (the candidate index is keyed by it): the most
    /// selective one, naming the target where the technique does.
    var keyAction: String { get }
    /// The ways `target` can be reached (for `selfGrant` rules: widened by itself), each enough alone.
    func ways(into target: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay]
}
