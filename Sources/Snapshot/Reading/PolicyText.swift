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
            let decoded = looksURLEncoded(text) ? (urlDecode(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? text) : text
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

    /// Starts with `%` (after white space) or holds an encoded `"` or `{`: one pass over the bytes.
    static func looksURLEncoded(_ text: String) -> Bool {
        var leading = true
        var previous: (UInt8, UInt8) = (0, 0)
        for b in text.utf8 {
            if leading {
                if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { continue }
                if b == UInt8(ascii: "%") { return true }
                leading = false
            }
            // "%22" or "%7B"
            if previous.0 == UInt8(ascii: "%") {
                if previous.1 == UInt8(ascii: "2") && b == UInt8(ascii: "2") { return true }
                if previous.1 == UInt8(ascii: "7") && b == UInt8(ascii: "B") { return true }
            }
            previous = (previous.1, b)
        }
        return false
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

