/// The jobs a collection starts with; listings add the per-resource jobs as they finish.
struct CollectPlan: Sendable {
    /// The account being collected.
    let account: String
    /// The regions whose regional resources are collected.
    let regions: [String]
    /// Whether the account's own data is collected (not when `--accounts`/`--exclude` leave it out).
    var includesAccount = true
    /// Whether the organization is collected too.
    var organization = false
    /// With the organization: how its member accounts are collected; nil collects none.
    var members: MemberCollection?

    /// Account-level commands, one listing per global resource type, one listing per
    /// regional resource type and region, and the organization's first job if asked for.
    func initialJobs() -> [Job] {
        var jobs: [Job] = []
        if includesAccount {
            jobs += ServiceCatalog.accountCommands.compactMap { $0.job(account: account) }
            jobs.append(IAMUsage.credentialReportJob(account: account))
            for type in ServiceCatalog.resourceTypes {
                switch type.scope {
                case .global:
                    jobs.append(type.discoveryJob(account: account, region: nil))
                case .regional:
                    jobs += regions.map { type.discoveryJob(account: account, region: $0) }
                }
            }
        }
        if organization { jobs += Organizations.jobs(members: members) }
        return jobs
    }
}
