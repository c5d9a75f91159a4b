import Policy
import SnapshotLayout

/// Reads one kind of resource from its snapshot folders. Adding a resource type
/// is one new file conforming to this protocol and one line in `ResourceImporters.all`.
protocol ResourceImporter: Sendable {
    /// The service folder (`s3`, `kms`, ...): `accounts/<id>/<region>/<service>/` when it is
    /// regional, `accounts/<id>/<service>/` (S3) when not.
    var service: ServiceFolder { get }
    /// Reads the resource in `folder`; nil when the folder holds nothing usable.
    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource?
}

/// The folder of one resource: `accounts/<id>/[<region>/]<service>/<name>/`.
struct ResourceFolder {
    let files: FileReader
    let path: String
    /// The folder name, with `%2F` turned back into `/`.
    let name: String
    let account: String
    let region: String?

    /// The JSON of `file` in this folder, when the file exists.
    func json(_ file: LayoutFile, warnings: inout [SnapshotWarning]) -> JSONValue? {
        files.optionalJSON(self.file(file), warnings: &warnings)
    }

    /// The path of `file` in this folder.
    func file(_ file: LayoutFile) -> String { SnapshotLayout.path(of: file, in: path) }

    /// Parses a policy found under `key` of `file`'s JSON (a JSON string or object).
    func policy(
        _ json: JSONValue?, file: LayoutFile, key: [String], name: String, warnings: inout [SnapshotWarning]
    ) -> NamedPolicy? {
        var value = json
        var path = JSONPath.root
        for k in key {
            value = value?[k]
            path = path.appending(k)
        }
        guard let value, value != .null else { return nil }
        return PolicyText.parse(value, file: self.file(file), path: path, name: name, warnings: &warnings)
    }
}

/// Every resource importer.
enum ResourceImporters {
    static let all: [any ResourceImporter] = [
        S3BucketImporter(),
        KMSKeyImporter(),
        SQSQueueImporter(),
        SNSTopicImporter(),
        LambdaFunctionImporter(),
        SecretsManagerSecretImporter(),
        ECRRepositoryImporter(),
        S3AccessPointImporter(),
        LambdaLayerVersionImporter(),
        EC2SnapshotImporter(),
        RDSSnapshotImporter.instance,
        RDSSnapshotImporter.clusters,
        EFSFileSystemImporter(),
        DynamoDBImporter.tables,
        DynamoDBImporter.streamsImporter,
        GlacierVaultImporter(),
        EventBusImporter(),
        LogsDestinationImporter(),
        ApiGatewayRestApiImporter(),
        OpenSearchDomainImporter(),
        BackupVaultImporter(),
    ]
}
