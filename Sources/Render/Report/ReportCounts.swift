import Analysis
import Graph

/// The counts at the top of the report.
public struct ReportCounts: Sendable {
    public var findings: Int
    public var publicFindings: Int
    /// Distinct outside principals in the findings (`*` included when something is public).
    public var externalPrincipals: Int
    /// Distinct resources that have a finding.
    public var exposedResources: Int
    /// Resources in the snapshot per type (`AWS::S3::Bucket`...), sorted by type.
    public var resourcesByType: [(type: String, count: Int)]
    /// Resources with a finding per type, sorted by type.
    public var exposedByType: [String: Int]
    public var warnings: Int

    public init(model: AccessModel, findings: [Finding], warnings: Int) {
        self.findings = findings.count
        publicFindings = findings.filter(\.isPublic).count
        externalPrincipals = Set(findings.map(\.principal)).count
        var exposed: [String: String] = [:]
        for f in findings { exposed[f.resource] = f.resourceType }
        exposedResources = exposed.count
        exposedByType = exposed.values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        var byType: [String: Int] = [:]
        for r in model.resources.values { byType[r.type, default: 0] += 1 }
        // A finding on a resource the model does not list (should not happen) still counts.
        for (arn, type) in exposed where model.resources[arn] == nil { byType[type, default: 0] += 1 }
        resourcesByType = byType.keys.sorted().map { ($0, byType[$0] ?? 0) }
        self.warnings = warnings
    }
}
