import Policy

/// The actions of the action catalog, numbered, so that the action set of an `Action` or
/// `NotAction` element is a bit set over them (plus ``OtherActions`` for names the catalog does
/// not know). Built once per check.
public struct ActionSpace: Sendable {
    /// Every catalog action's full name, lowercased (`s3:getobject`), by position.
    public let names: [String]
    let positions: [String: Int]
    let catalog: ActionCatalog

    public init(catalog: ActionCatalog) {
        self.catalog = catalog
        names = catalog.expand(ActionPattern("*")).map { $0.fullName.lowercased() }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(names.count)
        for (i, n) in names.enumerated() { positions[n] = i }
        self.positions = positions
    }

    /// The catalog actions `pattern` matches.
    func known(_ pattern: ActionPattern) -> BitSet {
        var set = BitSet(count: names.count)
        for action in catalog.expand(pattern) {
            if let i = positions[action.fullName.lowercased()] { set.insert(i) }
        }
        return set
    }

    /// The actions of an `Action` or `NotAction` element.
    public func actions(of clause: ActionClause) -> ActionSet {
        var listed = BitSet(count: names.count)
        for p in clause.patterns { listed.formUnion(known(p)) }
        // A literal name the catalog knows matches no other action.
        let others = clause.patterns.map { $0.text.lowercased() }.filter { positions[$0] == nil }
        switch clause {
        case .action: return ActionSet(known: listed, other: .matching(others))
        case .notAction: return ActionSet(known: listed.complement(), other: .allExcept(others))
        }
    }

    /// The actions of a list of patterns (`--actions s3:DeleteBucket,iam:PassRole`).
    public func actions(named patterns: [String]) -> ActionSet {
        actions(of: .action(patterns.map(ActionPattern.init)))
    }

    /// Up to `limit` names of the catalog actions in `set`, with how many there are in all.
    public func sample(_ set: ActionSet, limit: Int = 8) -> (names: [String], total: Int) {
        let all = set.known.members
        return (all.prefix(limit).map { catalogName(at: $0) }, all.count)
    }

    /// The catalog's spelling of the action at `position` (`s3:GetObject`).
    func catalogName(at position: Int) -> String {
        catalog.action(named: names[position])?.fullName ?? names[position]
    }

    /// Some action names of a set, for messages: `s3:DeleteObject, s3:PutObject and 12 more`.
    public func describe(_ set: ActionSet, limit: Int = 8) -> String {
        let (shown, total) = sample(set, limit: limit)
        var parts: [String] = []
        if total > 0 { parts.append(shown.joined(separator: ", ") + (total > shown.count ? " and \(total - shown.count) more" : "")) }
        if !set.other.isEmpty { parts.append("actions outside the catalog (\(set.other))") }
        return parts.joined(separator: "; ")
    }
}
