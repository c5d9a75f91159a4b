import Policy
import Snapshot

/// A resource's policy as the evaluator sees it, with S3's own rules folded in
/// (S3 user guide, access-control-block-public-access.html):
/// - a bucket's ACL grants to AllUsers and AuthenticatedUsers join its policy as Allow
///   statements to everyone, unless IgnorePublicAcls is on (bucket or account level);
/// - RestrictPublicBuckets (bucket or account level; for access points the account level,
///   the only one collected) on a resource whose policy is public admits only AWS services
///   and the owner account's principals (`PolicySet.restrictPublicAccess`).
/// BlockPublicAcls and BlockPublicPolicy only refuse new public ACLs and policies: what a
/// snapshot holds is evaluated as it is.
struct EffectivePolicy {
    let policy: NamedPolicy?
    let restrictPublicAccess: Bool
    /// The bucket's settings merged with the account's (nil for resources that are not S3).
    let publicAccessBlock: PublicAccessBlock?

    init(_ r: Resource, accountBlock: PublicAccessBlock?) {
        var block: PublicAccessBlock?
        if let s3 = r.s3 {
            block = (s3.publicAccessBlock ?? PublicAccessBlock()).merged(with: accountBlock)
        } else if r.type == "AWS::S3::AccessPoint" {
            block = accountBlock
        }
        publicAccessBlock = block
        restrictPublicAccess = block?.restrictPublicBuckets == true && r.policy?.document.isPublic == true
        guard let s3 = r.s3, block?.ignorePublicAcls != true else {
            policy = r.policy
            return
        }
        let existing = r.policy?.document.statements ?? []
        let acl = s3.publicACLStatements(bucketArn: r.arn, firstIndex: existing.count)
        guard !acl.isEmpty else {
            policy = r.policy
            return
        }
        var document = r.policy?.document ?? PolicyDocument(statements: [])
        document.statements = existing + acl
        policy = NamedPolicy(name: r.policy.map { $0.name + " and ACL" } ?? "ACL of bucket \(s3.bucketName)", document: document)
    }
}
