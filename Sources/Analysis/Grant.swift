import Graph
import Policy
import Snapshot

/// What grants a principal its access to a resource (who-can's `grantedBy`): an identity policy of
/// the principal, the resource's policy, or, for access through roles, the role whose access is
/// used together with what grants that role its access.
public struct Grant: Sendable, Hashable, Codable, Comparable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An identity policy: a managed policy (`policy` is its ARN) or an inline policy (`policy`
        /// is its name, `owner` the user, group or role that holds it).
        case identity
        /// The resource's policy (bucket policy, key policy, trust policy, ...), named as in
        /// `can --explain`; `resource` is the resource.
        case resource
        /// Access through role assumption: `role` is the role whose access to the resource is used
        /// (the last role of the path), `grantedBy` what grants that role its access.
        case roleChain = "role-chain"
    }

    public var type: Kind
    public var policy: String?
    public var owner: String?
    public var resource: String?
    public var role: String?
    public var grantedBy: [Grant]?

    public init(
        type: Kind, policy: String? = nil, owner: String? = nil, resource: String? = nil, role: String? = nil,
        grantedBy: [Grant]? = nil
    ) {
        self.type = type
        self.policy = policy
        self.owner = owner
        self.resource = resource
        self.role = role
        self.grantedBy = grantedBy
    }

    /// The grant of access through `role`, whose own access `grants` grant.
    public static func roleChain(_ role: String, grants: [Grant]) -> Grant { Grant(type: .roleChain, role: role, grantedBy: grants) }

    /// A short text form: the managed policy ARN, `user/alice inline policy S3Read`, the resource
    /// policy's name, `via role/X: ...`.
    public var text: String {
        switch type {
        case .identity:
            guard let owner else { return policy ?? "?" }
            return "\(Self.tail(owner)) inline policy \(policy ?? "?")"
        case .resource:
            return policy ?? "resource policy"
        case .roleChain:
            let inner = (grantedBy ?? []).map(\.text).joined(separator: " + ")
            return "via \(Self.tail(role ?? "?"))" + (inner.isEmpty ? "" : ": " + inner)
        }
    }

    /// `user/alice` of `arn:aws:iam::1:user/engineering/alice`: the kind and the name, without the path.
    public static func tail(_ arn: String) -> String {
        guard let parsed = ARN(arn) else { return arn }
        let parts = parsed.resource.split(separator: "/")
        guard let kind = parts.first, let name = parts.last, parts.count > 1 else { return parsed.resource }
        return "\(kind)/\(name)"
    }

    public static func < (a: Grant, b: Grant) -> Bool { a.text < b.text }
}

extension Grant {
    /// The grants of `access` of `principal` on `resource`, as policies of the snapshot.
    static func grants(_ g: AccessGrants, of principal: PrincipalEntry, on resource: ResourceEntry, in model: AccessModel) -> [Grant] {
        g.policies(of: principal, on: resource).map { grant(for: $0, of: principal, on: resource, in: model) }
    }

    /// One granting policy as a `Grant`: managed policies by ARN; inline ones (named
    /// `OWNER inline NAME` by the reader) by name and owner ARN.
    static func grant(for g: GrantingPolicy, of principal: PrincipalEntry, on resource: ResourceEntry, in model: AccessModel) -> Grant {
        guard g.type == .identity else { return Grant(type: .resource, policy: g.name, resource: resource.arn) }
        // `user/NAME inline POLICY`: IAM names hold no spaces, so the first two spaces split it.
        let parts = g.name.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard !g.name.hasPrefix("arn:"), parts.count == 3, parts[1] == "inline" else { return Grant(type: .identity, policy: g.name) }
        return Grant(type: .identity, policy: String(parts[2]), owner: ownerARN(String(parts[0]), of: principal, in: model))
    }

    /// The ARN of an inline policy's owner (`user/NAME`, `group/NAME`, `role/NAME`) for `principal`:
    /// the principal itself, or its group in its account.
    static func ownerARN(_ owner: String, of principal: PrincipalEntry, in model: AccessModel) -> String {
        let parts = owner.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let account = principal.request.account else { return owner }
        if parts[0] == "group" {
            return model.snapshot.accounts[account]?.groups.first { $0.name == parts[1] }?.arn
                ?? "arn:aws:iam::\(account):group/\(parts[1])"
        }
        return principal.id
    }
}
