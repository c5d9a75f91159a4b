import Foundation
import Policy
import SnapshotLayout

/// One independent piece of reading: an account's IAM files, or one service folder.
struct AccountJob: Sendable {
    enum Kind: Sendable {
        case iam
        case s3AccountBlock
        case resources(importerIndex: Int, folder: String, region: String?)
    }

    let account: AccountDirectory
    let kind: Kind
    let order: Int
    /// Which resource folders to read (nil: all of them).
    var selection: ResourceSelection?

    /// What a job read, to be merged into the account.
    struct Output: Sendable {
        var account: String
        var order: Int
        var filesRead = 0
        var warnings: [SnapshotWarning] = []
        var iam: Account?
        var accountBlock: PublicAccessBlock?
        var resources: [Resource] = []

        func apply(_ a: inout Account) {
            if let iam {
                a.users += iam.users
                a.groups += iam.groups
                a.roles += iam.roles
                a.managedPolicies.merge(iam.managedPolicies) { x, _ in x }
                a.identityProviders += iam.identityProviders
                a.hasIAM = a.hasIAM || iam.hasIAM
            }
            if let accountBlock { a.s3PublicAccessBlock = accountBlock }
            a.resources += resources
        }
    }

    /// The jobs of one account folder; unknown entries become warnings.
    static func jobs(for dir: AccountDirectory, files: FileReader, warnings: inout [SnapshotWarning]) -> [AccountJob] {
        var jobs: [AccountJob] = []
        func add(_ kind: Kind) { jobs.append(AccountJob(account: dir, kind: kind, order: jobs.count)) }
        let importers = ResourceImporters.all
        for entry in files.list(dir.path) {
            let path = dir.sub(entry)
            switch entry {
            case ServiceFolder.iam.name: add(.iam)
            case LayoutFile.getCallerIdentity.name, SnapshotLayout.errorsFile: break
            case ServiceFolder.s3.name:
                add(.s3AccountBlock)
                if let i = importers.firstIndex(where: { $0.service == .s3 }) { add(.resources(importerIndex: i, folder: path, region: nil)) }
            case _ where isRegion(entry) && files.isDirectory(path):
                for service in files.list(path) {
                    if let i = importers.firstIndex(where: { $0.service.name == service && $0.service.regional }) {
                        add(.resources(importerIndex: i, folder: "\(path)/\(service)", region: entry))
                    } else {
                        warnings.append(SnapshotWarning(file: "\(path)/\(service)", message: "resource type not analysed yet; ignored"))
                    }
                }
            default:
                warnings.append(SnapshotWarning(file: path, message: "unknown file or folder; ignored"))
            }
        }
        return jobs
    }

    /// Region names look like `us-east-1`, `eu-central-2`, `us-gov-west-1`.
    static func isRegion(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        return parts.count >= 3 && parts.last!.allSatisfy(\.isNumber) && parts.first!.allSatisfy(\.isLetter)
    }

    func run(_ files: FileReader) -> Output {
        var out = Output(account: account.id, order: order)
        switch kind {
        case .iam:
            var a = Account(id: account.id)
            let gaad = account.sub(ServiceFolder.iam.path(of: .getAccountAuthorizationDetails))
            if files.exists(gaad) {
                out.filesRead += 1
                // Policy versions are parsed only for the managed policies read (AuthorizationDetails).
                if let json = files.json(gaad, deferring: ["PolicyVersionList"], warnings: &out.warnings) {
                    AuthorizationDetails.read(json, file: gaad, into: &a, warnings: &out.warnings)
                }
            }
            for (file, list) in [(LayoutFile.listOpenIDConnectProviders, "OpenIDConnectProviderList"), (.listSAMLProviders, "SAMLProviderList")] {
                let path = account.sub(ServiceFolder.iam.path(of: file))
                guard files.exists(path) else { continue }
                out.filesRead += 1
                let json = files.json(path, warnings: &out.warnings)
                a.identityProviders += (json?[list]?.arrayValue ?? []).compactMap { $0["Arn"]?.stringValue }
            }
            out.iam = a
        case .s3AccountBlock:
            let path = account.sub(ServiceFolder.s3.path(of: .getPublicAccessBlock))
            if files.exists(path) {
                out.filesRead += 1
                out.accountBlock = files.json(path, warnings: &out.warnings).flatMap(S3BucketImporter.publicAccessBlock)
            }
        case .resources(let index, let folder, let region):
            let importer = ResourceImporters.all[index]
            for name in files.list(folder) where selection?.mayHold(folder: name) ?? true {
                let path = "\(folder)/\(name)"
                guard files.isDirectory(path) else { continue }
                out.filesRead += files.list(path).count
                let f = ResourceFolder(
                    files: files, path: path, name: SnapshotLayout.resourceName(ofFolder: name), account: account.id, region: region)
                if let r = importer.read(f, warnings: &out.warnings) { out.resources.append(r) }
            }
        }
        return out
    }
}
