import Foundation
@testable import Graph
import Snapshot
import Testing
@testable import Analysis

/// The CLI's findings build role-assumption edges on demand, forward from the roles outside
/// principals enter, and decide access once per class of alike roles; they must equal the
/// findings of a model that built every edge first.
@Suite("Findings: on-demand edges and role classes give the same findings")
struct FindingsPathsTests {
    static func sample(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples/\(name)").path
    }

    @Test("Eager and on-demand models give equal findings", arguments: ["acme-org", "moto-account"])
    func onDemandEqualsEager(sample: String) async throws {
        let snapshot = try await SnapshotLoader().load(Self.sample(sample))
        let eager = await FindingsAnalyzer(model: AccessModel(snapshot: snapshot)).findings()
        let onDemand = await FindingsAnalyzer(model: AccessModel(snapshot: snapshot, assumeEdges: .onDemand)).findings()
        #expect(onDemand == eager)
        #expect(eager.contains { $0.path.count > 2 })
    }

    @Test("Action lists: equal lists become one array, contents unchanged")
    func actionListsShareOneArray() throws {
        // Three arrays built apart, two with the same content.
        let a = ["s3:GetObject", "s3:ListBucket"].map { $0 }
        let b = ["s3:GetObject"] + ["s3:ListBucket"]
        let c = ["s3:PutObject"]
        func reached(_ actions: [String]) -> FindingsAnalyzer.Reached {
            FindingsAnalyzer.Reached(members: [0], partition: -1, access: Access(actions: actions))
        }
        #expect(ActionListInterning.Storage(a) != ActionListInterning.Storage(b))
        let lists = ActionListInterning.canonical([[reached(a), reached(c)], [reached(b)]])
        #expect(lists.map { $0.map(\.access.actions) } == [[a, c], [b]])
        #expect(ActionListInterning.Storage(lists[0][0].access.actions) == ActionListInterning.Storage(lists[1][0].access.actions))
        #expect(ActionListInterning.Storage(lists[0][0].access.actions) != ActionListInterning.Storage(lists[0][1].access.actions))
    }
}

/// who-can reads and prepares only the resource it is asked about (and IAM, every role): the same
/// answer as with every resource prepared, and the warnings of the files it read.
@Suite("who-can: a model of the roles and the one resource answers like the whole model")
struct WhoCanScopeTests {
    @Test("Every resource of both samples", arguments: ["acme-org", "moto-account"])
    func scopedEqualsWhole(sample: String) async throws {
        let path = FindingsPathsTests.sample(sample)
        let whole = try await AnalysisSession.open(path)
        var asked = 0
        for arn in whole.resourceOrder {
            let scoped = try await AnalysisSession.open(path, about: arn)
            #expect(try WhoCanAnalyzer(model: scoped).whoCan(arn) == WhoCanAnalyzer(model: whole).whoCan(arn), "\(arn)")
            // Only IAM, the organization and the resource's folders are read: their warnings, no others.
            #expect(Set(AnalysisSession.warnings(scoped).map(\.description)).isSubset(of: AnalysisSession.warnings(whole).map(\.description)))
            #expect(scoped.resources.count <= whole.resources.count)
            asked += 1
        }
        #expect(asked > 10)
    }
}
