import Foundation
import Testing

/// Reads a snapshot folder written by `accessgraph collect` in the end-to-end tests.
struct SnapshotReader {
    let root: URL

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// The parsed JSON of a file (objects as dictionaries).
    func json(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
        let data = try #require(FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
                                "missing \(path)", sourceLocation: sourceLocation)
        return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    /// The object in a file.
    func object(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try #require(try json(path, sourceLocation: sourceLocation) as? [String: Any], "\(path) is not an object",
                     sourceLocation: sourceLocation)
    }

    /// The raw text of a file.
    func text(_ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// The names in a folder, sorted.
    func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(path).path)) ?? []).sorted()
    }

    /// Every file, as paths relative to the root.
    var files: [String] {
        let walker = FileManager.default.enumerator(atPath: root.path)
        return (walker?.compactMap { $0 as? String } ?? []).filter { path in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.sorted()
    }

    /// The names listed under `key` in the array `list` of a JSON object (`UserDetailList[].UserName`).
    static func names(_ object: [String: Any], list: String, key: String) -> Set<String> {
        Set(((object[list] as? [[String: Any]]) ?? []).compactMap { $0[key] as? String })
    }
}
