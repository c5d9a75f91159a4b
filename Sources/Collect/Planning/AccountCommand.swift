import SnapshotLayout

/// A command run once per account whose output is one file, e.g. IAM's
/// `get-account-authorization-details` saved as `accounts/<id>/iam/get-account-authorization-details.json`.
public struct AccountCommand: Sendable, Hashable {
    /// The service folder under the account's folder (`iam`, `s3`) that the file goes in.
    public let service: ServiceFolder
    /// The command; `.accountID` stands for the account's id.
    public let template: CommandTemplate

    /// Creates an account-level command.
    public init(_ service: ServiceFolder, _ template: CommandTemplate) {
        self.service = service
        self.template = template
    }

    /// The job saving this command's output for `account`.
    func job(account: String) -> Job? {
        guard let file = template.file, let arguments = template.resolve(account: account) else { return nil }
        let folder = SnapshotLayout.serviceDirectory(account: account, region: nil, service: service)
        return .save(AWSCommand(arguments), to: SnapshotLayout.path(of: file, in: folder), absent: template.absentErrorCodes)
    }
}
