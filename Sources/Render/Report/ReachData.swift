import Analysis
import Graph
import Policy

/// What every entry point reaches per account and type, as one JSON document the page's script
/// reads when a row is unfolded: account and type names once, each distinct reach list once
/// (entry points through the same role usually share theirs), each item
/// `[account index, type index, resources, access level bits]`.
struct ReachData {
    /// The index of each entry point's reach list, in the entry points' order.
    private(set) var listIndex: [Int] = []
    private var accounts: [String] = []
    private var types: [String] = []
    private var lists: [String] = []

    static let levelOrder = ActionCatalog.AccessLevel.allCases.map(\.rawValue)

    init(_ entryPoints: [EntryPoint], accountNames: [String: String]) {
        var accountIndex: [String: Int] = [:]
        var typeIndex: [String: Int] = [:]
        var listIndexByText: [String: Int] = [:]
        for e in entryPoints {
            let items = e.reach.map { r -> String in
                let a = accountIndex[r.account] ?? {
                    accountIndex[r.account] = accounts.count
                    accounts.append(accountNames[r.account].map { "\($0) (\(r.account))" } ?? r.account)
                    return accounts.count - 1
                }()
                let t = typeIndex[r.resourceType] ?? {
                    typeIndex[r.resourceType] = types.count
                    types.append(ResourceKind.of(type: r.resourceType)?.plural ?? r.resourceType)
                    return types.count - 1
                }()
                let bits = Self.levelOrder.indices.reduce(0) { $0 | (r.accessLevels.contains(Self.levelOrder[$1]) ? 1 << $1 : 0) }
                return "[\(a),\(t),\(r.resources),\(bits)]"
            }
            let text = "[" + items.joined(separator: ",") + "]"
            if let i = listIndexByText[text] {
                listIndex.append(i)
            } else {
                listIndexByText[text] = lists.count
                listIndex.append(lists.count)
                lists.append(text)
            }
        }
    }

    /// The JSON text, safe inside `<script type="application/json">` (`JSONText`).
    var json: String {
        "{\"levels\":\(JSONText.array(Self.levelOrder)),\"accounts\":\(JSONText.array(accounts)),\"types\":\(JSONText.array(types)),"
            + "\"lists\":[\n" + lists.joined(separator: ",\n") + "]}"
    }
}
