import Foundation
import Policy

/// Reads files and directories of a snapshot, collecting warnings instead of failing
/// on one bad file.
struct FileReader: Sendable {
    let root: String

    func absolute(_ relative: String) -> String { relative.isEmpty ? root : root + "/" + relative }

    func isDirectory(_ relative: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: absolute(relative), isDirectory: &isDir) && isDir.boolValue
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: absolute(relative)) }

    /// The names in a directory, sorted; empty when it does not exist.
    func list(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: absolute(relative))) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The file's JSON, or nil with a warning when it is missing or malformed.
    func json(_ relative: String, deferring keys: Set<String> = [], warnings: inout [SnapshotWarning]) -> JSONValue? {
        guard let bytes = FileBytes.read(absolute(relative)) else {
            warnings.append(SnapshotWarning(file: relative, message: "cannot read the file"))
            return nil
        }
        return parse(bytes, relative, deferring: keys, warnings: &warnings)
    }

    /// The file's JSON when it exists (a missing optional file is no warning).
    func optionalJSON(_ relative: String, warnings: inout [SnapshotWarning]) -> JSONValue? {
        // One open instead of a stat and an open: most optional files of a folder are absent.
        switch FileBytes.readIfPresent(absolute(relative)) {
        case .missing: return nil
        case .unreadable:
            warnings.append(SnapshotWarning(file: relative, message: "cannot read the file"))
            return nil
        case .bytes(let bytes):
            return parse(bytes, relative, warnings: &warnings)
        }
    }

    /// The bytes as JSON, or nil with a warning naming the file and the position of the error.
    /// Every file of a snapshot is the output of an AWS CLI command, a JSON object: another
    /// top-level value (an array, a string) is a warning too, not a file read as empty.
    private func parse(_ bytes: [UInt8], _ relative: String, deferring keys: Set<String> = [], warnings: inout [SnapshotWarning]) -> JSONValue? {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes, deferring: keys)
        } catch {
            warnings.append(SnapshotWarning(file: relative, message: error.description))
            return nil
        }
        guard case .object = json else {
            warnings.append(SnapshotWarning(
                file: relative, jsonPath: JSONPath.root.description, message: "expected a JSON object, found \(json.typeName); the file is ignored"))
            return nil
        }
        return json
    }
}
