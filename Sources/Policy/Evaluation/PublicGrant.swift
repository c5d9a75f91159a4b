/// When a grant to everyone is public, as S3 and Access Analyzer define it
/// (S3 user guide, access-control-block-public-access.html, "The meaning of public"):
/// a grant is not public when its conditions pin fixed values of a key that limits who can
/// call (source IP ranges other than the whole internet, VPCs and VPC endpoints, source
/// ARNs, accounts and organizations, principal ARNs, accounts and organizations, user ids,
/// the KMS key of server-side encryption, a Lambda function URL's IAM auth type).
public enum PublicGrant {
    /// The keys (lowercased) whose fixed values make a grant to everyone not public.
    public static let restrictingKeys: Set<String> = [
        "aws:sourceip", "aws:sourcevpc", "aws:sourcevpce", "aws:sourcearn", "aws:sourceaccount", "aws:sourceowner",
        "aws:sourceorgid", "aws:sourceorgpaths", "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount",
        "aws:principalarn", "aws:userid", "s3:x-amz-server-side-encryption-aws-kms-key-id", "lambda:functionurlauthtype",
    ]

    /// Whether some condition pins a restricting key to fixed values: a positive operator (not
    /// negated, not `ForAllValues:`, which holds for an absent key) whose values are not the
    /// whole internet (`0.0.0.0/0`, `::/0`), not `*`, and for a Lambda function URL not `NONE`.
    public static func restricts(_ conditions: [Condition]) -> Bool {
        conditions.contains(where: restricts)
    }

    static func restricts(_ c: Condition) -> Bool {
        guard let base = c.op.base, !base.isNegated, c.op.qualifier != .forAllValues else { return false }
        let key = c.normalizedKey
        guard restrictingKeys.contains(key), !c.values.isEmpty else { return false }
        if c.values.contains("*") { return false }
        if key == "aws:sourceip" && c.values.contains(where: { $0 == "0.0.0.0/0" || $0 == "::/0" }) { return false }
        if key == "lambda:functionurlauthtype" && c.values.contains("NONE") { return false }
        return true
    }
}

extension PolicyDocument {
    /// Whether the policy is public as S3 defines it: some Allow statement grants to everyone
    /// (`*`, or a `NotPrincipal`) without conditions that restrict it (`PublicGrant.restricts`).
    public var isPublic: Bool {
        statements.contains { s in
            guard s.effect == .allow, let clause = s.principal else { return false }
            let toEveryone: Bool
            switch clause {
            case .notPrincipal: toEveryone = true
            case .principal(let patterns): toEveryone = patterns.contains(.anyone)
            }
            return toEveryone && !PublicGrant.restricts(s.conditions)
        }
    }
}
