import Foundation
import SnapshotLayout

/// How the member accounts of an organization are collected: from `list-accounts`, each
/// selected ACTIVE account other than the caller's gets `sts assume-role` into `roleName`,
/// and its own jobs run with the temporary credentials.
struct MemberCollection: Sendable {
    /// The session name every assumed-role session gets: CloudTrail shows it is accessgraph.
    static let sessionName = "accessgraph-collect"

    /// The caller's account (management or delegated administrator): collected with its own credentials.
    let caller: String
    /// `aws`, `aws-cn`, `aws-us-gov`: the caller's partition, for role ARNs.
    let partition: String
    /// The role assumed in each member (`--member-role`), possibly with a path (`audit/Reader`).
    let roleName: String
    /// Which accounts are collected.
    let selection: AccountSelection
    /// The regions given on the command line; empty: each member's enabled regions.
    let regions: [String]
    /// Whether each member's principals' service last-accessed reports are collected.
    var lastAccessed = true
    /// The first wait before asking again for a report AWS is still generating.
    var poll: Duration = .seconds(1)

    /// The role assumed in `account`.
    func roleARN(_ account: String) -> String {
        "arn:\(partition):iam::\(account):role/\(roleName)"
    }

    /// The assume-role jobs for the selected ACTIVE accounts of `list-accounts`' output, and
    /// a failure for each account asked for with `--accounts` that is not one of them.
    func jobs(fromAccounts data: Data) throws(UnexpectedOutput) -> JobOutput {
        let accounts = try JSONObjects.list("Accounts", in: data)
        let active = Set(accounts.filter { ($0["Status"] as? String ?? $0["State"] as? String) == "ACTIVE" }
            .compactMap { $0["Id"] as? String })
        let members = active.filter { $0 != caller && selection.includes($0) }.sorted()
        let missing = selection.only.subtracting(active).subtracting(selection.excluded).sorted().map {
            AccountFailure(account: $0, reason: "not an ACTIVE account of the organization (organizations list-accounts)")
        }
        return JobOutput(followUps: members.map(assumeJob), failedAccounts: missing)
    }

    /// `sts assume-role` into the member, with the caller's credentials; its output (the
    /// temporary credentials) is read in memory and never saved.
    func assumeJob(_ account: String) -> Job {
        let command = AWSCommand(["sts", "assume-role", "--role-arn", roleARN(account),
                                  "--role-session-name", Self.sessionName])
        var job = Job(command: command) { data throws(UnexpectedOutput) in
            let access = AccountAccess.member(account, try MemberCredentials.parse(data))
            return JobOutput(followUps: memberJobs(account).map { $0.with(access) }, collectedAccounts: [account])
        }
        job.failsAccount = account
        return job
    }

    /// A member's own jobs: its `get-caller-identity`, and its account and regional commands
    /// in the given regions or, with none given, in the regions enabled for it.
    func memberJobs(_ account: String) -> [Job] {
        let identity = Job.save(AWSCommand(["sts", LayoutFile.getCallerIdentity.operation]),
                                to: SnapshotLayout.path(of: .getCallerIdentity, in: SnapshotLayout.accountDirectory(account)))
        guard regions.isEmpty else {
            return [identity] + plan(account, regions: regions).initialJobs()
        }
        let enabled = Job.discover(AWSCommand(["ec2", "describe-regions"]), query: "Regions[].RegionName") { rows in
            plan(account, regions: rows.compactMap(\.first).filter { !$0.isEmpty }.sorted()).initialJobs()
        }
        return [identity, enabled]
    }

    /// A member's own plan in `regions`.
    private func plan(_ account: String, regions: [String]) -> CollectPlan {
        CollectPlan(account: account, regions: regions, lastAccessed: lastAccessed, poll: poll)
    }
}
