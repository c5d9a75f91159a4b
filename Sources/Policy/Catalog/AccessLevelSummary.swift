/// How many actions of a list fall in each access level of the Service Authorization
/// Reference (List, Read, Write, Permissions management, Tagging), as IAM Access Analyzer and
/// the IAM console's policy summaries show them. People read levels; the action list stays
/// available for machines.
public struct AccessLevelSummary: Sendable, Hashable, Codable {
    /// Actions per level, for the levels with at least one action.
    public private(set) var counts: [ActionCatalog.AccessLevel: Int]
    /// Actions the catalog does not know (newer than it, or misspelt).
    public private(set) var unknown: Int

    /// The summary of `actions` (full names such as `s3:GetObject`), each looked up in `catalog`.
    public init(actions: [String], catalog: ActionCatalog) {
        var counts: [ActionCatalog.AccessLevel: Int] = [:]
        var unknown = 0
        for name in actions {
            if let level = catalog.action(named: name)?.accessLevel {
                counts[level, default: 0] += 1
            } else {
                unknown += 1
            }
        }
        self.counts = counts
        self.unknown = unknown
    }

    /// The levels present, in the catalog's order (List, Read, Write, Permissions management, Tagging).
    public var levels: [ActionCatalog.AccessLevel] {
        ActionCatalog.AccessLevel.allCases.filter { counts[$0] != nil }
    }

    /// The levels' names, in that order: what JSON `accessLevels` fields hold.
    public var levelNames: [String] { levels.map(\.rawValue) }

    /// A short text form: `Read 12, Write 3` (and `other 1` for actions the catalog lacks).
    public var text: String {
        var parts = levels.map { "\($0.rawValue) \(counts[$0]!)" }
        if unknown > 0 { parts.append("other \(unknown)") }
        return parts.joined(separator: ", ")
    }
}
