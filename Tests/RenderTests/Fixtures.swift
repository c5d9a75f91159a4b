import Foundation
import Graph
import Render

/// A small estate: three accounts of one organization, a public bucket, and a vendor
/// account that can assume a role which reads a bucket.
enum Fixtures {
    static let prod = "111111111111", dev = "222222222222", logs = "333333333333", vendor = "999999999999"
    static let vendorRoot = "arn:aws:iam::999999999999:root"
    static let vendorReader = "arn:aws:iam::111111111111:role/VendorReader"
    static let deployer = "arn:aws:iam::111111111111:role/Deployer"
    static let prodData = "arn:aws:s3:::prod-data"
    static let publicAssets = "arn:aws:s3:::public-assets"
    static let key = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    static let alice = "arn:aws:iam::222222222222:user/alice"
    static let devs = "arn:aws:iam::222222222222:group/devs"
    static let queue = "arn:aws:sqs:us-east-1:333333333333:audit"
    static let topic = "arn:aws:sns:us-east-1:333333333333:alerts"
    static let secret = "arn:aws:secretsmanager:us-east-1:333333333333:secret:db-AbCdEf"
    static let function = "arn:aws:lambda:us-east-1:111111111111:function:deploy-hook"
    static let unused = "arn:aws:iam::333333333333:role/Unused"

    static var graph: AccessGraph {
        var g = AccessGraph()
        g.add(Node(id: vendorRoot, kind: .account, account: vendor))
        g.add(Node(id: "*", kind: .everyone, label: "everyone"))
        g.add(Node(id: "sns.amazonaws.com", kind: .service))
        g.add(Node(id: vendorReader, kind: .role, account: prod, resourceType: "AWS::IAM::Role"))
        g.add(Node(id: deployer, kind: .role, account: prod, resourceType: "AWS::IAM::Role"))
        g.add(Node(id: prodData, kind: .resource, account: prod, resourceType: "AWS::S3::Bucket"))
        g.add(Node(id: publicAssets, kind: .resource, account: prod, resourceType: "AWS::S3::Bucket"))
        g.add(Node(id: key, kind: .resource, account: prod, resourceType: "AWS::KMS::Key"))
        g.add(Node(id: function, kind: .resource, account: prod, resourceType: "AWS::Lambda::Function"))
        g.add(Node(id: alice, kind: .user, account: dev))
        g.add(Node(id: devs, kind: .resource, account: dev, resourceType: "AWS::IAM::Group"))
        g.add(Node(id: queue, kind: .resource, account: logs, resourceType: "AWS::SQS::Queue"))
        g.add(Node(id: topic, kind: .resource, account: logs, resourceType: "AWS::SNS::Topic"))
        g.add(Node(id: secret, kind: .resource, account: logs, resourceType: "AWS::SecretsManager::Secret"))
        g.add(Node(id: unused, kind: .role, account: logs, resourceType: "AWS::IAM::Role"))

        g.add(Edge(
            from: vendorRoot, to: vendorReader, kind: .canAssume, actions: ["sts:AssumeRole"],
            conditions: ["StringEquals": ["sts:ExternalId": ["vendor-7731"]]], isExternal: true))
        g.add(Edge(from: vendorReader, to: prodData, kind: .canAccess, actions: ["s3:GetObject", "s3:ListBucket"]))
        g.add(Edge(from: "*", to: publicAssets, kind: .canAccess, actions: ["s3:GetObject"], isExternal: true, isPublic: true))
        g.add(Edge(from: alice, to: devs, kind: .memberOf))
        g.add(Edge(from: alice, to: deployer, kind: .canAssume, actions: ["sts:AssumeRole"]))
        g.add(Edge(
            from: deployer, to: key, kind: .canAccess,
            actions: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"]))
        g.add(Edge(from: deployer, to: secret, kind: .canAccess, actions: ["secretsmanager:GetSecretValue"]))
        g.add(Edge(from: deployer, to: function, kind: .canAccess, actions: ["lambda:*"]))
        g.add(Edge(
            from: "sns.amazonaws.com", to: queue, kind: .canAccess, actions: ["sqs:SendMessage"],
            conditions: ["ArnEquals": ["aws:SourceArn": [topic]]]))
        g.add(Edge(from: deployer, to: topic, kind: .canAccess, actions: ["sns:Publish"]))
        return g
    }

    static var options: RenderOptions {
        RenderOptions(
            accountNames: [prod: "prod", dev: "dev"],
            organization: Organization(name: "o-example", accounts: [prod, dev, logs]))
    }

    /// `count` roles in account `prod` with the same edges, plus a role nothing uses.
    static func manyRoles(_ count: Int) -> AccessGraph {
        var g = AccessGraph()
        g.add(Node(id: prodData, kind: .resource, account: prod, resourceType: "AWS::S3::Bucket"))
        g.add(Node(id: unused, kind: .role, account: logs))
        for i in 0..<count {
            let role = "arn:aws:iam::111111111111:role/app-\(i)"
            g.add(Node(id: role, kind: .role, account: prod))
            g.add(Edge(from: role, to: prodData, kind: .canAccess, actions: ["s3:GetObject"]))
        }
        return g
    }

    /// The directory of checked-in expectations.
    static func expected(_ name: String, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Expected/\(name)")
    }
}
