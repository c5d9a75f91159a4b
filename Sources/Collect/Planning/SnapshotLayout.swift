/// Where each file of a snapshot goes (`/work/shared/snapshot-layout.md`); all paths are
/// relative to the snapshot's root and use `/`.
public enum SnapshotLayout {
    /// The file listing every command that failed: `[{"command": [...], "error": "..."}]`.
    public static let errorsFile = "collect-errors.json"
    /// The folder of the organization's files.
    public static let organizationDirectory = "organization"

    /// The folder of one account: `accounts/<id>`.
    public static func accountDirectory(_ account: String) -> String {
        "accounts/\(folderName(account))"
    }

    /// The folder of one service's resources: `accounts/<id>/<region>/<service>`,
    /// or `accounts/<id>/<service>` for a global service (`s3`, `iam`).
    public static func serviceDirectory(account: String, region: String?, service: String) -> String {
        let account = accountDirectory(account)
        guard let region else { return "\(account)/\(service)" }
        return "\(account)/\(folderName(region))/\(service)"
    }

    /// A resource name made safe as one folder name: each `/` becomes `%2F` (secret and
    /// repository names may hold `/`), and a name of only dots has them written `%2E`.
    public static func folderName(_ name: String) -> String {
        if !name.isEmpty, name.allSatisfy({ $0 == "." }) {
            return String(repeating: "%2E", count: name.count)
        }
        return name.split(separator: "/", omittingEmptySubsequences: false).joined(separator: "%2F")
    }
}
