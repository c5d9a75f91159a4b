import Graph

/// Builds the SARIF log of direct findings, entry points and (with `findings --with-escalation`)
/// the transitive findings reached by privilege escalation: one rule per finding kind, one result
/// per finding, located at the snapshot file of the granting policy.
public struct SarifReport: Sendable {
    /// The rules, in the order of their indices.
    public enum RuleKind: Int, CaseIterable, Sendable {
        case publicAccess, externalAccess, entryPoint, escalationPath

        var id: String {
            switch self {
            case .publicAccess: "public-access"
            case .externalAccess: "external-access"
            case .entryPoint: "cross-account-entry-point"
            case .escalationPath: "privilege-escalation-path"
            }
        }
    }

    let locator: FindingSourceLocator
    /// The snapshot directory as given on the command line, prefixed to file paths so that they
    /// resolve from where the command ran (the repository root in CI).
    let snapshotPath: String
    let toolVersion: String

    public init(model: AccessModel, snapshotPath: String, toolVersion: String) {
        locator = FindingSourceLocator(model: model)
        self.snapshotPath = snapshotPath.hasSuffix("/") ? String(snapshotPath.dropLast()) : snapshotPath
        self.toolVersion = toolVersion
    }

    /// The log: one result per finding and entry point; archived ones as results suppressed
    /// (`suppressions`, kind external) with the rule's name and reason as justification.
    /// `escalated`: transitive findings whose path takes an escalation step (rule
    /// `privilege-escalation-path`, listed only when some result uses it).
    public func log(direct: [Finding], entryPoints: [EntryPoint], archived: [ArchivedFinding] = [], escalated: [Finding] = []) -> SarifLog {
        var results = direct.map(result) + escalated.map(result)
        results += entryPoints.map(result)
        for a in archived {
            var r: SarifLog.Result
            if let f = a.finding { r = result(f) } else if let e = a.entryPoint { r = result(e) } else { continue }
            r.suppressions = [SarifLog.Suppression(kind: "external", justification: "archive rule \(a.rule): \(a.reason)")]
            results.append(r)
        }
        let driver = SarifLog.Driver(
            name: "AccessGraph", version: toolVersion, informationUri: "https://github.com/accessgraph/accessgraph",
            rules: RuleKind.allCases.filter { kind in kind != .escalationPath || results.contains { $0.ruleId == kind.id } }.map(Self.rule))
        return SarifLog(runs: [SarifLog.Run(tool: SarifLog.Tool(driver: driver), results: results)])
    }

    func result(_ f: Finding) -> SarifLog.Result {
        if Self.isEscalated(f) { return escalationResult(f) }
        let kind: RuleKind = f.isPublic ? .publicAccess : .externalAccess
        let source = locator.source(resource: f.resource, principal: f.principal, actions: f.actions)
        let who = f.isPublic ? "everyone (\(f.principal))" : f.principal
        let message = "\(f.resource) (\(f.resourceType)) is reachable by \(who) outside the zone of trust: "
            + f.actions.joined(separator: ", ") + conditionText(f.conditions) + grantText(source)
        return result(kind, f, message: message, source: source)
    }

