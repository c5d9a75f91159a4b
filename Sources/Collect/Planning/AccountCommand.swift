/// A command run once per account whose output is one file, e.g. IAM's
/// `get-account-authorization-details` saved as `accounts/<id>/iam/get-account-authorization-details.json`.
public struct AccountCommand: Sendable, Hashable {
    /// The folder under the account's folder (`iam`, `s3`).
    public let directory: String
    /// The command; `.accountID` stands for the account's id.
    public let template: CommandTemplate

    /// Creates an account-level command.
    public init(directory: String, _ template: CommandTemplate) {
        self.directory = directory
        self.template = template
    }

    /// The job saving this command's output for `account`.
    func job(account: String) -> Job? {
        guard let arguments = template.resolve(account: account) else { return nil }
        let folder = SnapshotLayout.serviceDirectory(account: account, region: nil, service: directory)
        return .save(AWSCommand(arguments), to: "\(folder)/\(template.fileName)", absent: template.absentErrorCodes)
    }
}
