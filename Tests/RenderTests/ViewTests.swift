import Graph
@testable import Render
import Testing

@Suite("Views, pruning and collapsing")
struct ViewTests {
    private func ids(_ view: GraphView, _ graph: AccessGraph = Fixtures.graph, options: RenderOptions = Fixtures.options) throws -> Set<String> {
        Set(try ViewBuilder.build(graph, view: view, options: options).nodes.map(\.id))
    }

    @Test func focusFollowsEveryPathBackwards() throws {
        #expect(try ids(.focus(Fixtures.prodData)) == [Fixtures.prodData, Fixtures.vendorReader, Fixtures.vendorRoot])
        #expect(try ids(.focus(Fixtures.key)) == [Fixtures.key, Fixtures.deployer, Fixtures.alice])
    }

    @Test func fromFollowsEveryPathForwards() throws {
        #expect(try ids(.from(Fixtures.alice)) == [
            Fixtures.alice, Fixtures.devs, Fixtures.deployer, Fixtures.key, Fixtures.secret, Fixtures.function, Fixtures.topic,
        ])
    }

    @Test func allShowsEverythingWhenSmall() throws {
        #expect(try ids(.all).count == Fixtures.graph.nodes.count)
    }

    @Test func pruningDropsDeadEndsAboveTheThreshold() throws {
        let options = RenderOptions(collapseAbove: 1000, pruneAbove: 5)
        let view = try ViewBuilder.build(Fixtures.graph, view: .all, options: options)
        #expect(view.summary.pruned == [Fixtures.unused])
        #expect(!view.nodes.contains { $0.id == Fixtures.unused })
        #expect(view.summary.description.contains("pruned 1 node"))
    }

    @Test func identicalPrincipalsCollapseAboveTheThreshold() throws {
        let options = RenderOptions(collapseAbove: 10, pruneAbove: 10)
        let view = try ViewBuilder.build(Fixtures.manyRoles(14), view: .all, options: options)
        #expect(view.nodes.count == 2)
        let group = try #require(view.summary.collapsed.first)
        #expect(group.label == "14 roles")
        #expect(group.members.count == 14)
        #expect(view.edges.count == 1)
        #expect(view.edges[0].from == group.id)
        let node = try #require(view.nodes.first { $0.id == group.id })
        #expect(node.tooltip.hasPrefix("14 roles:\narn:aws:iam::111111111111:role/app-0\n"))
        #expect(view.summary.pruned == [Fixtures.unused])
    }

    @Test func noCollapseBelowTheThreshold() throws {
        let view = try ViewBuilder.build(Fixtures.manyRoles(14), view: .all, options: RenderOptions())
        #expect(view.summary.collapsed.isEmpty)
        #expect(view.nodes.count == 16)
    }

    @Test func collapseKeepsDifferentlyConnectedNodesApart() {
        let a = ViewNode(id: "a", label: "a", tooltip: "a", kind: .role, account: "1")
        let b = ViewNode(id: "b", label: "b", tooltip: "b", kind: .role, account: "1")
        let r = ViewNode(id: "r", label: "r", tooltip: "r", kind: .resource, resourceType: "AWS::S3::Bucket", account: "1")
        let edges = [
            ViewEdge(Edge(from: "a", to: "r", kind: .canAccess, actions: ["s3:GetObject"])),
            ViewEdge(Edge(from: "b", to: "r", kind: .canAccess, actions: ["s3:PutObject"])),
        ]
        #expect(Collapse.apply(nodes: [a, b, r], edges: edges, anchor: nil).groups.isEmpty)
    }

    @Test func actionLabels() {
        #expect(ActionSummary.label(["s3:GetObject", "s3:ListBucket"], limit: 2) == "s3:GetObject\ns3:ListBucket")
        #expect(ActionSummary.label(["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt"], limit: 2)
            == "kms: 3 actions (Decrypt, Describe, Encrypt)")
        #expect(ActionSummary.label(["s3:*", "s3:GetObject", "sqs:Get*"], limit: 2) == "s3: *\nsqs: 1 action (Get*)")
    }

    @Test func dotQuoting() {
        #expect(DOTText.string("a\"b\\N\nc") == "\"a\\\"b\\\\N\\nc\"")
        #expect(DOTText.id("x\"y") == "\"x\\\"y\"")
    }
}

@Suite("Edge ends missing from the node table")
struct MissingNodeTests {
    @Test func standInsAreDrawn() throws {
        var graph = AccessGraph()
        graph.add(Node(id: "arn:aws:iam::111111111111:role/R", kind: .role, account: "111111111111"))
        graph.add(Edge(from: "arn:aws:iam::111111111111:role/R", to: "arn:aws:s3:::ghost", kind: .canAccess, actions: ["s3:GetObject"]))
        let view = try ViewBuilder.build(graph, view: .all, options: RenderOptions())
        let ghost = try #require(view.nodes.first { $0.id == "arn:aws:s3:::ghost" })
        #expect(ghost.kind == .resource)
        #expect(ghost.label == "S3 bucket ghost")
    }
}
