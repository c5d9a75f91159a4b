import Graph

/// The model's resources by ordinal (position in `AccessModel.resourceOrder`) and by category:
/// one category per (account, resource type), the unit entry points count by.
struct ResourceCategories: Sendable {
    struct Category: Sendable, Hashable {
        let account: String
        let type: String
    }

    /// Each resource's ordinal, by the identity of its entry.
    let ordinalOf: [ObjectIdentifier: Int]
    /// Each ordinal's category.
    let categoryOf: [Int32]
    /// Sorted by account, then type.
    let categories: [Category]
    let entries: [ResourceEntry]

    init(model: AccessModel) {
        var ordinals: [ObjectIdentifier: Int] = [:]
        ordinals.reserveCapacity(model.resourceOrder.count)
        var entries: [ResourceEntry] = []
        entries.reserveCapacity(model.resourceOrder.count)
        var distinct: Set<Category> = []
        for (i, arn) in model.resourceOrder.enumerated() {
            let r = model.resources[arn]!
            ordinals[ObjectIdentifier(r)] = i
            entries.append(r)
            distinct.insert(Category(account: r.account, type: r.type))
        }
        let categories = distinct.sorted { ($0.account, $0.type) < ($1.account, $1.type) }
        let index = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($0.element, Int32($0.offset)) })
        ordinalOf = ordinals
        categoryOf = entries.map { index[Category(account: $0.account, type: $0.type)]! }
        self.categories = categories
        self.entries = entries
    }

    var count: Int { entries.count }
}
