import Foundation
import Policy

/// Format tolerance for policy documents: a JSON object, a JSON string holding
/// JSON (`"Policy": "{...}"`), or a URL-encoded string (raw IAM API, AWS Config).
enum PolicyText {
    /// Parses the policy found at `path` of `file`; on failure adds a warning and returns nil.
    static func parse(
        _ value: JSONValue, file: String, path: JSONPath, name: String, warnings: inout [SnapshotWarning]
    ) -> NamedPolicy? {
        var json = value
        if case .string(let text) = value {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let decoded = trimmed.hasPrefix("%") || trimmed.contains("%22") || trimmed.contains("%7B") ? (urlDecode(trimmed) ?? trimmed) : trimmed
            do {
                json = try JSONParser.parse(decoded)
            } catch {
                warnings.append(SnapshotWarning(file: file, jsonPath: path.description, message: "the policy string is not JSON: \(error.description)"))
                return nil
            }
        }
        do {
            let out = try PolicyParser().parse(json: json)
            for w in out.warnings {
                warnings.append(SnapshotWarning(file: file, jsonPath: path.appending(w.path).description, message: w.message))
            }
            return NamedPolicy(name: name, document: out.document)
        } catch {
            warnings.append(SnapshotWarning(
                file: file, jsonPath: path.appending(error.path).description, message: "\(error.message); the policy is skipped"))
            return nil
        }
    }

    /// Percent-decoding (with `+` as space, as form encoding writes it).
    static func urlDecode(_ s: String) -> String? {
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let c = it.popFirst() {
            if c == UInt8(ascii: "%") {
                guard it.count >= 2, let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(v)
                it = it.dropFirst(2)
            } else if c == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else {
                bytes.append(c)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

