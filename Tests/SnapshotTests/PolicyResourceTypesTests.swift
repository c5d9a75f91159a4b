import Foundation
import Policy
import Testing
@testable import Snapshot

/// The resource types added for Access Analyzer parity: ARNs, types, policies read or
/// synthesized from sharing attributes, and bad input as warnings with file and JSON path.
@Suite("Snapshot: resource types beyond the first seven")
struct PolicyResourceTypesTests {
    static let region = "accounts/123456789012/us-east-1"
    static let allow999 = #"{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"999999999999\"}, \"Action\": \"*\", \"Resource\": \"*\"}]}"#

    func load(_ files: [String: String]) async throws -> (resources: [String: Resource], warnings: [SnapshotWarning]) {
        let s = TempSnapshot()
        defer { s.remove() }
        s.write("accounts/123456789012/iam/get-account-authorization-details.json", minimalGAAD)
        for (path, text) in files { s.write("\(Self.region)/\(path)", text) }
        let snap = try await SnapshotLoader().load(s.root)
        let resources = snap.accounts["123456789012"]?.resources ?? []
        return (Dictionary(uniqueKeysWithValues: resources.map { ($0.arn, $0) }), snap.warnings)
    }

    @Test func policyResourcesGetTheirARNsAndTypes() async throws {
        let p = #"{"Policy": "\#(Self.allow999)"}"#
        let (r, warnings) = try await load([
            "s3-access-points/ap1/get-access-point-policy.json": p,
            "lambda-layers/libs%2F3/get-layer-version-policy.json": #"{"Policy": "\#(Self.allow999)", "RevisionId": "x"}"#,
            "efs/fs-1/describe-file-system-policy.json": #"{"FileSystemId": "fs-1", "Policy": "\#(Self.allow999)"}"#,
            "dynamodb/orders/get-resource-policy.json": #"{"Policy": "\#(Self.allow999)", "RevisionId": "1"}"#,
            "dynamodb-streams/table%2Forders%2Fstream%2F2024-05-01T00:00:00.000/get-resource-policy.json": p,
            "glacier/archive/get-vault-access-policy.json": #"{"policy": {"Policy": "\#(Self.allow999)"}}"#,
            "events/default/describe-event-bus.json": #"{"Name": "default", "Arn": "arn:aws:events:us-east-1:123456789012:event-bus/default", "Policy": "\#(Self.allow999)"}"#,
            "logs-destinations/central/describe-destinations.json": #"{"destinations": [{"destinationName": "central-2", "arn": "x"}, {"destinationName": "central", "arn": "arn:aws:logs:us-east-1:123456789012:destination:central", "accessPolicy": "\#(Self.allow999)"}]}"#,
            "opensearch/search/describe-domain-config.json": #"{"DomainConfig": {"AccessPolicies": {"Options": "\#(Self.allow999)", "Status": {}}}}"#,
            "opensearch/closed/describe-domain-config.json": #"{"DomainConfig": {"AccessPolicies": {"Options": "", "Status": {}}}}"#,
            "backup/Default/get-backup-vault-access-policy.json": #"{"BackupVaultName": "Default", "BackupVaultArn": "arn:aws:backup:us-east-1:123456789012:backup-vault:Default", "Policy": "\#(Self.allow999)"}"#,
        ])
        #expect(warnings.isEmpty, "\(warnings)")
        let expected: [(String, String)] = [
            ("arn:aws:s3:us-east-1:123456789012:accesspoint/ap1", "AWS::S3::AccessPoint"),
            ("arn:aws:lambda:us-east-1:123456789012:layer:libs:3", "AWS::Lambda::LayerVersion"),
            ("arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1", "AWS::EFS::FileSystem"),
            ("arn:aws:dynamodb:us-east-1:123456789012:table/orders", "AWS::DynamoDB::Table"),
            ("arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-05-01T00:00:00.000", "AWS::DynamoDB::Stream"),
            ("arn:aws:glacier:us-east-1:123456789012:vaults/archive", "AWS::Glacier::Vault"),
            ("arn:aws:events:us-east-1:123456789012:event-bus/default", "AWS::Events::EventBus"),
            ("arn:aws:logs:us-east-1:123456789012:destination:central", "AWS::Logs::Destination"),
            ("arn:aws:es:us-east-1:123456789012:domain/search", "AWS::OpenSearchService::Domain"),
            ("arn:aws:backup:us-east-1:123456789012:backup-vault:Default", "AWS::Backup::BackupVault"),
        ]
        for (arn, type) in expected {
            #expect(r[arn]?.type == type, "\(arn)")
            #expect(r[arn]?.policy?.document.statements.count == 1, "\(arn) policy")
        }
        #expect(r["arn:aws:es:us-east-1:123456789012:domain/closed"]?.policy == nil, "an empty access policy is none")
    }

