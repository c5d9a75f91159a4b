import Policy

/// When an access from outside counts as public.
///
/// - Everyone (`*`): public unless a condition limits it to fixed values of the keys
///   S3 and Access Analyzer treat as restricting (access-control-block-public-access.html,
///   "the meaning of public"): source IP ranges other than the whole internet, VPCs, VPC
///   endpoints, source ARNs/accounts/organizations, principal ARNs/accounts/organizations, user ids.
/// - An OIDC provider: public-like unless a condition pins the token subject (`…:sub`),
///   because any identity that provider issues tokens to (any GitHub repository) can assume the role.
public enum PublicAccess {
    static let restrictingKeys: Set<String> = [
        "aws:sourceip", "aws:sourcevpc", "aws:sourcevpce", "aws:sourcearn", "aws:sourceaccount", "aws:sourceowner",
        "aws:sourceorgid", "aws:sourceorgpaths", "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount",
        "aws:principalarn", "aws:userid", "s3:x-amz-server-side-encryption-aws-kms-key-id", "lambda:functionurlauthtype",
    ]

    static let negatedOperators: Set<String> = ["StringNotEquals", "StringNotLike", "ArnNotEquals", "ArnNotLike", "NotIpAddress", "StringNotEqualsIgnoreCase"]

    public static func isPublic(principal: PrincipalEntry, conditions: [String: [String: [String]]]) -> Bool {
        switch principal.node.kind {
        case .everyone:
            for (op, keys) in conditions {
                let base = op.replacingSuffix("IfExists")
                guard !negatedOperators.contains(base), !op.hasPrefix("ForAllValues") else { continue }
                for (key, values) in keys where restrictingKeys.contains(key.lowercased()) {
                    if key.lowercased() == "aws:sourceip" && values.contains(where: { $0 == "0.0.0.0/0" || $0 == "::/0" }) { continue }
                    if key.lowercased() == "lambda:functionurlauthtype" && values.contains("NONE") { continue }
                    return false
                }
            }
            return true
        case .federated:
            guard !principal.id.contains(":saml-provider/") else { return false }
            let keys = conditions.values.flatMap(\.keys).map { $0.lowercased() }
            if principal.id.hasPrefix("cognito-identity.amazonaws.com") {
                return !keys.contains("cognito-identity.amazonaws.com:aud")
            }
            return !keys.contains { $0.hasSuffix(":sub") }
        default:
            return false
        }
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
