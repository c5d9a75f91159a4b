import Foundation
import SnapshotLayout
import Testing
@testable import Snapshot

/// `SnapshotLoader.load(_:services:about:)`: IAM and the organization always, of the resources
/// only those of the given service folders and the folders that may hold the resource asked
/// about (escalation questions read this much), the same resources as the whole snapshot has of
/// them, and the whole snapshot when the resource is not found that way.
@Suite("Snapshot: loading IAM with some service folders")
struct ScopedLoadTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/acme-org").path

    func arns(_ s: Snapshot, _ keep: (Resource) -> Bool = { _ in true }) -> Set<String> {
        Set(s.accounts.values.flatMap { $0.resources.filter(keep).map(\.arn) })
    }

    @Test func onlyTheServiceFoldersAndTheResourceAskedAbout() async throws {
        let whole = try await SnapshotLoader().load(Self.sample)
        let lambdas = arns(whole) { $0.type == "AWS::Lambda::Function" }
        #expect(!lambdas.isEmpty)
        let scoped = try await SnapshotLoader().load(Self.sample, services: [.lambda])
        #expect(arns(scoped) == lambdas)
        #expect(scoped.filesRead < whole.filesRead)
        // IAM and the organization are read whole.
        let roles = { (s: Snapshot) -> Set<String> in Set(s.accounts.values.flatMap { $0.roles.map(\.arn) }) }
        #expect(roles(scoped) == roles(whole))
        #expect(scoped.organization != nil)

        let bucket = "arn:aws:s3:::acme-payroll"
        let withBucket = try await SnapshotLoader().load(Self.sample, services: [.lambda], about: bucket)
        #expect(arns(withBucket) == lambdas.union([bucket]))
    }

    @Test func aResourceNotFoundReadsTheWholeSnapshot() async throws {
        let whole = try await SnapshotLoader().load(Self.sample)
        let missing = try await SnapshotLoader().load(Self.sample, services: [.lambda], about: "arn:aws:s3:::no-such-bucket")
        #expect(arns(missing) == arns(whole))
        let notAnARN = try await SnapshotLoader().load(Self.sample, services: [.lambda], about: "not-an-arn")
        #expect(arns(notAnARN) == arns(whole))
    }
}
