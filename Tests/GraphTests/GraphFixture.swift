import Foundation
import Snapshot
@testable import Graph

/// Small one-account snapshots written to a temporary folder: an authorization-details document,
/// buckets and their policies.
enum GraphFixture {
    static let account = "123456789012"

    static func model(_ gaad: String, buckets: [String], policies: [String: String] = [:]) async throws -> AccessModel {
        let root = NSTemporaryDirectory() + "ag-graph-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        func write(_ relative: String, _ text: String) throws {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        try write("accounts/\(account)/iam/get-account-authorization-details.json", gaad)
        for b in buckets { try write("accounts/\(account)/s3/\(b)/get-bucket-acl.json", #"{"Owner": {"ID": "x"}, "Grants": []}"#) }
        for (b, policy) in policies {
            let quoted = String(decoding: try JSONSerialization.data(withJSONObject: ["Policy": policy]), as: UTF8.self)
            try write("accounts/\(account)/s3/\(b)/get-bucket-policy.json", quoted)
        }
        return AccessModel(snapshot: try await SnapshotLoader().load(root))
    }

    /// A bundled sample snapshot's folder.
    static func sample(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples/\(name)").path
    }
}
