import SnapshotLayout

/// How a listed resource names its folder in the snapshot, from the values its listing returned.
public enum FolderName: Sendable, Hashable {
    /// The n-th value as it is (a key id, a bucket or function name).
    case field(Int)
    /// What follows the last `/` of the n-th value (an SQS queue URL's queue name).
    case lastPathComponent(Int)
    /// What follows the last `:` of the n-th value (an SNS topic ARN's topic name).
    case afterLastColon(Int)
    /// What follows the fifth `:` of the n-th value, an ARN's resource part
    /// (`table/T/stream/2024-01-01T00:00:00.000` of a DynamoDB stream ARN).
    case arnResource(Int)
    /// The n-th and m-th values joined by `/` (`layer/3` of a Lambda layer version), written `layer%2F3`.
    case joined(Int, Int)

    /// The folder's name, escaped for the file system, or nil when the value is missing.
    public func name(from fields: [String]) -> String? {
        let index: Int
        let separator: Character?
        switch self {
        case .arnResource(let n):
            guard fields.indices.contains(n) else { return nil }
            let parts = fields[n].split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, !parts[5].isEmpty else { return nil }
            return SnapshotLayout.folderName(String(parts[5]))
        case .joined(let n, let m):
            guard fields.indices.contains(n), fields.indices.contains(m), !fields[n].isEmpty, !fields[m].isEmpty else { return nil }
            return SnapshotLayout.folderName("\(fields[n])/\(fields[m])")
        case .field(let n): (index, separator) = (n, nil)
        case .lastPathComponent(let n): (index, separator) = (n, "/")
        case .afterLastColon(let n): (index, separator) = (n, ":")
        }
        guard fields.indices.contains(index) else { return nil }
        var value = Substring(fields[index])
        if let separator, let cut = value.lastIndex(of: separator) {
            value = value[value.index(after: cut)...]
        }
        return value.isEmpty ? nil : SnapshotLayout.folderName(String(value))
    }
}
