/// One principal named in a policy's `Principal` or `NotPrincipal` element,
/// normalized: an AWS account id becomes `arn:aws:iam::ID:root`
/// (reference_policies_elements_principal.html, "AWS account principals").
public enum PrincipalPattern: Sendable, Hashable, CustomStringConvertible {
    /// `"*"` or `{"AWS": "*"}`: everyone, including anonymous callers.
    case anyone
    /// An AWS principal: an account root, user, role, assumed-role session or federated user ARN.
    case aws(String)
    /// A service principal such as `lambda.amazonaws.com`.
    case service(String)
    /// A federated identity provider: an OIDC or SAML provider ARN, or a name such as `cognito-identity.amazonaws.com`.
    case federated(String)
    /// An S3 canonical user id.
    case canonicalUser(String)

    /// The normalized text used in findings: `*`, an ARN, a service or provider name, a canonical id.
    public var description: String {
        switch self {
        case .anyone: "*"
        case .aws(let s), .service(let s), .federated(let s), .canonicalUser(let s): s
        }
    }

    /// Normalizes an AWS principal value: a 12-digit account id becomes the account's root ARN.
    public static func normalizeAWS(_ value: String) -> PrincipalPattern {
        if value == "*" { return .anyone }
        if value.utf8.count == 12, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return .aws(RequestPrincipal.rootArn(ofAccount: value))
        }
        return .aws(value)
    }

    /// The account this principal belongs to, when it names one.
    public var account: String? {
        guard case .aws(let arn) = self, let parsed = ARN(arn) else { return nil }
        return parsed.account.isEmpty ? nil : parsed.account
    }

    /// True for `arn:aws:iam::ACCOUNT:root`.
    public var isAccountRoot: Bool {
        guard case .aws(let arn) = self, let parsed = ARN(arn) else { return false }
        return parsed.service == "iam" && parsed.resource == "root"
    }
}
