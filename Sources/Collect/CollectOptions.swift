/// What to collect and where to put it: the options of `accessgraph collect`.
public struct CollectOptions: Sendable, Hashable {
    /// The role assumed in each member account unless another is given.
    public static let defaultMemberRole = "OrganizationAccountAccessRole"

    /// The snapshot folder to create.
    public var output: String
    /// The `aws` named profile; nil uses the CLI's default credentials.
    public var profile: String?
    /// The regions to collect; empty collects every enabled region (`ec2 describe-regions`),
    /// each account's own.
    public var regions: [String]
    /// An AWS-compatible endpoint to use instead of AWS (e.g. `http://127.0.0.1:5000`).
    public var endpointURL: String?
    /// Also collect the organization (OUs, accounts, SCPs and RCPs) and its member accounts,
    /// run from the management account or a delegated administrator.
    public var organization: Bool
    /// The role assumed in each member account (a name, possibly with a path).
    public var memberRole: String
    /// Which of the organization's accounts are collected.
    public var accounts: AccountSelection
    /// How many `aws` commands may run at once.
    public var jobs: Int
    /// Replace an existing, non-empty output folder that holds a previous snapshot.
    public var force: Bool
    /// Complete an interrupted snapshot in the output folder: files already there are kept
    /// and their commands not run again.
    public var resume: Bool
    /// Run every command as its own `aws` process instead of in long-lived workers.
    public var processPerCall: Bool
    /// The `aws` executable: a name looked up in `PATH`, or a path.
    public var awsExecutable: String
    /// Collect each IAM user's and role's service last-accessed report (one report job per
    /// principal: `generate-service-last-accessed-details`, then `get-service-last-accessed-details`).
    public var lastAccessed: Bool

    /// Creates options; everything but the output folder has the command line's defaults.
    public init(
        output: String, profile: String? = nil, regions: [String] = [], endpointURL: String? = nil,
        organization: Bool = false, memberRole: String = CollectOptions.defaultMemberRole,
        accounts: AccountSelection = AccountSelection(), jobs: Int = 4, force: Bool = false,
        resume: Bool = false, processPerCall: Bool = false, awsExecutable: String = "aws", lastAccessed: Bool = true
    ) {
        self.output = output
        self.profile = profile
        self.regions = regions
        self.endpointURL = endpointURL
        self.organization = organization
        self.memberRole = memberRole
        self.accounts = accounts
        self.jobs = jobs
        self.force = force
        self.resume = resume
        self.processPerCall = processPerCall
        self.awsExecutable = awsExecutable
        self.lastAccessed = lastAccessed
    }
}
