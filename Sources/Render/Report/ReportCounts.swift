import Analysis
import Graph

/// The counts at the top of the report.
public struct ReportCounts: Sendable {
    /// Direct findings: grants to outside principals in resources' own policies and ACLs.
    public var findings: Int
    public var publicFindings: Int
    /// Entry points: (outside principal, role it enters, conditions).
    public var entryPoints: Int
    /// Distinct outside principals, of direct findings and entry points (`*` included when something is public).
    public var externalPrincipals: Int
    /// Distinct resources (other than roles) reachable from outside, directly or through roles.
    public var reachableResources: Int
    /// Per type (`AWS::S3::Bucket`...), sorted by type: resources in the snapshot, with a
    /// direct finding, and reachable from outside in all.
    public var byType: [TypeRow]
    public var warnings: Int

    /// One row of the resource-type table.
    public struct TypeRow: Sendable, Hashable {
        public var type: String
        public var resources: Int
        public var withFindings: Int
        public var reachable: Int
    }

    public init(overview: OrganizationOverview, warnings: Int) {
        findings = overview.directFindings
        publicFindings = overview.publicFindings
        entryPoints = overview.entryPoints.count
        externalPrincipals = Set(overview.direct.map(\.principal)).union(overview.entryPoints.map(\.principal)).count
        reachableResources = overview.reachableResources
        var rows: [String: TypeRow] = [:]
        for account in overview.accounts {
            for t in account.types {
                var row = rows[t.type] ?? TypeRow(type: t.type, resources: 0, withFindings: 0, reachable: 0)
                row.resources += t.resources
                row.reachable += t.reachable
                rows[t.type] = row
            }
        }
        for (type, count) in Dictionary(grouping: Set(overview.direct.map { [$0.resource, $0.resourceType] }), by: { $0[1] }).mapValues(\.count) {
            rows[type, default: TypeRow(type: type, resources: 0, withFindings: 0, reachable: 0)].withFindings = count
        }
        byType = rows.values.sorted { $0.type < $1.type }
        self.warnings = warnings
    }
}
