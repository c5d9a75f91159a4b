import Foundation

/// Small reads of a command's JSON output: the objects of one top-level list.
enum JSONObjects {
    /// The objects in the top-level array `key` (`Children` of `list-children`).
    static func list(_ key: String, in data: Data) throws(UnexpectedOutput) -> [[String: Any]] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw UnexpectedOutput("output is not JSON")
        }
        guard let object = value as? [String: Any], let items = object[key] as? [Any] else {
            throw UnexpectedOutput("output has no \"\(key)\" list")
        }
        return items.compactMap { $0 as? [String: Any] }
    }

    /// The string `field` of each object in the top-level array `key` (`Roots[].Id`).
    static func strings(_ field: String, of key: String, in data: Data) throws(UnexpectedOutput) -> [String] {
        try list(key, in: data).compactMap { $0[field] as? String }
    }

    /// `{"<key>": first + second}`: two outputs' lists joined into one, pretty-printed.
    static func concatenate(_ key: String, _ first: Data, _ second: Data) throws(UnexpectedOutput) -> Data {
        let items = try list(key, in: first) + list(key, in: second)
        do {
            return try JSONSerialization.data(
                withJSONObject: [key: items], options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        } catch {
            throw UnexpectedOutput("cannot write the joined \"\(key)\" list")
        }
    }
}
