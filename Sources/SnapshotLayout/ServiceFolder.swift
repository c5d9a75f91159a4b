/// A service's folder in an account's folder (`iam`, `s3`: `accounts/<id>/<name>`) or in a
/// region's (`kms`: `accounts/<id>/<region>/<name>`): the files directly in it, and the files in
/// the folder of each of its resources (`<name>/<resource>/`). The folders of the layout are the
/// static members (`ServiceFolders.swift`).
public struct ServiceFolder: Sendable, Hashable, CustomStringConvertible {
    /// The folder's name: `kms`, `s3-access-points`.
    public let name: String
    /// In each region's folder, or else in the account's.
    public let regional: Bool
    /// The files directly in the folder (IAM's, the account's S3 Block Public Access).
    public let files: [LayoutFile]
    /// The files in each resource's folder.
    public let resourceFiles: [LayoutFile]

    /// A service folder.
    public init(name: String, regional: Bool, files: [LayoutFile] = [], resourceFiles: [LayoutFile] = []) {
        self.name = name
        self.regional = regional
        self.files = files
        self.resourceFiles = resourceFiles
    }

    /// The path of `file`, one of `files`, relative to the account's (or region's) folder: `iam/get-account-authorization-details.json`.
    public func path(of file: LayoutFile) -> String { SnapshotLayout.path(of: file, in: name) }

    /// The folder's name.
    public var description: String { name }
}
