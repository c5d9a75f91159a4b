/// A SARIF 2.1.0 log (the OASIS Static Analysis Results Interchange Format), the subset
/// `findings --format sarif` writes: one run, its rules, and results with locations.
public struct SarifLog: Sendable, Encodable {
    public var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    public var version = "2.1.0"
    public var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    public struct Run: Sendable, Encodable {
        public var tool: Tool
        public var results: [Result]
    }

    public struct Tool: Sendable, Encodable {
        public var driver: Driver
    }

    public struct Driver: Sendable, Encodable {
        public var name: String
        public var version: String
        public var informationUri: String
        public var rules: [Rule]
    }

    public struct Rule: Sendable, Encodable {
        public var id: String
        public var name: String
        public var shortDescription: Text
        public var fullDescription: Text
        public var help: Help
        public var defaultConfiguration: Configuration
        public var properties: RuleProperties
    }

    public struct Text: Sendable, Encodable {
        public var text: String
    }

    public struct Help: Sendable, Encodable {
        public var text: String
        public var markdown: String
    }

    public struct Configuration: Sendable, Encodable {
        public var level: String
    }

    public struct RuleProperties: Sendable, Encodable {
        public var tags: [String]
        /// GitHub code scanning's severity, 0.0 to 10.0, as text.
        public var securitySeverity: String

        enum CodingKeys: String, CodingKey {
            case tags
            case securitySeverity = "security-severity"
        }
    }

    public struct Result: Sendable, Encodable {
        public var ruleId: String
        public var ruleIndex: Int
        public var level: String
        public var message: Text
        public var locations: [Location]
        public var partialFingerprints: [String: String]
        public var properties: ResultProperties
        /// Set for findings an archive rule matched.
        public var suppressions: [Suppression]?
    }

    public struct Suppression: Sendable, Encodable {
        public var kind: String
        public var justification: String
    }

    public struct Location: Sendable, Encodable {
        public var physicalLocation: PhysicalLocation?
        public var logicalLocations: [LogicalLocation]
    }

    public struct PhysicalLocation: Sendable, Encodable {
        public var artifactLocation: ArtifactLocation
        public var region: Region
    }

    public struct ArtifactLocation: Sendable, Encodable {
        public var uri: String
    }

    public struct Region: Sendable, Encodable {
        public var startLine: Int
        /// The granting statements' JSON paths.
        public var message: Text?
    }

    public struct LogicalLocation: Sendable, Encodable {
        public var name: String
        public var fullyQualifiedName: String
        public var kind: String
    }

    public struct ResultProperties: Sendable, Encodable {
        public var id: String
        public var resource: String
        public var resourceType: String
        public var principal: String
        public var isPublic: Bool
        public var actions: [String]
        public var conditions: [String: [String: [String]]]
        public var jsonPaths: [String]
    }
}
