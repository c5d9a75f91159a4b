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
        isPublic(kind: principal.node.kind, id: principal.id, undecided: access.undecided)
    }

    /// The same rule for a principal given by its kind and id, and the conditions its access depends on.
    public static func isPublic(kind: NodeKind, id: String, undecided: [Condition]) -> Bool {
        switch kind {
        case .everyone:
            return !PublicGrant.restricts(undecided)
        case .federated:
            guard !id.contains(":saml-provider/") else { return false }
            let keys = undecided.map(\.normalizedKey)
            if id.hasPrefix("cognito-identity.amazonaws.com") {
                return !keys.contains("cognito-identity.amazonaws.com:aud")
            }
            return !keys.contains { $0.hasSuffix(":sub") }
        default:
            return false
        }
    }
}
