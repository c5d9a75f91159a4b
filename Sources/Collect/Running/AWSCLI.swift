/// The `aws` executable and the global options every command of one collection gets.
public struct AWSCLI: Sendable, Hashable {
    /// The path of the `aws` executable.
    public var executable: String
    /// The named profile (`--profile`), if any.
    public var profile: String?
    /// Another endpoint than AWS's (`--endpoint-url`), e.g. a local moto server.
    public var endpointURL: String?
    /// The region for commands that name none (global services).
    public var homeRegion: String

    /// Creates the CLI description.
    public init(executable: String, profile: String? = nil, endpointURL: String? = nil, homeRegion: String) {
        self.executable = executable
        self.profile = profile
        self.endpointURL = endpointURL
        self.homeRegion = homeRegion
    }

    /// The full argument vector for `command`: JSON output, the profile (only for the
    /// caller's own credentials), the endpoint, the region, then the command. No
    /// `--no-paginate`: the CLI follows every page.
    public func argv(_ command: AWSCommand, as access: AccountAccess? = nil) -> [String] {
        var argv = [executable, "--output", "json"]
        if let profile, access?.usesProfile ?? true { argv += ["--profile", profile] }
        if let endpointURL { argv += ["--endpoint-url", endpointURL] }
        argv += ["--region", command.region ?? homeRegion]
        return argv + command.arguments
    }

    /// `aws configure get region`, for the profile's own region.
    public func configuredRegionArgv() -> [String] {
        [executable, "configure", "get", "region"] + (profile.map { ["--profile", $0] } ?? [])
    }
}
