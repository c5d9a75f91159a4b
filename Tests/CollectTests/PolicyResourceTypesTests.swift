import Foundation
import Testing
@testable import Collect

/// The resource types added for Access Analyzer parity, against canned `aws` answers.
@Suite struct PolicyResourceTypesTests {
    static let streamARN = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-05-01T00:00:00.000"

    static func responses() -> [String: CommandResult] {
        var r = FakeAccount.responses()
        let more: [String: CommandResult] = [
            "us-east-1|s3control list-access-points --account-id 123456789012 --query AccessPointList[].Name": .json(#"["ap1", "ap2"]"#),
            "s3control get-access-point-policy --account-id 123456789012 --name ap1": .json(#"{"Policy": "{}"}"#),
            "s3control get-access-point-policy --account-id 123456789012 --name ap2": .awsError("NoSuchAccessPointPolicy"),
            "us-east-1|lambda list-layers --query Layers[].LayerName": .json(#"["shared-libs"]"#),
            "lambda list-layer-versions --layer-name shared-libs --query LayerVersions[].Version": .json("[3, 2]"),
            "lambda get-layer-version-policy --layer-name shared-libs --version-number 3": .json(#"{"Policy": "{}"}"#),
            "lambda get-layer-version-policy --layer-name shared-libs --version-number 2": .awsError("ResourceNotFoundException"),
            "us-east-1|ec2 describe-snapshots --owner-ids self --query Snapshots[].SnapshotId": .json(#"["snap-0abc"]"#),
            "ec2 describe-snapshot-attribute --snapshot-id snap-0abc --attribute createVolumePermission":
                .json(#"{"CreateVolumePermissions": [{"Group": "all"}], "SnapshotId": "snap-0abc"}"#),
            "us-east-1|rds describe-db-snapshots --snapshot-type manual --query DBSnapshots[].DBSnapshotIdentifier": .json(#"["db-snap"]"#),
            "rds describe-db-snapshot-attributes --db-snapshot-identifier db-snap": .json(#"{"DBSnapshotAttributesResult": {}}"#),
            "us-east-1|rds describe-db-cluster-snapshots --snapshot-type manual --query DBClusterSnapshots[].DBClusterSnapshotIdentifier":
                .json(#"["cl-snap"]"#),
            "rds describe-db-cluster-snapshot-attributes --db-cluster-snapshot-identifier cl-snap":
                .json(#"{"DBClusterSnapshotAttributesResult": {}}"#),
            "us-east-1|efs describe-file-systems --query FileSystems[].FileSystemId": .json(#"["fs-1", "fs-2"]"#),
            "efs describe-file-system-policy --file-system-id fs-1": .json(#"{"FileSystemId": "fs-1", "Policy": "{}"}"#),
            "efs describe-file-system-policy --file-system-id fs-2": .awsError("PolicyNotFound"),
            "us-east-1|dynamodb list-tables --query TableNames": .json(#"["orders"]"#),
            "dynamodb get-resource-policy --resource-arn arn:aws:dynamodb:us-east-1:123456789012:table/orders":
                .json(#"{"Policy": "{}", "RevisionId": "1"}"#),
            "us-east-1|dynamodbstreams list-streams --query Streams[].StreamArn": .json("[\"\(streamARN)\"]"),
            "dynamodb get-resource-policy --resource-arn \(streamARN)": .awsError("PolicyNotFoundException"),
            "us-east-1|glacier list-vaults --account-id - --query VaultList[].VaultName": .json(#"["archive"]"#),
            "glacier get-vault-access-policy --account-id - --vault-name archive": .json(#"{"policy": {"Policy": "{}"}}"#),
            "us-east-1|events list-event-buses --query EventBuses[].Name": .json(#"["default"]"#),
            "events describe-event-bus --name default": .json(#"{"Name": "default"}"#),
            "us-east-1|logs describe-destinations --query destinations[].destinationName": .json(#"["central"]"#),
            "logs describe-destinations --destination-name-prefix central": .json(#"{"destinations": []}"#),
            "us-east-1|apigateway get-rest-apis --query items[].id": .json(#"["a1b2c3"]"#),
            "apigateway get-rest-api --rest-api-id a1b2c3": .json(#"{"id": "a1b2c3"}"#),
            "us-east-1|opensearch list-domain-names --query DomainNames[].DomainName": .json(#"["search"]"#),
            "opensearch describe-domain-config --domain-name search": .json(#"{"DomainConfig": {}}"#),
            "us-east-1|backup list-backup-vaults --query BackupVaultList[].BackupVaultName": .json(#"["Default"]"#),
            "backup get-backup-vault-access-policy --backup-vault-name Default": .awsError("ResourceNotFoundException"),
        ]
        r.merge(more) { _, new in new }
        return r
    }

    @Test func eachTypeIsSavedWhereTheImporterReadsIt() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let options = CollectOptions(output: folder.path("snap"), regions: ["us-east-1"], jobs: 4)
        _ = try await Collector(options: options, runner: FakeAWS(Self.responses()), environment: folder.environment).collect()
        let region = "accounts/123456789012/us-east-1"
        let files = Set(folder.files(under: "snap"))
        let expected = [
            "s3-access-points/ap1/get-access-point-policy.json",
            "lambda-layers/shared-libs%2F3/get-layer-version-policy.json",
            "ec2-snapshots/snap-0abc/describe-snapshot-attribute.json",
            "rds-snapshots/db-snap/describe-db-snapshot-attributes.json",
            "rds-cluster-snapshots/cl-snap/describe-db-cluster-snapshot-attributes.json",
            "efs/fs-1/describe-file-system-policy.json",
            "dynamodb/orders/get-resource-policy.json",
            "glacier/archive/get-vault-access-policy.json",
            "events/default/describe-event-bus.json",
            "logs-destinations/central/describe-destinations.json",
            "apigateway/a1b2c3/get-rest-api.json",
            "opensearch/search/describe-domain-config.json",
        ]
        for file in expected { #expect(files.contains("\(region)/\(file)"), "\(file)") }
        let absent = [
            "s3-access-points/ap2", "lambda-layers/shared-libs%2F2", "efs/fs-2",
            "dynamodb-streams/table%2Forders%2Fstream%2F2024-05-01T00:00:00.000", "backup/Default",
        ]
        for prefix in absent { #expect(!files.contains { $0.hasPrefix("\(region)/\(prefix)/") }, "\(prefix) has no policy: no file") }
        let errors = try String(contentsOfFile: folder.path("snap/collect-errors.json"), encoding: .utf8)
        for word in ["access-point", "layer", "snapshot", "efs", "dynamodb", "glacier", "events", "logs", "apigateway", "opensearch", "backup"] {
            #expect(!errors.contains(word), "no failure for \(word)")
        }
    }

    @Test func formatPlaceholders() {
        let template = CommandTemplate(["dynamodb", "get-resource-policy", "--resource-arn",
                                        .format("arn:{partition}:dynamodb:{region}:{account}:table/{0}")])
        #expect(template.resolve(fields: ["t"], account: "1", region: "cn-north-1")?.last == "arn:aws-cn:dynamodb:cn-north-1:1:table/t")
        #expect(template.resolve(fields: ["t"], account: "1") == nil, "{region} without a region")
        #expect(template.resolve(fields: [], account: "1", region: "us-east-1") == nil)
    }

    @Test func folderNamesForStreamsAndLayerVersions() {
        #expect(FolderName.arnResource(0).name(from: [Self.streamARN]) == "table%2Forders%2Fstream%2F2024-05-01T00:00:00.000")
        #expect(FolderName.arnResource(0).name(from: ["not-an-arn"]) == nil)
        #expect(FolderName.joined(0, 1).name(from: ["libs", "3"]) == "libs%2F3")
        #expect(FolderName.joined(0, 1).name(from: ["libs"]) == nil)
    }
}
