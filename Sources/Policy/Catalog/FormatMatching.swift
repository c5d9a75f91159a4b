/// Recognising the ARNs of a resource type from its SAR ARN format.
///
/// Each `${Placeholder}` becomes `?*`: one or more characters of any kind,
/// `/` and `:` included inside the resource component, because real names
/// contain them (IAM paths `role/path/name`, S3 keys, Secrets Manager names
/// such as `prod/db-AbCdEf`, log groups such as `/aws/lambda/f`). The six
/// colon-separated components are matched one by one, as `ARNPattern` does,
/// so a placeholder never spans the colons before the resource, and it never
/// matches an empty component (a regional format does not match an ARN
/// without a region). A literal `*` in a format stays a wildcard.
///
/// Because a placeholder may span `/`, S3's `bucket` format (`${BucketName}`)
/// also matches `bucket/key`. Callers therefore keep only the most specific of
/// a service's matching formats, the one with the most literal characters:
/// `object` (`${BucketName}/${ObjectName}`) wins over `bucket` there, while
/// `arn:aws:s3:::bucket` matches `bucket` alone since an object needs a key.
enum FormatMatching {
    /// A format prepared for matching.
    struct Compiled {
        /// Where the `?*` form of the format was appended.
        let match: Range<Int>
        /// Literal characters in the format (placeholders and `*` excluded).
        let specificity: Int
        /// The format's service component when it is literal (`iam` for STS's `role`), else nil.
        let arnService: String?
    }

    /// Appends the `?*` form of `format` to `output` and measures it.
    static func compile(_ format: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Compiled {
        let start = output.count
        var literals = 0
        var colons = 0
        var serviceStart = -1
        var serviceIsLiteral = true
        var arnService: String?
        var i = 0
        while i <= format.count {
            if i == format.count || format[i] == UInt8(ascii: ":") {
                colons += 1
                if colons == 2 { serviceStart = output.count + 1 }
                if colons == 3 && serviceIsLiteral && output.count > serviceStart {
                    arnService = String(decoding: output[serviceStart..<output.count], as: UTF8.self)
                }
                if i == format.count { break }
            }
            if format[i] == UInt8(ascii: "$"), i + 1 < format.count, format[i + 1] == UInt8(ascii: "{"),
                let close = format[(i + 2)...].firstIndex(of: UInt8(ascii: "}"))
            {
                output.append(UInt8(ascii: "?"))
                output.append(UInt8(ascii: "*"))
                if colons == 2 { serviceIsLiteral = false }
                i = close + 1
                continue
            }
            if format[i] == UInt8(ascii: "*") || format[i] == UInt8(ascii: "?") {
                if colons == 2 { serviceIsLiteral = false }
            } else {
                literals += 1
            }
            output.append(format[i])
            i += 1
        }
        return Compiled(match: start..<output.count, specificity: literals, arnService: arnService)
    }

    /// Whether `arn` matches a compiled format (`pattern`, the `?*` form).
    static func matches(_ pattern: UnsafeBufferPointer<UInt8>, _ arn: ARN) -> Bool {
        var start = 0
        var component = 0
        for i in 0...pattern.count where i == pattern.count || (pattern[i] == UInt8(ascii: ":") && component < 5) {
            let part = UnsafeBufferPointer(rebasing: pattern[start..<i])
            var value: String
            switch component {
            case 0: value = "arn"
            case 1: value = arn.partition
            case 2: value = arn.service
            case 3: value = arn.region
            case 4: value = arn.account
            default: value = arn.resource
            }
            let ok = value.withUTF8 { Wildcard.globMatch(pattern: part, value: $0, allowValueEndEarly: false) }
            guard ok else { return false }
            component += 1
            start = i + 1
        }
        return component == 6
    }

    /// `format` with every `${...}` placeholder replaced by `replacement`.
    static func replacingPlaceholders(in format: String, with replacement: String) -> String {
        var output: [UInt8] = []
        var rest = Substring(format).utf8
        while let dollar = rest.firstIndex(of: UInt8(ascii: "$")) {
            let afterDollar = rest.index(after: dollar)
            guard afterDollar < rest.endIndex, rest[afterDollar] == UInt8(ascii: "{"),
                let close = rest[afterDollar...].firstIndex(of: UInt8(ascii: "}"))
            else { break }
            output.append(contentsOf: rest[..<dollar])
            output.append(contentsOf: replacement.utf8)
            rest = rest[rest.index(after: close)...]
        }
        output.append(contentsOf: rest)
        return String(decoding: output, as: UTF8.self)
    }
}
