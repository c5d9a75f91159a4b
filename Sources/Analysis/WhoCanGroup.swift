import Graph
import Policy

/// Who-can rows folded for people: the principals of one kind that share a grant, the same
/// actions and the same conditions, e.g. "2,400 roles via arn:aws:iam::aws:policy/ReadOnlyAccess".
public struct WhoCanGroup: Sendable, Hashable {
    /// What the principals are; nil when not known.
    public var kind: NodeKind?
    public var grantedBy: [Grant]
    public var actions: [String]
    public var accessLevels: AccessLevelSummary?
    public var conditions: [String: [String: [String]]]
    public var deniedWhen: [String: [String: [String]]]
    /// The principals, in the order of the rows.
    public var principals: [String]
    /// The shortest path of the group's first principal (principal, roles, resource).
    public var examplePath: [String]

    /// The rows of `result` folded: one group per (kind, grants, actions, conditions), the largest
    /// first, then by grant. Every row is in exactly one group.
    public static func fold(_ result: WhoCanResult) -> [WhoCanGroup] {
        var index: [Key: Int] = [:]
        var lists = ListIDs()
        var groups: [WhoCanGroup] = []
        for row in result.principals {
            let key = Key(
                kind: row.kind, grantedBy: row.grantedBy, actions: lists.id(of: row.actions), conditions: row.conditions,
                deniedWhen: row.deniedWhen)
            if let i = index[key] {
                groups[i].principals.append(row.principal)
            } else {
                index[key] = groups.count
                groups.append(WhoCanGroup(
                    kind: row.kind, grantedBy: row.grantedBy, actions: row.actions, accessLevels: row.accessLevels,
                    conditions: row.conditions, deniedWhen: row.deniedWhen, principals: [row.principal], examplePath: row.path))
            }
        }
        return groups.enumerated().sorted { a, b in
            if a.element.principals.count != b.element.principals.count { return a.element.principals.count > b.element.principals.count }
            return a.offset < b.offset
        }.map(\.element)
    }

    struct Key: Hashable {
        let kind: NodeKind?
        let grantedBy: [Grant]
        let actions: Int
        let conditions: [String: [String: [String]]]
        let deniedWhen: [String: [String: [String]]]
    }

    /// Numbers action lists by content, hashing each array storage's content once.
    struct ListIDs {
        var byStorage: [ActionListInterning.Storage: Int] = [:]
        var byContent: [[String]: Int] = [:]
        var keepAlive: [[String]] = []

        mutating func id(of actions: [String]) -> Int {
            let storage = ActionListInterning.Storage(actions)
            if let known = byStorage[storage] { return known }
            let id = byContent[actions] ?? byContent.count
            byContent[actions] = id
            byStorage[storage] = id
            keepAlive.append(actions)
            return id
        }
    }
}

extension WhoCanResult {
    /// The rows folded by grant (`WhoCanGroup.fold`).
    public var groups: [WhoCanGroup] { WhoCanGroup.fold(self) }
}
