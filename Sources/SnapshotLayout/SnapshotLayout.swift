import Foundation

/// Where each file of a snapshot goes (docs/snapshot-layout.md): the one place the layout's
/// folder and file names are spelled, for the collector that writes snapshots and the loader
/// that reads them. All paths are relative to the snapshot's root and use `/`.
public enum SnapshotLayout {
    /// The folder holding one folder per account.
    public static let accountsDirectory = "accounts"
    /// The folder of the organization's files.
    public static let organizationDirectory = "organization"
    /// The folder of the organization's tree: one folder per parent (root or OU).
    public static let organizationalUnitsDirectory = organizationDirectory + "/ous"
    /// The folder of the organization's SCPs and RCPs: one folder per policy.
    public static let organizationPoliciesDirectory = organizationDirectory + "/policies"
    /// The file listing every command that failed: `[{"command": [...], "error": "..."}]`.
    public static let errorsFile = "collect-errors.json"
    /// The folder, in an account's `iam/`, of the service last-accessed data: one
    /// `<principal-id>.json` (a user's or role's `UserId`/`RoleId`) per principal.
    public static let serviceLastAccessedDirectory = "service-last-accessed"

    /// The folder of one account: `accounts/<id>`.
    public static func accountDirectory(_ account: String) -> String {
        "\(accountsDirectory)/\(folderName(account))"
    }

    /// The folder of one service's resources: `accounts/<id>/<region>/<service>`,
    /// or `accounts/<id>/<service>` for a global service (`s3`, `iam`).
    public static func serviceDirectory(account: String, region: String?, service: ServiceFolder) -> String {
        let account = accountDirectory(account)
        guard let region else { return "\(account)/\(service.name)" }
        return "\(account)/\(folderName(region))/\(service.name)"
    }

    /// One principal's service last-accessed file: `accounts/<id>/iam/service-last-accessed/<principal-id>.json`,
    /// named after the user's `UserId` or the role's `RoleId` in the authorization details.
    public static func serviceLastAccessedFile(account: String, principalID: String) -> String {
        let iam = serviceDirectory(account: account, region: nil, service: .iam)
        return "\(iam)/\(serviceLastAccessedDirectory)/\(folderName(principalID)).json"
    }

    /// The folder of one parent of the organization's tree, from its folder name (`folderName(id)`).
    public static func organizationalUnitDirectory(_ folder: String) -> String {
        "\(organizationalUnitsDirectory)/\(folder)"
    }

    /// The folder of one organization policy, from its folder name (`folderName(id)`).
    public static func organizationPolicyDirectory(_ folder: String) -> String {
        "\(organizationPoliciesDirectory)/\(folder)"
    }

    /// The path of `file` in `directory`.
    public static func path(of file: LayoutFile, in directory: String) -> String {
        "\(directory)/\(file.name)"
    }

    /// A resource name made safe as one folder name: each `/` becomes `%2F` (secret and
    /// repository names may hold `/`), and a name of only dots has them written `%2E`.
    public static func folderName(_ name: String) -> String {
        if !name.isEmpty, name.allSatisfy({ $0 == "." }) {
            return String(repeating: "%2E", count: name.count)
        }
        return name.split(separator: "/", omittingEmptySubsequences: false).joined(separator: "%2F")
    }

    /// The resource name a folder was named after: each `%2F` turned back into `/`.
    public static func resourceName(ofFolder folder: String) -> String {
        folder.replacingOccurrences(of: "%2F", with: "/")
    }
}
