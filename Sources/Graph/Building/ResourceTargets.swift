import Policy
import Snapshot

/// The request targets of a resource: its own ARN, and the paths under it that policies grant
/// on their own (an S3 bucket's objects, an access point's objects, an OpenSearch domain's
/// index paths, which access policies name as `domain/NAME/*`).
enum ResourceTargets {
    /// The prefix under the resource's own ARN resource part, by resource type.
    static let subPaths: [String: String] = [
        "AWS::S3::AccessPoint": "/object/",
        "AWS::OpenSearchService::Domain": "/",
    ]

    static func targets(for r: Resource, arn: ARN) -> [RequestResource] {
        var targets = [RequestResource(arn: arn)]
        if let s3 = r.s3 { targets.append(.objects(ofBucket: s3.bucketName)) }
        if let sub = subPaths[r.type] {
            var under = arn
            under.resource += sub + "*"
            targets.append(RequestResource(arn: under, anyUnderPrefix: arn.resource + sub))
        }
        return targets
    }
}
