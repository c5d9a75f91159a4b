import Policy

/// The numbers of a representative's side and RCPs per target (`AccessModel.targetNumbers`)
/// for the classes of one group whose members every Resource element of the representative
/// matches as it matches most of the partition (`GroupClasses.matchedAsMost`). Those numbers
/// depend on the resource only through how the representative's statements match its targets
/// (`AccessMemo.SideKey`), its account and universes, and its RCP statements that name
/// resources; when it has none, and each universe is of one of the partition's services (so
/// the statements that may cover it are among those `PlanClassing` matched), resources of one
/// account and universes have equal numbers: worked out once for them.
struct AlikeNumbers {
    private struct Key: Hashable {
        let account: String
        let universes: [Int]
    }

    private let services: Set<String>
    private var known: [Key: [Int32]] = [:]
    private var covered: [Int: Bool] = [:]

    init(services: [String]) { self.services = Set(services) }

    /// The numbers of `r`, from `compute` the first time for its account and universes.
    mutating func numbers(of r: ResourceEntry, compute: () -> [Int32]) -> [Int32] {
        guard r.rcpResourceSpecificStatements.isEmpty, r.universes.allSatisfy({ isCovered($0) }) else { return compute() }
        let key = Key(account: r.account, universes: r.universes.map(\.id))
        if let n = known[key] { return n }
        let n = compute()
        known[key] = n
        return n
    }

    private mutating func isCovered(_ u: ActionUniverse) -> Bool {
        if let known = covered[u.id] { return known }
        let yes = u.service.map(services.contains) ?? false
        covered[u.id] = yes
        return yes
    }
}
