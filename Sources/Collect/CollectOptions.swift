/// What to collect and where to put it: the options of `accessgraph collect`.
public struct CollectOptions: Sendable, Hashable {
    /// The snapshot folder to create.
    public var output: String
    /// The `aws` named profile; nil uses the CLI's default credentials.
    public var profile: String?
    /// The regions to collect; empty collects every enabled region (`ec2 describe-regions`).
    public var regions: [String]
    /// An AWS-compatible endpoint to use instead of AWS (e.g. `http://127.0.0.1:5000`).
    public var endpointURL: String?
    /// Also collect the organization: OUs, accounts, SCPs and RCPs (from the management account).
    public var organization: Bool
    /// How many `aws` commands may run at once.
    public var jobs: Int
    /// Replace an existing, non-empty output folder that holds a previous snapshot.
    public var force: Bool
    /// The `aws` executable: a name looked up in `PATH`, or a path.
    public var awsExecutable: String

    /// Creates options; everything but the output folder has the command line's defaults.
    public init(
        output: String, profile: String? = nil, regions: [String] = [], endpointURL: String? = nil,
        organization: Bool = false, jobs: Int = 4, force: Bool = false, awsExecutable: String = "aws"
    ) {
        self.output = output
        self.profile = profile
        self.regions = regions
        self.endpointURL = endpointURL
        self.organization = organization
        self.jobs = jobs
        self.force = force
        self.awsExecutable = awsExecutable
    }
}
