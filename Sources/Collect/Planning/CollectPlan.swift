/// The jobs a collection starts with; listings add the per-resource jobs as they finish.
struct CollectPlan: Sendable {
    /// The account being collected.
    let account: String
    /// The regions whose regional resources are collected.
    let regions: [String]
    /// Whether the organization is collected too.
    let organization: Bool

    /// Account-level commands, one listing per global resource type, one listing per
    /// regional resource type and region, and the organization's first job if asked for.
    func initialJobs() -> [Job] {
        var jobs = ServiceCatalog.accountCommands.compactMap { $0.job(account: account) }
        for type in ServiceCatalog.resourceTypes {
            switch type.scope {
            case .global:
                jobs.append(type.discoveryJob(account: account, region: nil))
            case .regional:
                jobs += regions.map { type.discoveryJob(account: account, region: $0) }
            }
        }
        if organization { jobs += Organizations.jobs() }
        return jobs
    }
}
