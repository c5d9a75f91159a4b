/// A kind of resource the collector lists, then describes one by one: a listing command
/// whose `--query` picks each resource's identifying values, the folder each resource
/// gets, and the commands saved per resource. Each lives in its own file under `Services/`.
public struct ResourceType: Sendable, Hashable {
    /// The folder under the account (or region) folder, e.g. `kms`, `s3`.
    public let directory: String
    /// Listed once per account or once per region.
    public let scope: ResourceScope
    /// The listing command, e.g. `["kms", "list-keys"]`.
    public let list: [String]
    /// The JMESPath query that turns the listing into rows, e.g. `Keys[].KeyId`.
    public let query: String
    /// Which listed value names the resource's folder.
    public let folder: FolderName
    /// The commands saved for each resource, one file each.
    public let details: [CommandTemplate]

    /// Creates a resource type.
    public init(
        directory: String, scope: ResourceScope, list: [String], query: String,
        folder: FolderName, details: [CommandTemplate]
    ) {
        self.directory = directory
        self.scope = scope
        self.list = list
        self.query = query
        self.folder = folder
        self.details = details
    }

    /// The listing job for one account and region (nil region for a global type).
    func discoveryJob(account: String, region: String?) -> Job {
        let base = SnapshotLayout.serviceDirectory(account: account, region: region, service: directory)
        let folder = self.folder
        let details = self.details
        return .discover(AWSCommand(list, region: region), query: query) { rows in
            rows.flatMap { fields -> [Job] in
                guard let name = folder.name(from: fields) else { return [] }
                return details.compactMap { template in
                    guard let arguments = template.resolve(fields: fields, account: account) else { return nil }
                    return .save(AWSCommand(arguments, region: region), to: "\(base)/\(name)/\(template.fileName)",
                                 absent: template.absentErrorCodes)
                }
            }
        }
    }
}
