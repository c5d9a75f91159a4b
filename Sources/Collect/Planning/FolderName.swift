/// How a listed resource names its folder in the snapshot, from the values its listing returned.
public enum FolderName: Sendable, Hashable {
    /// The n-th value as it is (a key id, a bucket or function name).
    case field(Int)
    /// What follows the last `/` of the n-th value (an SQS queue URL's queue name).
    case lastPathComponent(Int)
    /// What follows the last `:` of the n-th value (an SNS topic ARN's topic name).
    case afterLastColon(Int)

    /// The folder's name, escaped for the file system, or nil when the value is missing.
    public func name(from fields: [String]) -> String? {
        let index: Int
        let separator: Character?
        switch self {
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
