import Policy
import SnapshotLayout

/// CloudWatch Logs destinations: `<region>/logs-destinations/<name>/describe-destinations.json`
/// (`describe-destinations --destination-name-prefix NAME`: the entry whose `destinationName` is NAME,
/// with `arn` and `accessPolicy`).
struct LogsDestinationImporter: ResourceImporter {
    let service = ServiceFolder.logsDestinations

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op = LayoutFile.describeDestinations
        guard let json = folder.json(op, warnings: &warnings) else { return nil }
        let list = folder.array(json, "destinations", path: .root, file: op, warnings: &warnings)
        guard let index = list.firstIndex(where: { $0["destinationName"]?.stringValue == folder.name }) else {
            warnings.append(SnapshotWarning(file: folder.file(op), jsonPath: "$.destinations",
                                            message: "no destination named \(folder.name); skipped"))
            return nil
        }
        let entry = list[index]
        let path = JSONPath.root.appending("destinations").appending(index)
        let arn = folder.string(entry, "arn", path: path, file: op, warnings: &warnings)
            ?? "arn:\(folder.partition):logs:\(folder.region ?? ""):\(folder.account):destination:\(folder.name)"
        var policy: NamedPolicy?
        if let value = entry["accessPolicy"], value != .null {
            policy = PolicyText.parse(value, file: folder.file(op), path: path.appending("accessPolicy"),
                                      name: "destination policy of \(folder.name)", warnings: &warnings)
        }
        return Resource(arn: arn, type: "AWS::Logs::Destination", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file(op))
    }
}
