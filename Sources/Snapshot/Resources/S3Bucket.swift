import Policy
import SnapshotLayout

/// S3 buckets: `s3/<bucket>/get-bucket-policy.json`, `get-bucket-acl.json`, `get-public-access-block.json`.
struct S3BucketImporter: ResourceImporter {
    let service = ServiceFolder.s3

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let arn = "arn:aws:s3:::\(folder.name)"
        let policy = folder.policy(
            folder.json(.getBucketPolicy, warnings: &warnings), file: .getBucketPolicy, key: ["Policy"],
            name: "bucket policy of \(folder.name)", warnings: &warnings)
        let acl = folder.json(.getBucketACL, warnings: &warnings)
        let pab = folder.json(.getPublicAccessBlock, warnings: &warnings).flatMap(Self.publicAccessBlock)
        let s3 = S3Attributes(
            bucketName: folder.name, ownerCanonicalID: acl?["Owner"]?["ID"]?.stringValue,
            aclGrants: (acl?["Grants"]?.arrayValue ?? []).compactMap(Self.grant), hasACL: acl != nil, publicAccessBlock: pab)
        return Resource(
            arn: arn, type: "AWS::S3::Bucket", account: folder.account, policy: policy, s3: s3,
            sourceFile: folder.file(.getBucketPolicy))
    }

    /// `{"PublicAccessBlockConfiguration": {...}}` (get-public-access-block at bucket or account level).
    static func publicAccessBlock(_ json: JSONValue) -> PublicAccessBlock? {
        guard let c = json["PublicAccessBlockConfiguration"] else { return nil }
        func flag(_ k: String) -> Bool { if case .bool(true)? = c[k] { return true } else { return false } }
        return PublicAccessBlock(
            blockPublicAcls: flag("BlockPublicAcls"), ignorePublicAcls: flag("IgnorePublicAcls"),
            blockPublicPolicy: flag("BlockPublicPolicy"), restrictPublicBuckets: flag("RestrictPublicBuckets"))
    }

    static func grant(_ json: JSONValue) -> ACLGrant? {
        guard let g = json["Grantee"], let permission = json["Permission"]?.stringValue else { return nil }
        let grantee: ACLGrant.Grantee
        switch g["Type"]?.stringValue {
        case "CanonicalUser": grantee = .canonicalUser(g["ID"]?.stringValue ?? "")
        case "AmazonCustomerByEmail": grantee = .email(g["EmailAddress"]?.stringValue ?? "")
        case "Group":
            switch g["URI"]?.stringValue ?? "" {
            case let u where u.hasSuffix("/global/AllUsers"): grantee = .allUsers
            case let u where u.hasSuffix("/global/AuthenticatedUsers"): grantee = .authenticatedUsers
            case let u where u.hasSuffix("/s3/LogDelivery"): grantee = .logDelivery
            case let u: grantee = .other(u)
            }
        default: grantee = .other(g["Type"]?.stringValue ?? "?")
        }
        return ACLGrant(grantee: grantee, permission: permission)
    }
}
