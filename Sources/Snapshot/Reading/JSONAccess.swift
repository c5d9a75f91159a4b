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

    /// A timestamp field (ISO 8601 string or epoch number), nil when absent or not a time.
    func time(_ o: JSONObject, _ key: String) -> Double? {
        switch o[key] {
        case .string(let s)?: return Timestamp.epochSeconds(s)
        case .number(let n)?: return Double(n)
        default: return nil
        }
    }

    /// `RoleLastUsed` (`{"LastUsedDate": …, "Region": …}`; `{}` when AWS has no use on record):
    /// nil when absent or malformed (with a warning), `never` when empty.
    func roleLastUsed(_ o: JSONObject, at path: JSONPath, warnings: inout [SnapshotWarning]) -> LastUse? {
        guard let value = o["RoleLastUsed"] else { return nil }
        guard case .object(let last) = value else {
            warnings.append(SnapshotWarning(file: file, jsonPath: path.appending("RoleLastUsed").description, message: "expected an object, found \(value.typeName); last use unknown"))
            return nil
        }
        guard last["LastUsedDate"] != nil else { return .never }
        guard let t = time(last, "LastUsedDate") else {
            warnings.append(SnapshotWarning(file: file, jsonPath: path.appending("RoleLastUsed").appending("LastUsedDate").description, message: "not a timestamp; last use unknown"))
            return nil
        }
        return .at(t)
    }
}
