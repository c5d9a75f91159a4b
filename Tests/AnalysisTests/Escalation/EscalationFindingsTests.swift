import Foundation
import Graph
import Policy
import Snapshot
import Testing
@testable import Analysis

/// `findings --with-escalation` (docs/escalation.md, "Findings"): the walk from the roles outside
/// principals enter also follows escalation edges, and the entry points still summarise exactly
/// the transitive findings `--expand` lists.
@Suite("Findings following escalation", .generatedSnapshots)
struct EscalationFindingsTests {
    static let sample = EscalationSampleTests.root
    static let bucket = EscalationSampleTests.bucket
    static let partner = "arn:aws:iam::444455556666:root"
    static func arn(_ s: String) -> String { EscalationSampleTests.arn(s) }

    func analysis(_ model: AccessModel, escalation: Bool) async -> FindingsAnalysis {
        await FindingsAnalyzer(model: model, escalation: escalation ? Escalation(model: model) : nil).analyze()
    }

    /// samples/escalation-account: account 444455556666 enters PartnerRole, which can pass
    /// LambdaDataRole to a function it creates and invokes (lambda-create-invoke); LambdaDataRole
    /// reads the bucket. Without escalation the bucket is not reached from outside.
    @Test func outsiderReachesTheBucketOnlyByEscalation() async throws {
        let model = try await AnalysisSession.open(Self.sample, assumeEdges: .onDemand)
        let plain = await analysis(model, escalation: false).transitiveFindings()
        #expect(!plain.contains { $0.resource == Self.bucket })
        #expect(plain.allSatisfy { $0.steps == nil })
        // Without escalation the partner still reaches the function PartnerRole may invoke.
        #expect(plain.contains { $0.principal == Self.partner && $0.resourceType == "AWS::Lambda::Function" })

        let escalated = await analysis(model, escalation: true)
        let found = escalated.transitiveFindings()
        let f = try #require(found.first { $0.principal == Self.partner && $0.resource == Self.bucket })
        #expect(f.path == [Self.partner, Self.arn("role/PartnerRole"), Self.arn("role/LambdaDataRole"), Self.bucket])
        #expect(f.actions == ["s3:GetObject", "s3:ListBucket"])
        let steps = try #require(f.steps)
        #expect(steps.map(\.kind) == [.assume, .escalate, .access])
        #expect(steps[1].techniqueID == "lambda-create-invoke")
        #expect(steps[1].requests.map(\.action).contains("iam:PassRole"))
        #expect(steps.map(\.to) == Array(f.path.dropFirst()))
        // The entry's condition (sts:ExternalId) is carried through.
        #expect(f.conditions["StringEquals"]?["sts:ExternalId"] == ["partner-7781"])
        // The role acted as is a finding, with the technique's actions.
        let role = try #require(found.first { $0.resource == Self.arn("role/LambdaDataRole") })
        #expect(role.actions == ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"])
        #expect(role.steps?.last?.techniqueID == "lambda-create-invoke")
        // The entry point counts the bucket.
        let entry = try #require(escalated.entryPoints().first { $0.principal == Self.partner })
        #expect(entry.reach.contains { $0.resourceType == "AWS::S3::Bucket" && $0.resources == 1 })
        let plainEntry = try #require(await analysis(model, escalation: false).entryPoints().first { $0.principal == Self.partner })
        #expect(!plainEntry.reach.contains { $0.resourceType == "AWS::S3::Bucket" })
        #expect(entry.resources == plainEntry.resources + 2)
    }

    struct Group: Hashable {
        let principal: String
        let role: String
        let account: String
        let type: String
    }

    /// The entry points' reach (counts and access levels) is the `--expand` list grouped by
    /// (principal, entry role, account, type), with escalation followed. Returns the counts.
    @discardableResult
    func expectReachEqualsExpansion(_ model: AccessModel, catalog: ActionCatalog) async -> [Group: Int] {
        let analysis = await analysis(model, escalation: true)
        var counts: [Group: Int] = [:]
        var levels: [Group: Set<String>] = [:]
        for f in analysis.transitiveFindings() {
            let g = Group(principal: f.principal, role: f.path[1], account: model.resources[f.resource]!.account, type: f.resourceType)
            counts[g, default: 0] += 1
            levels[g, default: []].formUnion(AccessLevelSummary(actions: f.actions, catalog: catalog).levelNames)
            // One step per hop of the path, and a grant step where a principal widens itself.
            #expect(f.steps?.filter { $0.kind != .grant }.count == f.path.count - 1)
            #expect(f.steps?.allSatisfy { $0.kind != .grant || $0.from == $0.to } == true)
        }
        var reachCounts: [Group: Int] = [:]
        var reachLevels: [Group: Set<String>] = [:]
        for e in analysis.entryPoints() {
            for r in e.reach {
                let g = Group(principal: e.principal, role: e.role, account: r.account, type: r.resourceType)
                reachCounts[g, default: 0] += r.resources
                reachLevels[g, default: []].formUnion(r.accessLevels)
            }
        }
        #expect(counts == reachCounts)
        #expect(levels == reachLevels)
        return counts
    }

    @Test func reachEqualsExpansionOnTheEscalationSample() async throws {
        let model = try await AnalysisSession.open(Self.sample, assumeEdges: .onDemand)
        await expectReachEqualsExpansion(model, catalog: try ActionCatalog.bundled())
    }

    @Test("Reach equals the expansion with escalation", arguments: [DifferentialSnapshot.acmeOrg, .motoAccount, .generatedOrganization])
    func reachEqualsExpansion(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        let model = AccessModel(snapshot: p.snapshot, vocabulary: p.vocabulary, assumeEdges: .onDemand)
        await expectReachEqualsExpansion(model, catalog: p.vocabulary.catalog)
    }
}
