import Foundation

/// One file of a snapshot: its path relative to the snapshot's root, and its bytes.
public struct SnapshotFile: Sendable, Hashable {
    /// The path, e.g. `accounts/123456789012/iam/get-account-authorization-details.json`.
    public var path: String
    /// The file's contents: a command's verbatim standard output.
    public var contents: Data

    /// Creates a file.
    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }
}
