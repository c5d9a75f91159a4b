import Policy

/// EventBridge event buses: `<region>/events/<bus>/describe-event-bus.json` (Name, Arn, Policy).
struct EventBusImporter: ResourceImporter {
    let service = "events"
    let regional = true

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op = "describe-event-bus"
        let json = folder.json(op, warnings: &warnings)
        let arn = folder.string(json, "Arn", path: .root, operation: op, warnings: &warnings)
            ?? "arn:\(folder.partition):events:\(folder.region ?? ""):\(folder.account):event-bus/\(folder.name)"
        let policy = folder.policy(json, operation: op, key: ["Policy"], name: "event bus policy of \(folder.name)", warnings: &warnings)
        return Resource(arn: arn, type: "AWS::Events::EventBus", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file(op))
    }
}
