import Policy

extension S3Attributes {
    /// The actions a bucket ACL permission grants (acl-overview.html, "Permissions you can grant"):
    /// READ lists the bucket, WRITE creates, overwrites and deletes its objects.
    public static func actions(forACLPermission p: String) -> [String] {
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

    /// The ACL's grants to the public (AllUsers, and AuthenticatedUsers: any AWS account) as
    /// Allow statements to everyone on the bucket and its objects, so that the evaluator decides
    /// them with the bucket policy (an ACL grant and a policy grant are both resource-based
    /// grants). Numbered after `firstIndex`. Grants to canonical users are not included.
    public func publicACLStatements(bucketArn: String, firstIndex: Int) -> [Statement] {
        var out: [Statement] = []
        for g in aclGrants {
            let group: String
            switch g.grantee {
            case .allUsers: group = "AllUsers"
            case .authenticatedUsers: group = "AuthenticatedUsers"
            default: continue
            }
            let actions = Self.actions(forACLPermission: g.permission)
            guard !actions.isEmpty else { continue }
            out.append(Statement(
                sid: "ACL: \(g.permission) to \(group)", index: firstIndex + out.count, effect: .allow,
                principal: .principal([.anyone]), action: .action(actions.map(ActionPattern.init)),
                resource: .resource([ARNPattern(bucketArn), ARNPattern(bucketArn + "/*")])))
        }
        return out
    }
}
