import Foundation
import Testing

/// A repeated query answers from the on-disk index; any change to the snapshot makes it recompute.
@Suite("accessgraph findings / who-can: the answer index")
struct AnswerIndexCommandTests {
    /// A copy of the sample whose files are a minute old (answers are stored only for settled files).
    func settledCopy() throws -> String {
        let dir = NSTemporaryDirectory() + "ag-cli-index-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: CLIRunner.sample, toPath: dir)
        let past = Date().addingTimeInterval(-60)
        let files = FileManager.default.enumerator(atPath: dir)?.compactMap { $0 as? String } ?? []
        for f in files { try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: dir + "/" + f) }
        return dir
    }

    func answerFiles(_ index: String) -> [String] {
        (FileManager.default.enumerator(atPath: index)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".answer") }
    }

    @Test func repeatedFindingsComeFromTheIndexUntilAFileChanges() throws {
        let snap = try settledCopy()
        let index = NSTemporaryDirectory() + "ag-cli-index-store-" + UUID().uuidString
        defer { for d in [snap, index] { try? FileManager.default.removeItem(atPath: d) } }
        let arguments = ["findings", snap, "--format", "json", "--index-dir", index]
        let first = try CLIRunner.run(arguments)
        #expect(first.status == 0)
        let stored = try #require(answerFiles(index).first)
        #expect(answerFiles(index).count == 1)

        // Prove the second answer is read back: mark the stored copy (same length) and look for the mark.
        let path = index + "/" + stored
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let needle = Data("acme-public-assets".utf8)
        let at = try #require(bytes.range(of: needle))
        bytes.replaceSubrange(at, with: Data("ACME-PUBLIC-ASSETS".utf8))
        try bytes.write(to: URL(fileURLWithPath: path))
        let second = try CLIRunner.run(arguments)
        #expect(second.status == 0)
        #expect(second.stdout == first.stdout.replacingOccurrences(of: "acme-public-assets", with: "ACME-PUBLIC-ASSETS", options: [], range: first.stdout.range(of: "acme-public-assets")))

        // Touching one file of the snapshot makes the stored answer stale: computed again, as before.
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-30)], ofItemAtPath: snap + "/accounts/222222222222/s3/acme-vendor-exchange/get-bucket-policy.json")
        let third = try CLIRunner.run(arguments)
        #expect(third.stdout == first.stdout)
    }

    @Test func whoCanTextRepeatsWithItsWarnings() throws {
        let snap = try settledCopy()
        let index = NSTemporaryDirectory() + "ag-cli-index-store-" + UUID().uuidString
        defer { for d in [snap, index] { try? FileManager.default.removeItem(atPath: d) } }
        try #"{"Policy": "{ not json"}"#.write(
            toFile: snap + "/accounts/222222222222/s3/acme-vendor-exchange/get-bucket-policy.json", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: snap + "/accounts/222222222222/s3/acme-vendor-exchange/get-bucket-policy.json")
        let arguments = ["who-can", snap, "arn:aws:s3:::acme-payroll", "--index-dir", index]
        let first = try CLIRunner.run(arguments)
        let second = try CLIRunner.run(arguments)
        #expect(first.status == 0 && second.status == 0)
        #expect(answerFiles(index).count == 1)
        #expect(first.stderr.contains("warning:") && first.stderr.contains("get-bucket-policy.json"))
        #expect(second.stdout == first.stdout && second.stderr == first.stderr)
    }

    @Test("Filters are part of the query: a filtered answer is stored apart")
    func filtersArePartOfTheQuery() throws {
        let snap = try settledCopy()
        let index = NSTemporaryDirectory() + "ag-cli-index-store-" + UUID().uuidString
        defer { for d in [snap, index] { try? FileManager.default.removeItem(atPath: d) } }
        let all = try CLIRunner.run(["findings", snap, "--format", "json", "--index-dir", index])
        let buckets = try CLIRunner.run(["findings", snap, "--format", "json", "--index-dir", index, "--resource-type", "AWS::S3::Bucket"])
        let again = try CLIRunner.run(["findings", snap, "--format", "json", "--index-dir", index, "--resource-type", "aws::s3::bucket"])
        #expect(all.status == 0 && buckets.status == 0)
        #expect(all.stdout != buckets.stdout)
        #expect(again.stdout == buckets.stdout)
        #expect(answerFiles(index).count == 2)
    }

    @Test func noIndexWritesNothing() throws {
        let snap = try settledCopy()
        let index = NSTemporaryDirectory() + "ag-cli-index-store-" + UUID().uuidString
        defer { for d in [snap, index] { try? FileManager.default.removeItem(atPath: d) } }
        let r = try CLIRunner.run(["findings", snap, "--no-index", "--index-dir", index])
        #expect(r.status == 0)
        #expect(!FileManager.default.fileExists(atPath: index))
    }
}
