import Policy
import SnapshotLayout

/// The resource folders that may hold one resource, by its ARN: S3 buckets (global, without
/// account in the ARN) in any account's `s3/` folder, other resources in their account's region
/// folder; within those, the folders whose name (decoded) appears in the ARN. A superset: the
/// importers decide what each folder holds. An IAM role's ARN selects no folder: roles are read
/// with IAM.
struct ResourceSelection: Sendable {
    let arn: String
    let account: String
    let region: String
    let isBucket: Bool

    /// Nil when `text` is not an ARN.
    init?(_ text: String) {
        guard let arn = ARN(text) else { return nil }
        self.arn = text
        account = arn.account
        region = arn.region
        isBucket = arn.service == "s3" && arn.account.isEmpty && arn.region.isEmpty && !arn.resource.contains("/")
    }

    /// Whether a service folder of `account` (in `region`, nil for global ones) may hold the resource.
    func mayHold(service: ServiceFolder, account: String, region: String?) -> Bool {
        if isBucket { return service == .s3 }
        // Some ARNs carry no account (EC2 snapshots): any account's region folder may hold them.
        return service != .s3 && (self.account.isEmpty || account == self.account) && region == self.region
    }

    /// Whether a resource folder (its name as on disk) may hold the resource.
    func mayHold(folder: String) -> Bool {
        let name = SnapshotLayout.resourceName(ofFolder: folder)
        return !name.isEmpty && arn.contains(name)
    }
}

extension Snapshot {
    /// Whether a resource or role with this ARN was read.
    func holds(_ arn: String) -> Bool {
        accounts.values.contains { a in a.roles.contains { $0.arn == arn } || a.resources.contains { $0.arn == arn } }
    }
}
