/// An account that was not collected: its role could not be assumed, or it was asked for
/// with `--accounts` but is no ACTIVE account of the organization.
public struct AccountFailure: Sendable, Hashable, Codable {
    /// The account id.
    public var account: String
    /// Why, as the CLI or the collector said it.
    public var reason: String

    /// Creates a record.
    public init(account: String, reason: String) {
        self.account = account
        self.reason = reason
    }
}
