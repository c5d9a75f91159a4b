import Policy
import SnapshotLayout

/// Lambda functions: `<region>/lambda/<function>/get-function.json` (FunctionArn) and `get-policy.json`.
struct LambdaFunctionImporter: ResourceImporter {
    let service = ServiceFolder.lambda

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let function = folder.json(.getFunction, warnings: &warnings)
        let arn = function?["Configuration"]?["FunctionArn"]?.stringValue
            ?? "arn:aws:lambda:\(folder.region ?? ""):\(folder.account):function:\(folder.name)"
        let policy = folder.policy(
            folder.json(.getPolicy, warnings: &warnings), file: .getPolicy, key: ["Policy"],
            name: "function policy of \(folder.name)", warnings: &warnings)
        var resource = Resource(arn: arn, type: "AWS::Lambda::Function", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file(.getPolicy))
        resource.executionRole = function?["Configuration"]?["Role"]?.stringValue
        return resource
    }
}
