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
        archived = []
        guard !rules.rules.isEmpty else {
            self.findings = findings
            self.entryPoints = entryPoints
            return
        }
        self.findings = []
        self.entryPoints = []
        for f in findings {
            if let a = rules.archived(f, model: model) { archived.append(a) } else { self.findings.append(f) }
        }
        for e in entryPoints {
            if let a = rules.archived(e, model: model) { archived.append(a) } else { self.entryPoints.append(e) }
        }
    }
}

extension ArchiveRules {
    /// `f` archived by the first rule that matches it, in file order; nil when none does. The
    /// account of the resource comes from the model, else from its ARN. Used one finding at a
    /// time by the streamed forms (`--expand`, `--format ndjson`), as by `ArchiveSplit`.
    public func archived(_ f: Finding, model: AccessModel) -> ArchivedFinding? {
        rule(for: f, account: Self.account(f.resource, model)).map {
            ArchivedFinding(kind: .finding, finding: f, entryPoint: nil, rule: $0.name, reason: $0.reason)
        }
    }

    /// `e` archived by the first rule that matches it; nil when none does.
    public func archived(_ e: EntryPoint, model: AccessModel) -> ArchivedFinding? {
        rule(for: e, account: Self.account(e.role, model)).map {
            ArchivedFinding(kind: .entryPoint, finding: nil, entryPoint: e, rule: $0.name, reason: $0.reason)
        }
    }

    static func account(_ arn: String, _ model: AccessModel) -> String? { model.resources[arn]?.account ?? ARNAccount.of(arn) }
}

/// The account component of an ARN, when it has one.
enum ARNAccount {
    static func of(_ arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return parts.count == 6 && !parts[4].isEmpty ? String(parts[4]) : nil
    }
}
