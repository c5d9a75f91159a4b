import Analysis
import Foundation
import Graph
@testable import Render
import Testing

/// The summarised default view on a generated three-account organization: what it draws, that it
/// keeps to the node cap, and that what it leaves out is counted.
@Suite("Overview drawing", .generatedOrganization)
struct OverviewTests {
    static func build(_ overview: OrganizationOverview, maxNodes: Int) -> (view: RenderView, title: String) {
        OverviewView.build(overview, options: RenderOptions(maxNodes: maxNodes))
    }

    @Test func withRoomEverythingIsDrawnAndNothingIsSaidToBeLeftOut() throws {
        let overview = try GeneratedOrganization.overview()
        #expect(overview.accounts.count == 3)
        #expect(!overview.entryRoles.isEmpty && !overview.shares.isEmpty)
        let (view, title) = Self.build(overview, maxNodes: 10_000)
        let ids = Set(view.nodes.map(\.id))
        for account in overview.accounts { #expect(ids.contains(OverviewIDs.counts(account.id))) }
        // Every entry role is drawn: as its own node, or as a member of a bundle's node.
        let bundled = Set(view.nodes.filter { $0.id.hasPrefix("roles:") }.flatMap { $0.tooltip.split(separator: "\n").map(String.init) })
        for role in overview.entryRoles { #expect(ids.contains(role.role) || bundled.contains(role.role), "\(role.role) not drawn") }
        for principal in overview.outsidePrincipals { #expect(ids.contains(principal), "\(principal) not drawn") }
        // An entry role drawn alone has one edge per account and type it reaches, labelled with the
        // count; or, where it reaches more than three types of an account, one edge to the
        // account's box with the sum.
        for role in overview.entryRoles where ids.contains(role.role) {
            for (account, reach) in Dictionary(grouping: role.reach, by: \.account) {
                if reach.count > RoleBundle.typesPerEdge {
                    let edge = view.edges.first { $0.from == role.role && $0.to == OverviewIDs.counts(account) }
                    let sum = reach.reduce(0) { $0 + $1.resources }
                    #expect(edge?.label?.hasPrefix("\(Count.format(sum)) in \(reach.count) types") == true, "\(role.role) -> \(account)")
                    continue
                }
                for r in reach {
                    // To the group, or to the one resource it holds when that is drawn on its own.
                    let edge = view.edges.first { e in
                        guard e.from == role.role, let to = view.nodes.first(where: { $0.id == e.to }) else { return false }
                        return to.account == r.account && to.resourceType == r.resourceType
                    }
                    #expect(edge?.label?.hasPrefix(Count.format(r.resources)) == true, "\(role.role) -> \(r.resourceType)")
                }
            }
        }
        #expect(!title.contains("Summarised"))
        #expect(view.summary.notes.contains { $0.contains("nothing left out") })
    }

    @Test(arguments: [3, 8, 15, 25, 40])
    func theCapHoldsAndWhatIsLeftOutIsCounted(maxNodes: Int) throws {
        let overview = try GeneratedOrganization.overview()
        let plan = OverviewPlan(overview, maxNodes: maxNodes)
        let (view, title) = Self.build(overview, maxNodes: maxNodes)
        #expect(view.nodes.count <= maxNodes)
        #expect(view.nodes.count == plan.nodeCount)
        #expect(view.edges.count <= maxNodes * OverviewPlan.edgesPerNode)
        #expect(plan.roleCount + plan.omittedRoleCount == overview.entryRoles.count)
        #expect(plan.shares.count + plan.omittedShareCount == overview.shares.count)
        if maxNodes < 40 {
            // Too small for the generated organization: the title and the summary say what was left out.
            #expect(!plan.isComplete)
            #expect(title.contains("Summarised to at most \(maxNodes) nodes"))
            #expect(view.summary.notes.contains { $0.contains("summarised to at most \(maxNodes) nodes") })
        }
        if plan.omittedRoleCount > 0 {
            #expect(title.contains("\(plan.roleCount) of \(overview.entryRoles.count) entry roles drawn"))
            let left = view.nodes.filter { $0.drawnCategory == .accountCounts && $0.label.contains("not drawn:") }
            #expect(!left.isEmpty, "no account box says what was not drawn")
        }
    }

    @Test func accountCountsAddUp() throws {
        let overview = try GeneratedOrganization.overview()
        for account in overview.accounts {
            let nonRoles = account.types.filter { $0.type != "AWS::IAM::Role" }
            #expect(nonRoles.reduce(0) { $0 + $1.resources } == account.resources)
            #expect(nonRoles.reduce(0) { $0 + $1.reachable } == account.reachable)
            #expect(account.reachable <= account.resources)
            #expect(account.entryRoles == overview.entryRoles.filter { $0.account == account.id }.count)
        }
        // Every resource a direct finding is on (roles aside) counts as reachable in its account and type.
        for share in overview.shares {
            let t = overview.accounts.first { $0.id == share.account }?.types.first { $0.type == share.resourceType }
            #expect((t?.reachable ?? 0) >= share.resources.count)
        }
    }

    @Test func theDOTTextIsTheSameEveryTime() throws {
        let overview = try GeneratedOrganization.overview()
        let renderer = GraphRenderer(options: RenderOptions(maxNodes: 40))
        let first = String(decoding: try renderer.render(overview, format: .dot).data, as: UTF8.self)
        let second = String(decoding: try renderer.render(overview, format: .dot).data, as: UTF8.self)
        #expect(first == second)
        #expect(first.hasPrefix("digraph"))
        let canon = try GraphvizContext.shared().render(dot: first, engine: "dot", format: "canon")
        #expect(!canon.data.isEmpty)
    }
}
