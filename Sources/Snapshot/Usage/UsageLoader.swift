import Foundation
import Policy
import SnapshotLayout

/// Reads each account's usage files (docs/snapshot-layout.md, "Least privilege"): the credential
/// report, password policy, account summary and service last-accessed data, into
/// `Account.usage`. Only `unused`, `hygiene` and `policy-suggest` need them, so the other commands
/// do not read them. A bad file is a warning naming the file and JSON path; the others are still read.
public struct UsageLoader: Sendable {
    public init() {}

    /// Reads the usage files of every account of `snapshot` (read from `snapshot.root`);
    /// the service last-accessed folders only when `lastAccessed` (one file per principal:
    /// `hygiene` has no use for them).
    public func read(into snapshot: inout Snapshot, lastAccessed: Bool = true) async {
        let files = FileReader(root: snapshot.root)
        let single = files.isDirectory(ServiceFolder.iam.name)
        let failed = failedOperations(files)
        let ids = snapshot.accountIDs
        let results = await withTaskGroup(of: (String, AccountUsage, [SnapshotWarning], Int).self) { group in
            for id in ids {
                group.addTask {
                    let dir = AccountDirectory(id: id, path: single ? "" : SnapshotLayout.accountDirectory(id))
                    var warnings: [SnapshotWarning] = []
                    var count = 0
                    let usage = read(dir, files: files, failed: failed, lastAccessed: lastAccessed, warnings: &warnings, count: &count)
                    return (id, usage, warnings, count)
                }
            }
            var out: [(String, AccountUsage, [SnapshotWarning], Int)] = []
            for await r in group { out.append(r) }
            return out.sorted { $0.0 < $1.0 }
        }
        for (id, usage, warnings, count) in results {
            snapshot.accounts[id]?.usage = usage
            snapshot.warnings += warnings
            snapshot.filesRead += count
        }
    }

    /// One account's usage files.
    func read(
        _ dir: AccountDirectory, files: FileReader, failed: Set<String>, lastAccessed: Bool, warnings: inout [SnapshotWarning], count: inout Int
    ) -> AccountUsage {
        var usage = AccountUsage(directory: dir.path)
        func note(_ path: String) {
            count += 1
            if let t = modificationTime(files.absolute(path)) { usage.newestFileTime = max(usage.newestFileTime ?? t, t) }
        }
        let iam = ServiceFolder.iam
        // The authorization details' time counts as the snapshot's time too (it is read by the loader, not counted here).
        if let t = modificationTime(files.absolute(dir.sub(iam.path(of: .getAccountAuthorizationDetails)))) { usage.newestFileTime = t }
        let report = dir.sub(iam.path(of: .getCredentialReport))
        if let json = files.optionalJSON(report, warnings: &warnings) {
            note(report)
            usage.credentialReport = CredentialReportParser.parse(json, file: report, warnings: &warnings)
        }
        let policy = dir.sub(iam.path(of: .getAccountPasswordPolicy))
        if let json = files.optionalJSON(policy, warnings: &warnings) {
            note(policy)
            usage.passwordPolicyFile = policy
            usage.passwordPolicy = PasswordPolicy.parse(json, file: policy, warnings: &warnings)
        }
        let summary = dir.sub(iam.path(of: .getAccountSummary))
        if let json = files.optionalJSON(summary, warnings: &warnings) {
            note(summary)
            if case .object(let map)? = json["SummaryMap"] {
                usage.summaryFile = summary
                usage.summary = Dictionary(map.members.map { ($0.key, $0.value.scalarText.flatMap { Int($0) } ?? 0) }) { a, _ in a }
            } else {
                warnings.append(SnapshotWarning(file: summary, jsonPath: "$.SummaryMap", message: "missing or not an object; the account summary is not used"))
            }
        }
        // A failed get-account-password-policy (collect-errors.json) leaves the policy unknown, not absent.
        if failed.contains(LayoutFile.getAccountPasswordPolicy.operation) && usage.passwordPolicyFile == nil { usage.summary = nil }
        guard lastAccessed else { return usage }
        let folder = dir.sub("\(iam.name)/\(SnapshotLayout.serviceLastAccessedDirectory)")
        for name in files.list(folder) {
            let path = "\(folder)/\(name)"
            guard name.hasSuffix(".json") else {
                warnings.append(SnapshotWarning(file: path, message: "not a <principal-id>.json file; ignored"))
                continue
            }
            guard let json = files.json(path, warnings: &warnings) else { continue }
            note(path)
            let id = String(name.dropLast(5))
            if let r = ServiceLastAccessedParser.parse(json, file: path, principalID: id, warnings: &warnings) { usage.lastAccessed[id] = r }
        }
        return usage
    }

    /// The operations of the commands `collect-errors.json` lists as failed.
    func failedOperations(_ files: FileReader) -> Set<String> {
        guard let bytes = FileBytes.read(files.absolute(SnapshotLayout.errorsFile)),
            let json = try? JSONParser.parse(bytes), case .array(let list) = json
        else { return [] }
        var out: Set<String> = []
        for entry in list {
            for arg in entry["command"]?.arrayValue ?? [] {
                if let s = arg.stringValue, s.hasPrefix("get-") || s.hasPrefix("generate-") { out.insert(s) }
            }
        }
        return out
    }

    func modificationTime(_ path: String) -> Double? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let date = attributes[.modificationDate] as? Date
        else { return nil }
        return date.timeIntervalSince1970
    }
}