    func result(_ e: EntryPoint) -> SarifLog.Result {
        let source = locator.source(resource: e.role, principal: e.principal, actions: ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"])
        let reach = e.reach.map { "\($0.resources) \($0.resourceType) in \($0.account) (\($0.accessLevels.joined(separator: ", ")))" }
        let message = "\(e.principal) can enter by assuming \(e.role) and reaches \(e.resources) resource(s): "
            + reach.joined(separator: "; ") + conditionText(e.conditions) + grantText(source)
        return result(.entryPoint, id: FindingID.of(e), message: message, source: source, resource: e.role,
                      properties: SarifLog.ResultProperties(
                        id: FindingID.of(e), resource: e.role, resourceType: "AWS::IAM::Role", principal: e.principal,
                        isPublic: e.isPublic, actions: [], conditions: e.conditions, jsonPaths: source.jsonPaths))
    }

    func result(
        _ kind: RuleKind, id: String, message: String, source: FindingSource, resource: String, properties: SarifLog.ResultProperties
    ) -> SarifLog.Result {
        let physical = source.file.map {
            SarifLog.PhysicalLocation(
                artifactLocation: SarifLog.ArtifactLocation(uri: "\(snapshotPath)/\($0)"),
                region: SarifLog.Region(
                    startLine: source.line,
                    message: source.jsonPaths.isEmpty ? nil : SarifLog.Text(text: source.jsonPaths.joined(separator: ", "))))
        }
        return SarifLog.Result(
            ruleId: kind.id, ruleIndex: kind.rawValue, level: Self.level(kind), message: SarifLog.Text(text: message),
            locations: [SarifLog.Location(
                physicalLocation: physical,
                logicalLocations: [SarifLog.LogicalLocation(name: resource, fullyQualifiedName: resource, kind: "resource")])],
            partialFingerprints: ["accessgraphFindingId/v1": FindingID.fingerprint(id)], properties: properties, suppressions: nil)
    }

    /// Whether `f`'s path takes a privilege-escalation step (acting as another principal, or
    /// widening its own permissions).
    public static func isEscalated(_ f: Finding) -> Bool {
        f.steps?.contains { $0.kind == .escalate || $0.kind == .grant } ?? false
    }

    /// A transitive finding reached by escalation, located at the trust policy of the role the
    /// outside principal enters by (where the path starts).
    func escalationResult(_ f: Finding) -> SarifLog.Result {
        let entry = f.path.count > 1 ? f.path[1] : f.resource
        let source = locator.source(resource: entry, principal: f.principal, actions: ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"])
        let steps = (f.steps ?? []).map { step in
            step.kind == .access ? "acts on \(step.to)" : "\(step.from) -[\(step.technique)]-> \(step.to)"
        }
        let message = "\(f.principal) outside the zone of trust reaches \(f.resource) (\(f.resourceType)) by privilege escalation: "
            + steps.joined(separator: ", ") + ": " + f.actions.joined(separator: ", ") + conditionText(f.conditions) + grantText(source)
        return result(.escalationPath, f, message: message, source: source)
    }

    /// The result of a finding under `kind`, its properties taken from the finding.
    func result(_ kind: RuleKind, _ f: Finding, message: String, source: FindingSource) -> SarifLog.Result {
        result(kind, id: FindingID.of(f), message: message, source: source, resource: f.resource,
               properties: SarifLog.ResultProperties(
                 id: FindingID.of(f), resource: f.resource, resourceType: f.resourceType, principal: f.principal,
                 isPublic: f.isPublic, actions: f.actions, conditions: f.conditions, jsonPaths: source.jsonPaths))
    }

    func conditionText(_ conditions: [String: [String: [String]]]) -> String {
        guard !conditions.isEmpty else { return "" }
        let parts = conditions.keys.sorted().flatMap { op in
            conditions[op]!.keys.sorted().map { key in "\(op) \(key)=\(conditions[op]![key]!.joined(separator: "|"))" }
        }
        return "; only when " + parts.joined(separator: ", ")
    }

    func grantText(_ source: FindingSource) -> String {
        guard let file = source.file else { return "." }
        guard !source.jsonPaths.isEmpty else { return ". Granted by \(file) (no policy statement: an ACL or sharing setting)." }
        let sids = source.sids.isEmpty ? "" : " (Sid \(source.sids.joined(separator: ", ")))"
        return ". Granted by \(source.jsonPaths.joined(separator: ", "))\(sids) in \(file)."
    }

    static func level(_ kind: RuleKind) -> String { kind == .publicAccess ? "error" : "warning" }

    static func rule(_ kind: RuleKind) -> SarifLog.Rule {
        let (name, short, full, help, severity): (String, String, String, String, String)
        switch kind {
        case .publicAccess:
            (name, short, full, severity) = (
                "PublicAccess", "A resource is accessible to everyone.",
                "A resource policy, ACL or trust policy grants access to everyone (S3's definition of public, or an OIDC trust without a subject condition).",
                "9.0")
            help = "Anyone on the internet (or any identity of an identity provider) can use this access. Remove the grant to \"*\", or add a condition on a key that limits who can call (aws:PrincipalOrgID, aws:SourceVpce, aws:SourceIp, a token's sub), or turn on S3 Block Public Access. If the access is intended, archive it with an archive rule (accessgraph findings --archive-rules)."
        case .externalAccess:
            (name, short, full, severity) = (
                "ExternalAccess", "A principal outside the zone of trust can access a resource.",
                "A resource policy or trust policy grants access to an account, user, role or service outside the organization (or account), as IAM Access Analyzer's external access findings do.",
                "6.0")
            help = "Check that the outside principal should have this access. Narrow the Principal, the actions or the resources of the granting statement, or add conditions (sts:ExternalId, aws:SourceAccount). If the access is intended, archive it with an archive rule."
        case .entryPoint:
            (name, short, full, severity) = (
                "CrossAccountEntryPoint", "An outside principal can assume a role and reach resources through it.",
                "An outside principal can assume a role of the zone of trust; the entry point sums up what that role, and every role it can assume in turn, reaches.",
                "7.0")
            help = "Review the role's trust policy and what the role (and the roles it can assume) can do. Narrow the trust policy or the role's permissions; run accessgraph findings --expand for every resource reached with its path."
        case .escalationPath:
            (name, short, full, severity) = (
                "PrivilegeEscalationPath", "An outside principal reaches a resource by privilege escalation.",
                "An outside principal enters a role of the zone of trust and, by a privilege-escalation technique (passing a role to a service that runs code, rewriting a policy, taking over credentials), acts as a principal that can access the resource (docs/escalation.md).",
                "8.0")
            help = "Remove the permission the technique needs from the principal that uses it (iam:PassRole with the service action, the IAM write action), narrow the role it acts as, or narrow the entry role's trust policy; accessgraph paths --from PRINCIPAL --to RESOURCE shows every step."
        }
        return SarifLog.Rule(
            id: kind.id, name: name, shortDescription: SarifLog.Text(text: short), fullDescription: SarifLog.Text(text: full),
            help: SarifLog.Help(text: help, markdown: "**\(short)**\n\n\(help)"),
            defaultConfiguration: SarifLog.Configuration(level: level(kind)),
            properties: SarifLog.RuleProperties(tags: ["security", "aws", "iam"], securitySeverity: severity))
    }
}
