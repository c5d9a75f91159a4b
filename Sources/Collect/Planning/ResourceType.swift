import SnapshotLayout

/// A kind of resource the collector lists, then describes one by one: a listing command
/// whose `--query` picks each resource's identifying values, the folder each resource
/// gets, and the commands saved per resource. Each lives in its own file under `Services/`.
public struct ResourceType: Sendable, Hashable {
    /// The service folder of the layout its resources' folders go in, e.g. `kms`, `s3`.
    public let service: ServiceFolder
    /// The listing command, e.g. `["kms", "list-keys"]`.
    public let list: [CommandArgument]
    /// The JMESPath query that turns the listing into rows, e.g. `Keys[].KeyId`.
    public let query: String
    /// Which listed value names the resource's folder.
    public let folder: FolderName
    /// The commands saved for each resource, one file each.
    public let details: [CommandTemplate]
    /// A second listing per listed row (a Lambda layer's versions), whose rows are appended
    /// to the first listing's values; the folder and details then see both.
    public let sublisting: Sublisting?

    /// A listing run once per row of the first listing.
    public struct Sublisting: Sendable, Hashable {
        public let list: CommandTemplate
        public let query: String
        public init(_ list: CommandTemplate, query: String) {
            self.list = list
            self.query = query
        }
    }

    /// Creates a resource type.
    public init(
        service: ServiceFolder, list: [CommandArgument], query: String,
        folder: FolderName, details: [CommandTemplate], sublisting: Sublisting? = nil
    ) {
        self.sublisting = sublisting
        self.service = service
        self.list = list
        self.query = query
        self.folder = folder
        self.details = details
    }

    /// The folder under the account (or region) folder, e.g. `kms`, `s3`.
    public var directory: String { service.name }

    /// Listed once per account (its folder is in the account's folder) or once per region.
    public var scope: ResourceScope { service.regional ? .regional : .global }

    /// The listing job for one account and region (nil region for a global type).
    func discoveryJob(account: String, region: String?) -> Job {
        let base = SnapshotLayout.serviceDirectory(account: account, region: region, service: service)
        let folder = self.folder
        let details = self.details
        let sublisting = self.sublisting
        let list = CommandTemplate(self.list).resolve(account: account, region: region) 
            ?? self.list.compactMap { if case .literal(let text) = $0 { text } else { nil } }
        @Sendable func detailJobs(_ fields: [String]) -> [Job] {
            guard let name = folder.name(from: fields) else { return [] }
            return details.compactMap { template in
                guard let file = template.file,
                      let arguments = template.resolve(fields: fields, account: account, region: region) else { return nil }
                return .save(AWSCommand(arguments, region: region), to: SnapshotLayout.path(of: file, in: "\(base)/\(name)"),
                             absent: template.absentErrorCodes)
            }
        }
        return .discover(AWSCommand(list, region: region), query: query) { rows in
            rows.flatMap { fields -> [Job] in
                guard let sublisting else { return detailJobs(fields) }
                guard let arguments = sublisting.list.resolve(fields: fields, account: account, region: region) else { return [] }
                return [.discover(AWSCommand(arguments, region: region), query: sublisting.query) { subrows in
                    subrows.flatMap { detailJobs(fields + $0) }
                }]
            }
        }
    }
}
