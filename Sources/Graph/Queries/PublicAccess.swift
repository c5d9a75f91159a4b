import Policy

/// When an access from outside counts as public.
///
/// - Everyone (`*`): public unless the conditions it depends on limit it to fixed values of
///   the keys S3 and Access Analyzer treat as restricting (`PublicGrant`,
///   access-control-block-public-access.html, "the meaning of public").
/// - An OIDC provider: public-like unless a condition pins the token subject (`…:sub`),
///   because any identity that provider issues tokens to (any GitHub repository) can assume the role.
public enum PublicAccess {
    public static func isPublic(principal: PrincipalEntry, access: Access) -> Bool {
        switch principal.node.kind {
        case .everyone:
            return !PublicGrant.restricts(access.undecided)
        case .federated:
            guard !principal.id.contains(":saml-provider/") else { return false }
            let keys = access.undecided.map(\.normalizedKey)
            if principal.id.hasPrefix("cognito-identity.amazonaws.com") {
                return !keys.contains("cognito-identity.amazonaws.com:aud")
            }
            return !keys.contains { $0.hasSuffix(":sub") }
        default:
            return false
        }
    }
}
