extension AccessModel {
    /// Builds the indexes behind `candidateResources(for:)`.
    mutating func indexResources() {
        for arn in resourceOrder {
            let r = resources[arn]!
            guard !r.isRole else { continue }
            resourcesByAccountService[r.account, default: [:]][r.service, default: []].append(r)
            if r.namesEveryone { resourcesNaming["*", default: []].append(r) }
            for id in r.namedPrincipals { resourcesNaming[id, default: []].append(r) }
        }
    }
}
