import Graph

/// A finding or entry point an archive rule matched: listed apart, never dropped.
public struct ArchivedFinding: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case finding
        case entryPoint
    }

    public var kind: Kind
    public var finding: Finding?
    public var entryPoint: EntryPoint?
    /// The rule's name.
    public var rule: String
    public var reason: String
}

/// Findings and entry points split by archive rules.
public struct ArchiveSplit: Sendable {
    /// What no rule matched.
    public var findings: [Finding]
    public var entryPoints: [EntryPoint]
    /// What a rule matched (the first rule that does, in file order).
    public var archived: [ArchivedFinding]

    /// Splits with `rules`; the account of a resource comes from the model (else its ARN).
    public init(findings: [Finding], entryPoints: [EntryPoint], rules: ArchiveRules, model: AccessModel) {
        func account(_ arn: String) -> String? { model.resources[arn]?.account ?? ARNAccount.of(arn) }
        self.findings = []
        self.entryPoints = []
        archived = []
        for f in findings {
            if let r = rules.rule(for: f, account: account(f.resource)) {
                archived.append(ArchivedFinding(kind: .finding, finding: f, entryPoint: nil, rule: r.name, reason: r.reason))
            } else {
                self.findings.append(f)
            }
        }
        for e in entryPoints {
            if let r = rules.rule(for: e, account: account(e.role)) {
                archived.append(ArchivedFinding(kind: .entryPoint, finding: nil, entryPoint: e, rule: r.name, reason: r.reason))
            } else {
                self.entryPoints.append(e)
            }
        }
    }
}

/// The account component of an ARN, when it has one.
enum ARNAccount {
    static func of(_ arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return parts.count == 6 && !parts[4].isEmpty ? String(parts[4]) : nil
    }
}
