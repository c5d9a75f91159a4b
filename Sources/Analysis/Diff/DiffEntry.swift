/// Everything one snapshot says under one stable id (`FindingID`): the direct findings on one
/// resource for one principal and public flag, or the entry points of one principal into one role
/// (several when their conditions differ), merged.
public struct DiffEntry: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case finding
        case entryPoint
    }

    public var id: String
    public var kind: Kind
    /// The resource, or for an entry point the role entered.
    public var resource: String
    public var resourceType: String
    public var principal: String
    public var isPublic: Bool
    /// The actions, sorted (for an entry point: none).
    public var actions: [String]
    /// The undecided conditions of each finding or entry point merged here, sorted by their text.
    public var conditions: [[String: [String: [String]]]]
    /// For an entry point: how many resources it reaches.
    public var reaches: Int?

    /// The entries of one snapshot's direct findings and entry points, by id.
    public static func entries(findings: [Finding], entryPoints: [EntryPoint]) -> [String: DiffEntry] {
        var out: [String: DiffEntry] = [:]
        for f in findings {
            let id = FindingID.of(f)
            var e = out[id] ?? DiffEntry(
                id: id, kind: .finding, resource: f.resource, resourceType: f.resourceType, principal: f.principal,
                isPublic: f.isPublic, actions: [], conditions: [], reaches: nil)
            e.actions = Array(Set(e.actions).union(f.actions)).sorted()
            e.add(f.conditions)
            out[id] = e
        }
        for p in entryPoints {
            let id = FindingID.of(p)
            var e = out[id] ?? DiffEntry(
                id: id, kind: .entryPoint, resource: p.role, resourceType: "AWS::IAM::Role", principal: p.principal,
                isPublic: p.isPublic, actions: [], conditions: [], reaches: 0)
            e.reaches = max(e.reaches ?? 0, p.resources)
            e.add(p.conditions)
            out[id] = e
        }
        return out
    }

    mutating func add(_ c: [String: [String: [String]]]) {
        if !conditions.contains(c) { conditions.append(c) }
        conditions.sort { Self.text($0) < Self.text($1) }
    }

    /// `StringEquals sts:ExternalId=a|b, ...`, or `none`.
    public static func text(_ c: [String: [String: [String]]]) -> String {
        guard !c.isEmpty else { return "none" }
        return c.keys.sorted().flatMap { op in c[op]!.keys.sorted().map { "\(op) \($0)=\(c[op]![$0]!.joined(separator: "|"))" } }
            .joined(separator: ", ")
    }
}

/// One id present in both snapshots whose access differs.
public struct ChangedEntry: Sendable, Hashable, Codable {
    public var old: DiffEntry
    public var new: DiffEntry
    public var addedActions: [String]
    public var removedActions: [String]
    /// True when some condition set of the old snapshot is gone (access may now hold more often).
    public var conditionsChanged: Bool

    public var id: String { new.id }
}