    @Test func apiGatewayPolicyIsUnescapedAndItsShortResourcesExpanded() async throws {
        // get-rest-api prints the policy with its quotes escaped once more than JSON needs.
        let escaped = #"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":\\\"execute-api:Invoke\\\",\\\"Resource\\\":\\\"execute-api:/*\\\"}]}"#
        let (r, warnings) = try await load(["apigateway/a1b2c3/get-rest-api.json": #"{"id": "a1b2c3", "name": "orders", "policy": "\#(escaped)"}"#])
        #expect(warnings.isEmpty, "\(warnings)")
        let api = try #require(r["arn:aws:execute-api:us-east-1:123456789012:a1b2c3/*/*/*"])
        #expect(api.type == "AWS::ApiGateway::RestApi")
        #expect(api.policy?.document.statements.first?.resource?.patterns.map(\.description) == ["arn:aws:execute-api:us-east-1:123456789012:a1b2c3/*"])
        // moto prints the policy escaped only once, as any JSON string; that reads the same.
        let plain = #"{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"execute-api:Invoke\", \"Resource\": \"execute-api:/*\"}]}"#
        let (r2, w2) = try await load(["apigateway/x9/get-rest-api.json": #"{"id": "x9", "policy": "\#(plain)"}"#])
        #expect(w2.isEmpty, "\(w2)")
        #expect(r2["arn:aws:execute-api:us-east-1:123456789012:x9/*/*/*"]?.policy?.document.statements.count == 1)
    }

    @Test func snapshotSharingBecomesAPolicyThatIsRequired() async throws {
        let (r, warnings) = try await load([
            "ec2-snapshots/snap-1/describe-snapshot-attribute.json":
                #"{"CreateVolumePermissions": [{"Group": "all"}, {"UserId": "999999999999"}, {"Bogus": 1}], "SnapshotId": "snap-1"}"#,
            "rds-snapshots/db1/describe-db-snapshot-attributes.json":
                #"{"DBSnapshotAttributesResult": {"DBSnapshotIdentifier": "db1", "DBSnapshotAttributes": [{"AttributeName": "restore", "AttributeValues": ["999999999999", "nobody"]}]}}"#,
            "rds-cluster-snapshots/cl1/describe-db-cluster-snapshot-attributes.json":
                #"{"DBClusterSnapshotAttributesResult": {"DBClusterSnapshotIdentifier": "cl1", "DBClusterSnapshotAttributes": [{"AttributeName": "restore", "AttributeValues": ["all"]}]}}"#,
            "rds-snapshots/broken/describe-db-snapshot-attributes.json": #"{"Something": {}}"#,
        ])
        let ebs = try #require(r["arn:aws:ec2:us-east-1::snapshot/snap-1"])
        #expect(ebs.type == "AWS::EC2::Snapshot" && ebs.policyRequired)
        #expect(ebs.policy?.document.statements.compactMap(\.sid) == ["owner account", "shared with all", "shared with 999999999999"])
        let db = try #require(r["arn:aws:rds:us-east-1:123456789012:snapshot:db1"])
        #expect(db.type == "AWS::RDS::DBSnapshot" && db.policyRequired)
        #expect(db.policy?.document.statements.count == 2)
        let cluster = try #require(r["arn:aws:rds:us-east-1:123456789012:cluster-snapshot:cl1"])
        #expect(cluster.type == "AWS::RDS::DBClusterSnapshot")
        #expect(cluster.policy?.document.statements.last?.sid == "shared with all")
        #expect(warnings.contains { $0.file.hasSuffix("ec2-snapshots/snap-1/describe-snapshot-attribute.json") && $0.jsonPath == "$.CreateVolumePermissions[2]" })
        #expect(warnings.contains { $0.file.hasSuffix("rds-snapshots/db1/describe-db-snapshot-attributes.json")
            && $0.jsonPath == "$.DBSnapshotAttributesResult.DBSnapshotAttributes[0].AttributeValues[1]" })
        #expect(warnings.contains { $0.file.hasSuffix("rds-snapshots/broken/describe-db-snapshot-attributes.json") && $0.jsonPath == "$.DBSnapshotAttributesResult" })
    }

    @Test func kmsGrantsAreStatementsOfTheKeyPolicy() async throws {
        let key = "k1"
        let (r, warnings) = try await load([
            "kms/\(key)/describe-key.json": #"{"KeyMetadata": {"Arn": "arn:aws:kms:us-east-1:123456789012:key/k1", "KeyManager": "CUSTOMER"}}"#,
            "kms/\(key)/get-key-policy.json": #"{"Policy": "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"kms:*\", \"Resource\": \"*\"}]}"}"#,
            "kms/\(key)/list-grants.json": #"{"Grants": [{"GrantId": "g1", "GranteePrincipal": "arn:aws:iam::999999999999:role/R", "Operations": ["Decrypt"], "Constraints": {"EncryptionContextEquals": {"app": "x"}}}, {"GrantId": "g2", "Operations": ["Encrypt"]}, {"GrantId": "g3", "GranteePrincipal": "arn:aws:iam::999999999999:role/R", "Operations": [7]}], "Truncated": false}"#,
        ])
        let policy = try #require(r["arn:aws:kms:us-east-1:123456789012:key/k1"]?.policy)
        #expect(policy.document.statements.count == 2)
        let grant = policy.document.statements[1]
        #expect(grant.sid == "grant g1" && grant.index == 1)
        #expect(grant.conditions.count == 1)
        #expect(warnings.contains { $0.file.hasSuffix("kms/k1/list-grants.json") && $0.jsonPath == "$.Grants[1]" })
        #expect(warnings.contains { $0.jsonPath == "$.Grants[2].Operations[0]" })
    }

    @Test func badInputNamesFileAndPath() async throws {
        let (r, warnings) = try await load([
            "efs/fs-1/describe-file-system-policy.json": #"{"FileSystemId": "fs-1", "Policy": "{ not json"}"#,
            "glacier/v/get-vault-access-policy.json": #"{"policy": {"Policy": 42}}"#,
            "lambda-layers/no-version/get-layer-version-policy.json": #"{"Policy": "{}"}"#,
            "logs-destinations/gone/describe-destinations.json": #"{"destinations": []}"#,
            "events/b/describe-event-bus.json": #"{"Name": "b", "Arn": 5}"#,
        ])
        #expect(warnings.contains { $0.file.hasSuffix("efs/fs-1/describe-file-system-policy.json") && $0.jsonPath == "$.Policy" })
        #expect(warnings.contains { $0.file.hasSuffix("glacier/v/get-vault-access-policy.json") && $0.jsonPath?.hasPrefix("$.policy.Policy") == true })
        #expect(warnings.contains { $0.file.hasSuffix("lambda-layers/no-version") })
        #expect(warnings.contains { $0.file.hasSuffix("logs-destinations/gone/describe-destinations.json") && $0.jsonPath == "$.destinations" })
        #expect(warnings.contains { $0.file.hasSuffix("events/b/describe-event-bus.json") && $0.jsonPath == "$.Arn" })
        #expect(r["arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1"]?.policy == nil)
    }
}
