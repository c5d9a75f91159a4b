import Policy
import SnapshotLayout

/// EventBridge event buses: `<region>/events/<bus>/describe-event-bus.json` (Name, Arn, Policy).
struct EventBusImporter: ResourceImporter {
    let service = ServiceFolder.events

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op = LayoutFile.describeEventBus
        let json = folder.json(op, warnings: &warnings)
        let arn = folder.string(json, "Arn", path: .root, file: op, warnings: &warnings)
            ?? "arn:\(folder.partition):events:\(folder.region ?? ""):\(folder.account):event-bus/\(folder.name)"
        let policy = folder.policy(json, file: op, key: ["Policy"], name: "event bus policy of \(folder.name)", warnings: &warnings)
        return Resource(arn: arn, type: "AWS::Events::EventBus", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file(op))
    }
}
