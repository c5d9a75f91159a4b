import Policy

/// Small typed accessors over `JSONValue` that record a warning (with the JSON path)
/// when a field has the wrong shape.
struct JSONAccess {
    let file: String

    func string(_ o: JSONObject, _ key: String) -> String? { o[key]?.stringValue }

    func array(_ o: JSONObject, _ key: String, at path: JSONPath, warnings: inout [SnapshotWarning]) -> [JSONValue] {
        switch o[key] {
        case nil, .null?: return []
        case .array(let a)?: return a
        case let other?:
            warnings.append(SnapshotWarning(file: file, jsonPath: path.appending(key).description, message: "expected an array, found \(other.typeName)"))
            return []
        }
    }

    func objects(_ o: JSONObject, _ key: String, at path: JSONPath, warnings: inout [SnapshotWarning]) -> [(Int, JSONObject)] {
        var out: [(Int, JSONObject)] = []
        for (i, v) in array(o, key, at: path, warnings: &warnings).enumerated() {
            if case .object(let obj) = v {
                out.append((i, obj))
            } else {
                warnings.append(SnapshotWarning(file: file, jsonPath: path.appending(key).appending(i).description, message: "expected an object, found \(v.typeName)"))
            }
        }
        return out
    }

    /// `[{"Key": k, "Value": v}]` tags as a dictionary.
    func tags(_ o: JSONObject) -> [String: String] {
        var out: [String: String] = [:]
        for t in o["Tags"]?.arrayValue ?? [] {
            if let k = t["Key"]?.stringValue, let v = t["Value"]?.stringValue { out[k] = v }
        }
        return out
    }
}
