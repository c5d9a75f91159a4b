/// The principal making a request.
public struct RequestPrincipal: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An account as a whole (`arn:aws:iam::ID:root`): its root user, or in analysis any principal its admins allow.
        case account
        case user
        /// A session of a role (`arn:aws:sts::ID:assumed-role/NAME/SESSION`); `id` is the role's ARN.
        case role
        /// An STS federated user session (`arn:aws:sts::ID:federated-user/NAME`).
        case federatedUser
        /// An AWS service principal (`lambda.amazonaws.com`).
        case service
        /// A web-identity or SAML identity from a federated provider (before it assumes a role).
        case federated
        /// Anyone, including unauthenticated callers.
        case anonymous
    }

    public var kind: Kind
    /// The normalized id: a user or role ARN, an account root ARN, a service or provider name, `*`.
    public var id: String
    /// The account of the principal, when it has one.
    public var account: String?
    /// For role sessions: the session ARN when known (nil means any session of the role).
    public var sessionArn: String?
    /// For roles: whether it is a service-linked role (path `/aws-service-role/`), exempt from SCPs.
    public var isServiceLinkedRole: Bool
    /// An S3 canonical user id, when known.
    public var canonicalUserID: String?

    public init(
        kind: Kind, id: String, account: String? = nil, sessionArn: String? = nil,
        isServiceLinkedRole: Bool = false, canonicalUserID: String? = nil
    ) {
        self.kind = kind
        self.id = id
        self.account = account ?? ARN(id).map(\.account).flatMap { $0.isEmpty ? nil : $0 }
        self.sessionArn = sessionArn
        self.isServiceLinkedRole = isServiceLinkedRole
        self.canonicalUserID = canonicalUserID
    }

    /// Reads a principal from its ARN or name: an account id or root ARN, a user, role,
    /// assumed-role session or federated-user ARN, a service name, an OIDC/SAML provider ARN, or `*`.
    public static func parse(_ text: String) -> RequestPrincipal? {
        if text == "*" { return RequestPrincipal(kind: .anonymous, id: "*") }
        if case .aws(let normalized) = PrincipalPattern.normalizeAWS(text), normalized != text {
            return RequestPrincipal(kind: .account, id: normalized)
        }
        guard let arn = ARN(text) else {
            return text.hasSuffix(".amazonaws.com") || text.hasSuffix(".amazonaws.com.cn")
                ? RequestPrincipal(kind: .service, id: text) : nil
        }
        switch (arn.service, arn.resource) {
        case ("iam", "root"): return RequestPrincipal(kind: .account, id: text)
        case ("iam", let r) where r.hasPrefix("user/"): return RequestPrincipal(kind: .user, id: text)
        case ("iam", let r) where r.hasPrefix("role/"):
            return RequestPrincipal(kind: .role, id: text, isServiceLinkedRole: r.hasPrefix("role/aws-service-role/"))
        case ("iam", let r) where r.hasPrefix("oidc-provider/") || r.hasPrefix("saml-provider/"):
            return RequestPrincipal(kind: .federated, id: text)
        case ("sts", let r) where r.hasPrefix("assumed-role/"):
            let parts = r.split(separator: "/")
            guard parts.count >= 3 else { return nil }
            let role = "arn:\(arn.partition):iam::\(arn.account):role/\(parts[1])"
            return RequestPrincipal(kind: .role, id: role, sessionArn: text)
        case ("sts", let r) where r.hasPrefix("federated-user/"):
            return RequestPrincipal(kind: .federatedUser, id: text)
        default: return nil
        }
    }

    /// The account root ARN of the principal's account.
    public var accountRootArn: String? { account.map(Self.rootArn(ofAccount:)) }

    /// `arn:aws:iam::ACCOUNT:root`, the ARN that names an account in a Principal element.
    public static func rootArn(ofAccount account: String) -> String { "arn:aws:iam::\(account):root" }

    /// True for principals that have IAM identity policies (users, role sessions, federated users).
    public var hasIdentityPolicies: Bool {
        switch kind {
        case .user, .role, .federatedUser, .account: true
        case .service, .federated, .anonymous: false
        }
    }
}
