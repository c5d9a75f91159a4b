import Graph
import Snapshot

/// S3's own public-access rules on top of the bucket policy
/// (access-control-block-public-access.html):
/// - ACL grants to AllUsers or AuthenticatedUsers are public, unless IgnorePublicAcls is on
///   (bucket or account level);
/// - RestrictPublicBuckets (bucket or account level) limits a bucket with a public policy to
///   principals of the bucket owner's account and AWS services: public and cross-account
///   access through that policy stops.
enum S3PublicAccess {
    /// The actions an ACL permission grants on the bucket (bucket-level ACLs).
    static func actions(forACLPermission p: String) -> [String] {
        switch p {
        case "READ": ["s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:ListBucketVersions"]
        case "WRITE": ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObject"]
        case "READ_ACP": ["s3:GetBucketAcl"]
        case "WRITE_ACP": ["s3:PutBucketAcl"]
        case "FULL_CONTROL":
            ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:GetBucketAcl", "s3:ListBucket", "s3:ListBucketMultipartUploads",
             "s3:ListBucketVersions", "s3:PutBucketAcl", "s3:PutObject"]
        default: []
        }
    }

    /// Actions the public gets through the bucket's ACL, or nil when none (or IgnorePublicAcls).
    static func aclPublicActions(_ r: ResourceEntry) -> [String]? {
        guard let s3 = r.s3, r.effectivePublicAccessBlock?.ignorePublicAcls != true else { return nil }
        var actions: Set<String> = []
        for g in s3.aclGrants {
            switch g.grantee {
            case .allUsers, .authenticatedUsers: actions.formUnion(Self.actions(forACLPermission: g.permission))
            default: break
            }
        }
        return actions.isEmpty ? nil : actions.sorted()
    }

    /// Whether RestrictPublicBuckets stops this access through the bucket policy: it does for
    /// principals outside the bucket's account when the policy is public.
    static func restricted(_ r: ResourceEntry, policyIsPublic: Bool, principalAccount: String?) -> Bool {
        guard r.s3 != nil, r.effectivePublicAccessBlock?.restrictPublicBuckets == true, policyIsPublic else { return false }
        return principalAccount != r.account
    }
}
