/// SARIF 2.1.0 logs of `unused` and `hygiene`, shaped like `findings --format sarif`'s: one rule
/// per finding type or check (with its AWS page), one result per finding, located at its
/// evidence file.
public struct UsageSarif: Sendable {
    /// The log (`SarifLog`'s parts; results carry their own properties).
    public struct Log: Sendable, Encodable {
        public var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        public var version = "2.1.0"
        public var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    public struct Run: Sendable, Encodable {
        public var tool: SarifLog.Tool
        public var results: [Result]
    }

    public struct Result: Sendable, Encodable {
        public var ruleId: String
        public var ruleIndex: Int
        public var level: String
        public var message: SarifLog.Text
        public var locations: [SarifLog.Location]
        public var partialFingerprints: [String: String]
        public var properties: [String: String]
    }

    /// The snapshot directory as given on the command line, prefixed to evidence files.
    let snapshotPath: String
    let toolVersion: String

    public init(snapshotPath: String, toolVersion: String) {
        self.snapshotPath = snapshotPath.hasSuffix("/") ? String(snapshotPath.dropLast()) : snapshotPath
        self.toolVersion = toolVersion
    }

    /// The log of `hygiene`'s findings: one rule per check.
    public func log(_ report: HygieneReport) -> Log {
        let checks = HygieneCheck.allCases
        let rules = checks.map { c in
            rule(id: c.rawValue, title: c.title, help: "\(c.title). AWS's guidance: \(c.source)", source: c.source, level: c.level, severity: c.severity)
        }
        let results = report.findings.map { f in
            result(
                ruleId: f.check.rawValue, index: checks.firstIndex(of: f.check)!, level: f.check.level,
                message: "\(f.check.title): \(f.principal): \(f.detail). See \(f.source)", evidence: f.evidence, principal: f.principal,
                id: "hygiene|\(f.check.rawValue)|\(f.principal)|\(f.detail)",
                properties: ["account": f.account, "principal": f.principal, "source": f.source])
        }
        return log(rules: rules, results: results)
    }

    /// The log of `unused`'s findings: one rule per finding type.
    public func log(_ report: UnusedReport) -> Log {
        let kinds = UnusedFinding.Kind.allCases
        let rules = kinds.map { k in
            rule(id: k.rawValue, title: Self.title(k), help: "\(Self.title(k)) in the \(report.days) days before the snapshot. Remove it, or narrow the policy (accessgraph policy-suggest).",
                 source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html", level: "warning", severity: "4.0")
        }
        let results = report.findings.map { f in
            let what = f.detail.map { " \($0)" } ?? ""
            return result(
                ruleId: f.kind.rawValue, index: kinds.firstIndex(of: f.kind)!, level: "warning",
                message: "\(Self.title(f.kind)): \(f.principal)\(what), last used \(f.lastUsed) (\(report.days)-day window ending \(report.now)).",
                evidence: f.evidence, principal: f.principal, id: "unused|\(f.kind.rawValue)|\(f.principal)|\(f.detail ?? "")",
                properties: ["account": f.account, "principal": f.principal, "lastUsed": f.lastUsed, "detail": f.detail ?? ""])
        }
        return log(rules: rules, results: results)
    }

    static func title(_ kind: UnusedFinding.Kind) -> String {
        switch kind {
        case .unusedRole: "Unused role"
        case .unusedAccessKey: "Unused access key"
        case .unusedPassword: "Unused console password"
        case .unusedService: "Unused service permissions"
        case .unusedAction: "Unused action permission"
        }
    }

    func log(rules: [SarifLog.Rule], results: [Result]) -> Log {
        let driver = SarifLog.Driver(
            name: "AccessGraph", version: toolVersion, informationUri: "https://github.com/accessgraph/accessgraph", rules: rules)
        return Log(runs: [Run(tool: SarifLog.Tool(driver: driver), results: results)])
    }

    func rule(id: String, title: String, help: String, source: String, level: String, severity: String) -> SarifLog.Rule {
        SarifLog.Rule(
            id: id, name: id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
            shortDescription: SarifLog.Text(text: title + "."), fullDescription: SarifLog.Text(text: "\(title). Source: \(source)"),
            help: SarifLog.Help(text: help, markdown: "**\(title).**\n\n\(help)"),
            defaultConfiguration: SarifLog.Configuration(level: level),
            properties: SarifLog.RuleProperties(tags: ["security", "aws", "iam", "least-privilege"], securitySeverity: severity))
    }

    func result(
        ruleId: String, index: Int, level: String, message: String, evidence: String, principal: String, id: String, properties: [String: String]
    ) -> Result {
        let physical = SarifLog.PhysicalLocation(
            artifactLocation: SarifLog.ArtifactLocation(uri: "\(snapshotPath)/\(evidence)"), region: SarifLog.Region(startLine: 1, message: nil))
        return Result(
            ruleId: ruleId, ruleIndex: index, level: level, message: SarifLog.Text(text: message),
            locations: [SarifLog.Location(
                physicalLocation: physical,
                logicalLocations: [SarifLog.LogicalLocation(name: principal, fullyQualifiedName: principal, kind: "resource")])],
            partialFingerprints: ["accessgraphFindingId/v1": FindingID.fingerprint(id)], properties: properties)
    }
}
