import Policy
import SnapshotLayout

/// DynamoDB tables (`<region>/dynamodb/<table>/get-resource-policy.json`) and streams
/// (`<region>/dynamodb-streams/table%2F<table>%2Fstream%2F<label>/get-resource-policy.json`).
/// The output (`Policy`, `RevisionId`) has no ARN: it comes from the folder name.
struct DynamoDBImporter: ResourceImporter {
    let service: ServiceFolder
    let streams: Bool

    static let tables = DynamoDBImporter(service: .dynamoDB, streams: false)
    static let streamsImporter = DynamoDBImporter(service: .dynamoDBStreams, streams: true)

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op = LayoutFile.getResourcePolicy
        if streams && !(folder.name.hasPrefix("table/") && folder.name.contains("/stream/")) {
            warnings.append(SnapshotWarning(file: folder.path, message: "a stream folder is named table%2F<table>%2Fstream%2F<label>; skipped"))
            return nil
        }
        let resource = streams ? folder.name : "table/\(folder.name)"
        let arn = "arn:\(folder.partition):dynamodb:\(folder.region ?? ""):\(folder.account):\(resource)"
        let policy = folder.policy(
            folder.json(op, warnings: &warnings), file: op, key: ["Policy"],
            name: "\(streams ? "stream" : "table") policy of \(folder.name)", warnings: &warnings)
        return Resource(arn: arn, type: streams ? "AWS::DynamoDB::Stream" : "AWS::DynamoDB::Table", account: folder.account,
                        region: folder.region, policy: policy, sourceFile: folder.file(op))
    }
}
