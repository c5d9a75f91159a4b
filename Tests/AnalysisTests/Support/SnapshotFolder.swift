import Foundation

/// A snapshot written to a temporary folder for one test: a copy of a bundled sample or
/// files written one by one. Removed by `remove()`.
struct SnapshotFolder {
    let root = NSTemporaryDirectory() + "ag-analysis-" + UUID().uuidString

    /// A bundled sample's folder.
    static func sample(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples/\(name)").path
    }

    /// A copy of the sample `name`.
    static func copy(of name: String) throws -> SnapshotFolder {
        let folder = SnapshotFolder()
        try FileManager.default.copyItem(atPath: sample(name), toPath: folder.root)
        return folder
    }

    func write(_ relative: String, _ text: String) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A policy document as `get-bucket-policy` prints it (a JSON string under `Policy`).
    static func quoted(_ policy: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["Policy": policy]), as: UTF8.self)
    }

    /// An organization policy (`describe-policy` and `list-targets-for-policy`) attached to the root.
    func organizationPolicy(id: String, type: String, content: String, rootID: String) throws {
        let summary: [String: Any] = ["Id": id, "Name": id, "Type": type, "AwsManaged": false, "Arn": "arn:aws:organizations::111111111111:policy/\(id)"]
        let describe = try JSONSerialization.data(withJSONObject: ["Policy": ["PolicySummary": summary, "Content": content]])
        try write("organization/policies/\(id)/describe-policy.json", String(decoding: describe, as: UTF8.self))
        let targets = try JSONSerialization.data(withJSONObject: ["Targets": [["TargetId": rootID, "Name": "Root", "Type": "ROOT"]]])
        try write("organization/policies/\(id)/list-targets-for-policy.json", String(decoding: targets, as: UTF8.self))
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
