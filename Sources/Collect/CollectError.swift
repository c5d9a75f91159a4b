/// Why a collection could not be made at all. Nothing is left in the output folder when
/// one of these is thrown; the command line exits with status 2.
public enum CollectError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No `aws` executable under this name or path.
    case awsCLINotFound(String)
    /// `aws sts get-caller-identity` failed: no or bad credentials, or no endpoint.
    case noCredentials(String)
    /// The output folder exists and is not empty, and `--force` was not given.
    case outputNotEmpty(path: String)
    /// `--force` was given, but the folder to replace does not look like a snapshot.
    case notASnapshot(path: String)
    /// The output path is a file, not a folder.
    case outputNotADirectory(path: String)
    /// No region was given, `ec2 describe-regions` failed and no region is configured.
    case noRegion(String)
    /// Reading or writing the file system failed.
    case fileSystem(path: String, message: String)
    /// Options that do not go together (`--force` with `--resume`, `--accounts` without `--organization`).
    case invalidOptions(String)

    /// What went wrong and what to do next.
    public var description: String {
        switch self {
        case .awsCLINotFound(let name):
            "the AWS CLI (\(name)) was not found: install it (e.g. `pip install awscli`) or pass --aws-cli PATH"
        case .noCredentials(let message):
            "`aws sts get-caller-identity` failed, so there are no usable credentials: \(message)"
                + " (configure credentials, pass --profile, or check --endpoint-url)"
        case .outputNotEmpty(let path):
            "the output folder \(path) exists and is not empty: choose another or pass --force to replace it"
        case .notASnapshot(let path):
            "refusing to replace or resume \(path): it does not look like a snapshot"
                + " (no accounts/, organization/ or collect-errors.json); remove it yourself or choose another folder"
        case .outputNotADirectory(let path):
            "the output path \(path) is a file, not a folder"
        case .noRegion(let message):
            "cannot tell which regions to collect (`aws ec2 describe-regions` failed: \(message)) and no region"
                + " is configured: pass --region"
        case .fileSystem(let path, let message):
            "cannot write \(path): \(message) (files written so far are whole; --resume completes the snapshot)"
        case .invalidOptions(let message):
            message
        }
    }
}
