// A small executable over the Render module, for valgrind and for layout timings.
// Built by scripts/render-probe.sh from the objects `swift build --target Render` leaves in .build/debug.
//
//   render-probe memcheck          render a small graph to every format, plus failing renders
//   render-probe dot N             print the DOT text for a generated graph of about N nodes, default options
//   render-probe bench N ENGINE    time selection + DOT writing and Graphviz layout+SVG for a generated graph of about N nodes
import Foundation
import Graph
import Render

func smallGraph() -> AccessGraph {
    var g = AccessGraph()
    let vendor = "arn:aws:iam::999999999999:root", role = "arn:aws:iam::111111111111:role/VendorReader"
    let bucket = "arn:aws:s3:::prod-data", assets = "arn:aws:s3:::public-assets"
    g.add(Node(id: vendor, kind: .account, account: "999999999999"))
    g.add(Node(id: "*", kind: .everyone))
    g.add(Node(id: role, kind: .role, account: "111111111111"))
    g.add(Node(id: bucket, kind: .resource, account: "111111111111", resourceType: "AWS::S3::Bucket"))
    g.add(Node(id: assets, kind: .resource, account: "222222222222", resourceType: "AWS::S3::Bucket"))
    g.add(Edge(from: vendor, to: role, kind: .canAssume, conditions: ["StringEquals": ["sts:ExternalId": ["x"]]], isExternal: true))
    g.add(Edge(from: role, to: bucket, kind: .canAccess, actions: ["s3:GetObject"]))
    g.add(Edge(from: "*", to: assets, kind: .canAccess, actions: ["s3:GetObject"], isExternal: true, isPublic: true))
    return g
}

/// About `n` nodes in 5 accounts: users and roles (a third each), resources of several types,
/// a few external principals; every user assumes 2 roles, every role accesses 3 resources.
func generated(_ n: Int) -> AccessGraph {
    var g = AccessGraph()
    var seed: UInt64 = 42
    func next(_ bound: Int) -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int((seed >> 33) % UInt64(bound))
    }
    let users = n / 3, roles = n / 3, externals = max(1, n / 50), resources = n - users - roles - externals
    let types = ["AWS::S3::Bucket", "AWS::KMS::Key", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::Lambda::Function", "AWS::SecretsManager::Secret"]
    func account(_ i: Int) -> String { String(repeating: String(i % 5 + 1), count: 12) }
    let roleIDs = (0..<roles).map { "arn:aws:iam::\(account($0)):role/r\($0)" }
    let resourceIDs = (0..<resources).map { "arn:aws:res:::\(account($0))/x\($0)" }
    for (i, id) in roleIDs.enumerated() { g.add(Node(id: id, kind: .role, account: account(i))) }
    for (i, id) in resourceIDs.enumerated() { g.add(Node(id: id, kind: .resource, account: account(i), resourceType: types[i % types.count])) }
    for i in 0..<users {
        let id = "arn:aws:iam::\(account(i)):user/u\(i)"
        g.add(Node(id: id, kind: .user, account: account(i)))
        for _ in 0..<2 { g.add(Edge(from: id, to: roleIDs[next(roles)], kind: .canAssume)) }
    }
    for id in roleIDs {
        for _ in 0..<3 { g.add(Edge(from: id, to: resourceIDs[next(resources)], kind: .canAccess, actions: ["s3:GetObject"])) }
    }
    for i in 0..<externals {
        let id = "arn:aws:iam::9999999999\(i % 10)\(i / 10 % 10):root"
        g.add(Node(id: id, kind: .externalPrincipal))
        g.add(Edge(from: id, to: roleIDs[next(roles)], kind: .canAssume, isExternal: true))
    }
    return g
}

let arguments = CommandLine.arguments
switch arguments.count > 1 ? arguments[1] : "" {
case "memcheck":
    let renderer = GraphRenderer(options: RenderOptions(organization: Organization(name: "o-x", accounts: ["111111111111"])))
    for format in [OutputFormat.svg, .png, .pdf, .dot] {
        let output = try renderer.render(smallGraph(), view: .all, format: format)
        print("\(format): \(output.data.count) bytes")
    }
    for (view, format) in [(GraphView.external, OutputFormat(rawValue: "nope")), (.focus("missing"), .svg)] {
        do { _ = try renderer.render(smallGraph(), view: view, format: format) } catch { print("error: \(error)") }
    }
    let context = try GraphvizContext.shared()
    do { _ = try context.render(dot: "digraph { a -> ; }", engine: "dot", format: "svg") } catch { print("error: \(error)") }
    do { _ = try context.render(dot: "digraph { a -> b }", engine: "bogus", format: "svg") } catch { print("error: \(error)") }
    // A context of its own, released (gvFreeContext) before the process ends.
    do {
        let owned = try GraphvizContext()
        print("owned context: \(try owned.render(dot: "digraph { a -> b }", engine: "dot", format: "svg").data.count) bytes")
    }
case "bench":
    let n = Int(arguments[2]) ?? 50, engine = arguments.count > 3 ? arguments[3] : "dot"
    let graph = generated(n)
    let options = RenderOptions(collapseAbove: .max, pruneAbove: .max, layoutEngine: .named(engine), legend: false)
    let clock = ContinuousClock()
    var dot = ""
    let prepare = clock.measure { dot = try! GraphRenderer(options: options).dot(graph, view: .all).text }
    let context = try GraphvizContext.shared()
    var bytes = 0
    let layout = try clock.measure { bytes = try context.render(dot: dot, engine: engine, format: "svg").data.count }
    print("nodes \(graph.nodes.count) edges \(graph.edges.count) engine \(engine) view+dot \(prepare) layout+svg \(layout) svg \(bytes) bytes")
case "dot":
    // The DOT text of a generated graph as the automatic settings draw it (pruned, collapsed, legend).
    let n = Int(arguments[2]) ?? 50
    print(try GraphRenderer().dot(generated(n), view: .all).text, terminator: "")
default:
    print("usage: render-probe memcheck | bench N ENGINE | dot N")
}
