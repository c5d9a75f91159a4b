import Policy

/// Everything read from a snapshot directory.
public struct Snapshot: Sendable {
    /// The directory it was read from.
    public var root: String
    public var organization: Organization?
    /// Accounts by id.
    public var accounts: [String: Account]
    /// What could not be read, or was read only in part; the rest was still analysed.
    public var warnings: [SnapshotWarning]
    /// How many files were read.
    public var filesRead: Int

    public init(root: String, organization: Organization?, accounts: [String: Account], warnings: [SnapshotWarning], filesRead: Int) {
        self.root = root
        self.organization = organization
        self.accounts = accounts
        self.warnings = warnings
        self.filesRead = filesRead
    }

    /// Account ids in order.
    public var accountIDs: [String] { accounts.keys.sorted() }
}

/// A problem in one file of a snapshot, with where in the file it is.
public struct SnapshotWarning: Sendable, Hashable, CustomStringConvertible, Codable {
    /// The file, relative to the snapshot root.
    public var file: String
    /// The JSON path inside the file (`$.RoleDetailList[3].AssumeRolePolicyDocument`), when it applies.
    public var jsonPath: String?
    public var message: String

    public init(file: String, jsonPath: String? = nil, message: String) {
        self.file = file
        self.jsonPath = jsonPath
        self.message = message
    }

    public var description: String {
        if let jsonPath { return "\(file): \(jsonPath): \(message)" }
        return "\(file): \(message)"
    }
}

/// A snapshot that cannot be analysed at all.
public enum SnapshotError: Error, Sendable, CustomStringConvertible, Equatable {
    case notADirectory(String)
    case noAccounts(String)

    public var description: String {
        switch self {
        case .notADirectory(let p): "snapshot directory '\(p)' does not exist or is not a directory"
        case .noAccounts(let p):
            "'\(p)' holds no account: expected accounts/<account-id>/iam/get-account-authorization-details.json (see docs/snapshot-layout.md)"
        }
    }
}
