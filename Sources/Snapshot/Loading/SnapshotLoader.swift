import Foundation
import Policy
import SnapshotLayout

/// Reads a snapshot directory (docs/snapshot-layout.md) into a `Snapshot`.
///
/// Work is split into independent pieces (each account's IAM file, each service
/// folder) that are read and parsed in parallel. A bad file becomes a warning;
/// only a missing directory or one without any account is an error.
public struct SnapshotLoader: Sendable {
    /// Progress: files read so far.
    public typealias Progress = @Sendable (_ filesRead: Int) -> Void

    public init() {}

    public func load(_ path: String, progress: Progress? = nil) async throws(SnapshotError) -> Snapshot {
        try await load(path, selection: nil, progress: progress)
    }

    /// The snapshot with every account's IAM data and organization, and of the other resources only
    /// those whose folder may hold `resource` (an ARN): what questions about that one resource
    /// need, for a fraction of the reading. Warnings cover the files read. When no resource or
    /// role of that ARN is found so, the whole snapshot is read.
    public func load(_ path: String, about resource: String, progress: Progress? = nil) async throws(SnapshotError) -> Snapshot {
        try await load(path, services: [], about: resource, progress: progress)
    }

    /// The snapshot's organization and IAM data only, without any resource folder: what questions
    /// about principals and their credentials (`hygiene`, `unused`) need.
    public func loadIdentities(_ path: String, progress: Progress? = nil) async throws(SnapshotError) -> Snapshot {
        try await load(path, selection: nil, resources: false, progress: progress)
    }

    /// The snapshot with every account's IAM data and organization, and of the other resources
    /// those of the `services` folders and, when `resource` (an ARN) is given, those whose folder
    /// may hold it: what escalation questions need (roles, Lambda functions, the resource asked
    /// about). When `resource` is given but not found that way, the whole snapshot is read, as
    /// `load(_:about:)` does.
    public func load(
        _ path: String, services: Set<ServiceFolder>, about resource: String? = nil, progress: Progress? = nil
    ) async throws(SnapshotError) -> Snapshot {
        let selection = resource.flatMap(ResourceSelection.init)
        if resource != nil && selection == nil { return try await load(path, progress: progress) }
        let scoped = try await load(path, selection: selection, services: services, progress: progress)
        if let resource, !scoped.holds(resource) { return try await load(path, progress: progress) }
        return scoped
    }

    /// `services`: resource folders read whole, whatever `selection` says (nil: none beyond it).
    func load(
        _ path: String, selection: ResourceSelection?, services: Set<ServiceFolder>? = nil, resources: Bool = true, progress: Progress?
    ) async throws(SnapshotError) -> Snapshot {
        let root = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        let files = FileReader(root: root)
        guard files.isDirectory("") else { throw .notADirectory(path) }

        var warnings: [SnapshotWarning] = []
        let accountDirs = accountDirectories(files, warnings: &warnings)
        guard !accountDirs.isEmpty else { throw .noAccounts(path) }
        let organization = OrganizationReader(files: files).read(warnings: &warnings)

        var jobs = accountDirs.flatMap { AccountJob.jobs(for: $0, files: files, warnings: &warnings) }
        if !resources { jobs = jobs.filter { if case .iam = $0.kind { true } else { false } } }
        if selection != nil || services != nil {
            jobs = jobs.compactMap { job in
                guard case .resources(let index, _, let region) = job.kind else { return job }
                let service = ResourceImporters.all[index].service
                if services?.contains(service) == true { return job }
                guard let selection, selection.mayHold(service: service, account: job.account.id, region: region) else { return nil }
                var j = job
                j.selection = selection
                return j
            }
        }
        let counter = FileCounter()
        let parts = await withTaskGroup(of: AccountJob.Output.self) { group in
            for job in jobs {
                group.addTask {
                    let out = job.run(files)
                    progress?(counter.add(out.filesRead))
                    return out
                }
            }
            var outputs: [AccountJob.Output] = []
            for await o in group { outputs.append(o) }
            return outputs
        }

        var accounts: [String: Account] = [:]
        for dir in accountDirs { accounts[dir.id] = Account(id: dir.id) }
        var filesRead = 0
        for part in parts.sorted(by: { $0.order < $1.order }) {
            filesRead += part.filesRead
            warnings += part.warnings
            part.apply(&accounts[part.account, default: Account(id: part.account)])
        }
        for (id, account) in accounts where !account.hasIAM {
            warnings.append(SnapshotWarning(
                file: "\(SnapshotLayout.accountsDirectory)/\(id)/" + ServiceFolder.iam.path(of: .getAccountAuthorizationDetails),
                message: "no IAM data for account \(id): its users and roles are not analysed"))
        }
        return Snapshot(root: root, organization: organization, accounts: accounts, warnings: warnings, filesRead: filesRead)
    }

    /// `accounts/<id>/` folders, or the root itself when it is one account folder (holds `iam/`).
    func accountDirectories(_ files: FileReader, warnings: inout [SnapshotWarning]) -> [AccountDirectory] {
        let accounts = SnapshotLayout.accountsDirectory
        if files.isDirectory(ServiceFolder.iam.name) {
            let id = singleAccountID(files, warnings: &warnings)
            return id.map { [AccountDirectory(id: $0, path: "")] } ?? []
        }
        for name in files.list("") where ![accounts, SnapshotLayout.organizationDirectory, SnapshotLayout.errorsFile].contains(name) {
            warnings.append(SnapshotWarning(file: name, message: "unknown file or folder in the snapshot root; ignored"))
        }
        return files.list(accounts).compactMap { name in
            let path = "\(accounts)/\(name)"
            guard name.count == 12, name.allSatisfy(\.isNumber), files.isDirectory(path) else {
                warnings.append(SnapshotWarning(file: path, message: "not a 12-digit account folder; ignored"))
                return nil
            }
            return AccountDirectory(id: name, path: path)
        }
    }

    /// The account id of a single-account folder: from get-caller-identity, else from an IAM ARN.
    func singleAccountID(_ files: FileReader, warnings: inout [SnapshotWarning]) -> String? {
        let identity = LayoutFile.getCallerIdentity.name
        if let id = files.optionalJSON(identity, warnings: &warnings)?["Account"]?.stringValue { return id }
        let gaad = files.optionalJSON(ServiceFolder.iam.path(of: .getAccountAuthorizationDetails), warnings: &warnings)
        for list in ["RoleDetailList", "UserDetailList", "GroupDetailList"] {
            if let arn = gaad?[list]?.arrayValue?.first?["Arn"]?.stringValue, let a = ARN(arn) { return a.account }
        }
        warnings.append(SnapshotWarning(file: identity, message: "cannot tell the account id of this folder"))
        return nil
    }
}

/// One account folder of a snapshot.
struct AccountDirectory: Sendable {
    let id: String
    let path: String

    func sub(_ name: String) -> String { path.isEmpty ? name : "\(path)/\(name)" }
}

/// Counts files read across tasks, for progress.
final class FileCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0

    func add(_ n: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        total += n
        return total
    }
}
