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
    /// Whether each user's and role's service last-accessed report is collected (``LastAccessed``).
    var lastAccessed = true
    /// The first wait before asking again for a report AWS is still generating.
    var poll: Duration = .seconds(1)

    /// Account-level commands (the authorization details leading to each principal's last-accessed
    /// report), one listing per global resource type, one listing per regional resource type and
    /// region, and the organization's first job if asked for.
    func initialJobs() -> [Job] {
        var jobs: [Job] = []
        if includesAccount {
            jobs += ServiceCatalog.accountCommands.compactMap(accountJob)
            jobs.append(IAMUsage.credentialReportJob(account: account, poll: poll))
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

    /// The job of one account-level command; the authorization details, when last-accessed data
    /// is collected, also lead to the report jobs of their principals.
    private func accountJob(_ command: AccountCommand) -> Job? {
        guard let job = command.job(account: account) else { return nil }
        guard lastAccessed, command.template.file == .getAccountAuthorizationDetails else { return job }
        return job.leading(to: LastAccessed(account: account, poll: poll).jobs(fromAuthorizationDetails:))
    }
}
