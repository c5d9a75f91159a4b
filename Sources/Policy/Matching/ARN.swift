/// An Amazon Resource Name split into its six colon-separated components:
/// `arn:partition:service:region:account:resource`. The resource component
/// keeps any further colons.
public struct ARN: Sendable, Hashable, CustomStringConvertible {
    public var partition: String
    public var service: String
    public var region: String
    public var account: String
    public var resource: String

    public init(partition: String = "aws", service: String, region: String = "", account: String = "", resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    /// Parses `text`; nil when it does not start with `arn:` or has fewer than six components.
    public init?(_ text: String) {
        guard text.hasPrefix("arn:") else { return nil }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return nil }
        partition = String(parts[1])
        service = String(parts[2])
        region = String(parts[3])
        account = String(parts[4])
        resource = String(parts[5])
    }

    public var description: String { "arn:\(partition):\(service):\(region):\(account):\(resource)" }

    /// The components in order, for component-wise matching.
    var components: [String] { ["arn", partition, service, region, account, resource] }

    /// The last segment of the resource, after the final `/` or `:` (a role's or bucket's short name).
    public var shortName: String {
        if let slash = resource.lastIndex(where: { $0 == "/" || $0 == ":" }) {
            return String(resource[resource.index(after: slash)...])
        }
        return resource
    }
}
