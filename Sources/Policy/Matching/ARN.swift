/// An Amazon Resource Name split into its six colon-separated components:
/// `arn:partition:service:region:account:resource`. The resource component
/// keeps any further colons.
public struct ARN: Sendable, Hashable, CustomStringConvertible {
    public var partition: String
    public var service: String
    public var region: String
    public var account: String
    public var resource: String

    public init(partition: String = "aws", service: String, region: String = "", account: String = "", resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    /// Parses `text`; nil when it does not start with `arn:` or has fewer than six components.
    public init?(_ text: String) {
        guard text.hasPrefix("arn:") else { return nil }
        if let ascii = Self.asciiComponents(text) {
            guard ascii.count == 6 else { return nil }
            (partition, service, region, account, resource) = (ascii[1], ascii[2], ascii[3], ascii[4], ascii[5])
            return
        }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return nil }
        partition = String(parts[1])
        service = String(parts[2])
        region = String(parts[3])
        account = String(parts[4])
        resource = String(parts[5])
    }

    /// The colon-separated components of an ASCII `text` (at most six, the last keeping further
    /// colons), split on its bytes: what the split on characters gives, without grapheme
    /// breaking (in ASCII every byte is a character). Nil for any other text.
    static func asciiComponents(_ text: String) -> [String]? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var parts: [String] = []
            parts.reserveCapacity(6)
            var start = 0
            for (i, b) in bytes.enumerated() {
                if b >= 0x80 { return nil }
                if b == UInt8(ascii: ":") && parts.count < 5 {
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    start = i + 1
                }
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return parts
        } ?? nil
    }

    public var description: String { "arn:\(partition):\(service):\(region):\(account):\(resource)" }

    /// The components in order, for component-wise matching.
    var components: [String] { ["arn", partition, service, region, account, resource] }

    /// The last segment of the resource, after the final `/` or `:` (a role's or bucket's short name).
    public var shortName: String {
        if let slash = resource.lastIndex(where: { $0 == "/" || $0 == ":" }) {
            return String(resource[resource.index(after: slash)...])
        }
        return resource
    }
}
