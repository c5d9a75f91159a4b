import Graph
import Snapshot
import Testing

/// Node labels say what a node is: the kind from the resource type (`ResourceKind.table`), the
/// name from the ARN. Each type the snapshot reader knows (docs/resource-types.md) is checked
/// with an ARN shaped as that page gives it.
@Suite struct NodeLabelTests {
    /// One ARN per type of `ResourceTypeNames.all`, and the label it must get.
    static let examples: [(type: String, arn: String, label: String)] = [
        ("AWS::ApiGateway::RestApi", "arn:aws:execute-api:us-east-1:111111111111:k3m9x2p7qa/*/*/*", "API Gateway k3m9x2p7qa"),
        ("AWS::Backup::BackupVault", "arn:aws:backup:us-east-1:111111111111:backup-vault:central", "Backup vault central"),
        ("AWS::DynamoDB::Stream", "arn:aws:dynamodb:us-east-1:111111111111:table/orders/stream/2024-06-01T00:00:00.000",
         "DynamoDB stream orders 2024-06-01T00:00:00.000"),
        ("AWS::DynamoDB::Table", "arn:aws:dynamodb:us-east-1:111111111111:table/orders", "DynamoDB table orders"),
        ("AWS::EC2::Snapshot", "arn:aws:ec2:us-east-1::snapshot/snap-0a1b2c3d4e5f60718", "EBS snapshot snap-0a1b2c3d4e5f60718"),
        ("AWS::ECR::Repository", "arn:aws:ecr:us-east-1:111111111111:repository/web/api", "ECR repository web/api"),
        ("AWS::EFS::FileSystem", "arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/fs-0c4e8a2b6d1f39a57",
         "EFS file system fs-0c4e8a2b6d1f39a57"),
        ("AWS::Events::EventBus", "arn:aws:events:us-east-1:111111111111:event-bus/default", "EventBridge bus default"),
        ("AWS::Glacier::Vault", "arn:aws:glacier:us-east-1:111111111111:vaults/acme-archive", "Glacier vault acme-archive"),
        ("AWS::IAM::Role", "arn:aws:iam::111111111111:role/service-role/Deployer", "role/Deployer"),
        ("AWS::KMS::Key", "arn:aws:kms:us-east-1:111111111111:key/5d9c1e7a-3b42-4f6e-9a8d-2c71b0e4f915",
         "KMS key 5d9c1e7a-3b42-4f6e-9a8d-2c71b0e4f915"),
        ("AWS::Lambda::Function", "arn:aws:lambda:us-east-1:111111111111:function:payroll-export", "Lambda function payroll-export"),
        ("AWS::Lambda::LayerVersion", "arn:aws:lambda:us-east-1:111111111111:layer:acme-common-libs:3", "Lambda layer acme-common-libs:3"),
        ("AWS::Logs::Destination", "arn:aws:logs:us-east-1:111111111111:destination:partner-log-sink", "Logs destination partner-log-sink"),
        ("AWS::OpenSearchService::Domain", "arn:aws:es:us-east-1:111111111111:domain/dev-search", "OpenSearch domain dev-search"),
        ("AWS::RDS::DBClusterSnapshot", "arn:aws:rds:us-east-1:111111111111:cluster-snapshot:dev-data-partner",
         "RDS cluster snapshot dev-data-partner"),
        ("AWS::RDS::DBSnapshot", "arn:aws:rds:us-east-1:111111111111:snapshot:payroll-db-2024-06-01", "RDS snapshot payroll-db-2024-06-01"),
        ("AWS::S3::AccessPoint", "arn:aws:s3:us-east-1:111111111111:accesspoint/shared-ap", "S3 access point shared-ap"),
        ("AWS::S3::Bucket", "arn:aws:s3:::acme-payroll", "S3 bucket acme-payroll"),
        ("AWS::SNS::Topic", "arn:aws:sns:us-east-1:111111111111:alerts", "SNS topic alerts"),
        ("AWS::SQS::Queue", "arn:aws:sqs:us-east-1:111111111111:orders", "SQS queue orders"),
        ("AWS::SecretsManager::Secret", "arn:aws:secretsmanager:us-east-1:111111111111:secret:db-AbCdEf", "secret db-AbCdEf"),
    ]

    @Test func everyTypeTheReaderKnowsHasAKindAndAnExample() {
        #expect(Set(Self.examples.map(\.type)) == Set(ResourceTypeNames.all))
        for type in ResourceTypeNames.all { #expect(ResourceKind.of(type: type) != nil, "no kind for \(type)") }
    }

    @Test(arguments: examples.map { [$0.type, $0.arn, $0.label] })
    func labelFromTypeAndARN(_ example: [String]) {
        let node = Node(id: example[1], kind: example[0] == "AWS::IAM::Role" ? .role : .resource, account: "111111111111", resourceType: example[0])
        #expect(node.label == example[2])
    }

    /// Nodes whose type is not known (an edge end the graph lacks) get the kind from the ARN's shape.
    @Test(arguments: examples.map { [$0.type, $0.arn, $0.label] })
    func kindInferredFromTheARN(_ example: [String]) {
        #expect(Node.defaultLabel(for: example[1], kind: .resource) == example[2])
    }

    @Test func principalsSayWhatTheyAre() {
        #expect(Node(id: "arn:aws:iam::999999999999:root", kind: .account).label == "account 999999999999")
        #expect(Node(id: "*", kind: .everyone).label == "everyone (*)")
        #expect(Node(id: "sns.amazonaws.com", kind: .service).label == "service sns.amazonaws.com")
        #expect(Node(id: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com", kind: .federated).label
            == "OIDC provider token.actions.githubusercontent.com")
        #expect(Node(id: "arn:aws:iam::111111111111:saml-provider/Okta", kind: .federated).label == "SAML provider Okta")
        #expect(Node(id: "accounts.google.com", kind: .federated).label == "identity provider accounts.google.com")
        #expect(Node(id: "arn:aws:iam::999999999999:role/VendorSync", kind: .externalPrincipal).label == "role/VendorSync (999999999999)")
        #expect(Node(id: "arn:aws:iam::111111111111:user/engineering/alice", kind: .user).label == "user/alice")
        #expect(Node(id: "arn:aws:sts::999999999999:assumed-role/Vendor/session-1", kind: .externalPrincipal).label
            == "assumed-role/Vendor/session-1 (999999999999)")
        #expect(Node(id: "arn:aws:iam::111111111111:group/devs", kind: .resource, resourceType: "AWS::IAM::Group").label == "group/devs")
        // A type the table does not know: the service and the resource, never a bare tail like "3".
        #expect(Node(id: "arn:aws:cloudformation:us-east-1:111111111111:stack/app/1", kind: .resource).label
            == "cloudformation stack/app/1")
    }
}
