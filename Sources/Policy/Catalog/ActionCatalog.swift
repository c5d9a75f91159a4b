/// The actions, resource types and condition keys of every AWS service, as the
/// Service Authorization Reference (SAR) lists them.
///
/// The data comes from `Resources/action-catalog.txt`, which
/// `scripts/gen-action-catalog.py` generates; its header describes the format.
/// Load it with ``bundled()`` or parse bytes with ``init(parsing:)``. Queries
/// are case-insensitive on service prefixes and action names, as IAM is.
///
/// Loading indexes the text without copying it into values: ``Action`` and
/// ``ResourceType`` values are built from the bytes when a query returns them.
public struct ActionCatalog: Sendable {
    /// An action's access level, the SAR's classification.
    public enum AccessLevel: String, Sendable, Codable, CaseIterable {
        case list = "List"
        case read = "Read"
        case write = "Write"
        case permissionsManagement = "Permissions management"
        case tagging = "Tagging"
    }

    /// A service: its prefix (`s3`) and its name (`Amazon S3`).
    public struct Service: Sendable, Hashable {
        /// The prefix used in action names and usually in ARNs, e.g. `s3`.
        public let prefix: String
        /// The service's name, e.g. `Amazon S3`.
        public let name: String
        /// Positions of the service's actions among the catalog's action records.
        let actionIndices: Range<Int>
        /// Positions of the service's resource types among the catalog's type records.
        let resourceTypeIndices: Range<Int>
    }

    /// A resource type a service declares, e.g. S3's `object`.
    public struct ResourceType: Sendable, Hashable {
        /// The prefix of the service that declares the type. The ARN format may
        /// belong to another service (STS declares `role` with an IAM ARN).
        public let service: String
        /// The type's name as the SAR spells it (`object`, `function alias`).
        public let name: String
        /// The SAR's ARN format, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`.
        public let arnFormat: String
        /// ``arnFormat`` with each `${...}` placeholder replaced by `*`.
        public let arnPattern: ARNPattern
        /// Condition keys that apply to resources of this type.
        public let conditionKeys: [String]
    }

    /// An action, e.g. `s3:GetObject`.
    public struct Action: Sendable, Hashable {
        /// The service prefix, e.g. `s3`.
        public let service: String
        /// The action's name, e.g. `GetObject`.
        public let name: String
        /// The action's access level.
        public let accessLevel: AccessLevel
        /// Names of the resource types (of ``service``) the action applies to.
        /// Empty when the action supports no resource-level permissions, so a
        /// policy can only grant it with `Resource: "*"`.
        public let resourceTypes: [String]
        /// The subset of ``resourceTypes`` that the SAR marks as required (`*`).
        public let requiredResourceTypes: [String]
        /// Condition keys the action supports: the union over all its SAR rows.
        public let conditionKeys: [String]

        /// `service:name`, e.g. `s3:GetObject`.
        public var fullName: String { "\(service):\(name)" }
    }

    /// All services, sorted by prefix.
    public let services: [Service]

    /// The catalog text; records point into it.
    let text: [UInt8]
    /// `text` with ASCII letters lowercased, for case-insensitive name matching.
    let lowercasedText: [UInt8]
    /// One record per action, grouped by service, sorted by lowercased name within one.
    let actionRecords: [ActionRecord]
    /// One record per resource type, grouped by service.
    let typeRecords: [TypeRecord]
    /// The ARN formats with placeholders replaced by `?*`, which `TypeRecord.matchText` points into.
    let matchText: [UInt8]
    /// Lowercased prefix to position in `services`.
    let serviceIndexByPrefix: [String: Int]
    /// Positions in `typeRecords` by the service component of their ARN format
    /// (by the declaring service when that component is a placeholder).
    let typeIndicesByARNService: [String: [Int]]

    /// Parses a catalog in the text format that `scripts/gen-action-catalog.py` writes.
    public init(parsing bytes: [UInt8]) throws(ActionCatalogError) {
        var builder = CatalogBuilder(text: bytes)
        try CatalogReader.read(bytes, into: &builder)
        try builder.finish()
        text = bytes
        lowercasedText = builder.lowercasedText
        services = builder.services
        actionRecords = builder.actionRecords
        typeRecords = builder.typeRecords
        matchText = builder.matchText
        serviceIndexByPrefix = builder.serviceIndexByPrefix
        typeIndicesByARNService = builder.typeIndicesByARNService
    }

    /// The number of actions.
    public var actionCount: Int { actionRecords.count }

    /// The number of resource types, over all services.
    public var resourceTypeCount: Int { typeRecords.count }
}
