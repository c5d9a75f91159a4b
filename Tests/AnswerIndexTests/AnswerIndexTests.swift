import Foundation
import Testing
@testable import AnswerIndex

/// The on-disk answer index: answers come back only for the same tool, query and unchanged snapshot.
@Suite("Answer index and snapshot fingerprint")
struct AnswerIndexTests {
    /// A small snapshot-like tree, and an index root, in a fresh temporary folder.
    func tree() throws -> (snapshot: String, index: String) {
        let base = NSTemporaryDirectory() + "ag-index-" + UUID().uuidString
        let fm = FileManager.default
        for (path, text) in [
            "accounts/111111111111/iam/get-account-authorization-details.json": "{}",
            "accounts/111111111111/s3/b/get-bucket-policy.json": #"{"Policy": "{}"}"#,
            "accounts/222222222222/sqs/q/get-queue-attributes.json": "{}",
            "organization/describe-organization.json": "{}",
        ] {
            let full = base + "/snap/" + path
            try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return (base + "/snap", base + "/index")
    }

    /// Long after every file was written, so answers are stored.
    let later = Date().addingTimeInterval(60)

    @Test("The fingerprint changes when a file changes, appears or goes; hidden entries do not count")
    func fingerprint() throws {
        let (snap, _) = try tree()
        let first = try SnapshotFingerprint.of(snap)
        #expect(first.files == 4)
        #expect(try SnapshotFingerprint.of(snap) == first)
        try "x".write(toFile: snap + "/.accessgraph-note", atomically: true, encoding: .utf8)
        #expect(try SnapshotFingerprint.of(snap) == first)

        // Same size, new content and time.
        let policy = snap + "/accounts/111111111111/s3/b/get-bucket-policy.json"
        try #"{"Policy": "[]"}"#.write(toFile: policy, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: policy)
        let edited = try SnapshotFingerprint.of(snap)
        #expect(edited != first && edited.files == 4)

        try "{}".write(toFile: snap + "/accounts/222222222222/sqs/q/extra.json", atomically: true, encoding: .utf8)
        let added = try SnapshotFingerprint.of(snap)
        #expect(added.files == 5 && added != edited)
        try FileManager.default.removeItem(atPath: snap + "/accounts/222222222222/sqs/q/extra.json")
        #expect(try SnapshotFingerprint.of(snap) == edited)

        #expect(throws: AnswerIndexError.notADirectory(snap + "/missing")) { try SnapshotFingerprint.of(snap + "/missing") }
    }

    @Test("An answer comes back for the same tool and query until the snapshot changes")
    func roundTrip() throws {
        let (snap, root) = try tree()
        let index = try AnswerIndex(snapshot: snap, root: root, tool: "t1")
        let query = ["findings", "format=json"]
        #expect(index.answer(for: query) == nil)
        let answer = StoredAnswer(stdout: Array("{\"findings\": []}\n".utf8), stderr: Array("warning: w\n".utf8))
        index.store(answer, for: query, now: later)
        #expect(try AnswerIndex(snapshot: snap, root: root, tool: "t1").answer(for: query) == answer)
        #expect(try AnswerIndex(snapshot: snap, root: root, tool: "t2").answer(for: query) == nil)
        #expect(index.answer(for: ["findings", "format=text"]) == nil)

        // A changed file makes the answer stale; storing a new one removes the stale folder.
        try "{ }".write(toFile: snap + "/organization/describe-organization.json", atomically: true, encoding: .utf8)
        let changed = try AnswerIndex(snapshot: snap, root: root, tool: "t1")
        #expect(changed.answer(for: query) == nil)
        changed.store(StoredAnswer(stdout: Array("new".utf8)), for: query, now: later)
        #expect(try FileManager.default.contentsOfDirectory(atPath: changed.snapshotFolder) == [changed.fingerprint.description])
        #expect(changed.answer(for: query)?.stdout.elementsEqual(Array("new".utf8)) == true)
    }

    @Test("Nothing is stored while a file is younger than the settling time; a damaged file is no answer")
    func settleAndDamage() throws {
        let (snap, root) = try tree()
        let index = try AnswerIndex(snapshot: snap, root: root, tool: "t")
        index.store(StoredAnswer(stdout: [1, 2, 3]), for: ["q"], now: Date())
        #expect(index.answer(for: ["q"]) == nil)
        index.store(StoredAnswer(stdout: [1, 2, 3]), for: ["q"], now: later)
        #expect(index.answer(for: ["q"])?.stdout.elementsEqual([1, 2, 3]) == true)
        let file = index.file(for: ["q"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        try bytes.dropLast().write(to: URL(fileURLWithPath: file))  // truncated
        #expect(index.answer(for: ["q"]) == nil)
    }
}
