/// The environment every `aws` command of a collection runs in.
public enum CLIEnvironment {
    /// The retry mode used unless `AWS_RETRY_MODE` is set: `standard` retries throttling and
    /// transient errors with exponential backoff and jitter, 3 attempts in all unless
    /// `AWS_MAX_ATTEMPTS` says otherwise (`adaptive` also rate-limits the client).
    public static let defaultRetryMode = "standard"

    /// `environment` with `AWS_PAGER=""` (the CLI never starts a pager) and the CLI's retry
    /// mode `standard` unless `AWS_RETRY_MODE` is set. `AWS_MAX_ATTEMPTS` is passed on as it is.
    public static func prepare(_ environment: [String: String]) -> [String: String] {
        var prepared = environment
        prepared["AWS_PAGER"] = ""
        if (prepared["AWS_RETRY_MODE"] ?? "").isEmpty { prepared["AWS_RETRY_MODE"] = defaultRetryMode }
        return prepared
    }
}
