import Foundation
import Testing

/// `accessgraph graph` end to end on the sample organization.
@Suite("accessgraph graph")
struct GraphCommandTests {
    static let payroll = "arn:aws:s3:::acme-payroll"
    static let expected = CLIRunner.root.appendingPathComponent("Tests/CLITests/Expected")

    @Test func focusSVGIsXMLWithEveryNodeOnThePaths() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("x.svg")
        let r = try CLIRunner.run(["graph", CLIRunner.sample, "--focus", Self.payroll, "-o", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("view: paths to \(Self.payroll)"))
        let xml = XMLCheck(try String(contentsOf: file, encoding: .utf8))
        #expect(xml.error == nil)
        // Render names each node's SVG group after its access graph id.
        let ids = xml.nodeIDs
        for id in [
            "arn:aws:iam::222222222222:user/engineering/alice", "arn:aws:iam::222222222222:role/AnalyticsRole",
            "arn:aws:iam::222222222222:role/PayrollApp", Self.payroll,
        ] {
            #expect(ids.contains(id), "no node \(id) in \(ids.sorted())")
        }
        let titles = xml.elements.filter { $0.name == "title" }
        #expect(!titles.isEmpty)
    }

    /// Regenerate after an intended change of the drawing:
    /// `accessgraph graph samples/acme-org --focus arn:aws:s3:::acme-payroll --format dot > Tests/CLITests/Expected/focus-acme-payroll.dot`
    @Test func focusDOTMatchesTheExpectation() throws {
        let r = try CLIRunner.run(["graph", CLIRunner.sample, "--focus", Self.payroll, "--format", "dot"])
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try String(contentsOf: Self.expected.appendingPathComponent("focus-acme-payroll.dot"), encoding: .utf8)
        #expect(r.stdout == expected)
    }

    /// The default view is the overview. Regenerate after an intended change of the drawing:
    /// `accessgraph graph samples/acme-org --format dot > Tests/CLITests/Expected/overview-acme-org.dot`
    @Test func overviewDOTMatchesTheExpectation() throws {
        let r = try CLIRunner.run(["graph", CLIRunner.sample, "--format", "dot"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("view: overview of external access"))
        #expect(r.stderr.contains("nothing left out"))
        let expected = try String(contentsOf: Self.expected.appendingPathComponent("overview-acme-org.dot"), encoding: .utf8)
        #expect(r.stdout == expected)
        // Each account's box of counts, the entry roles, and labels that say what a node is.
        for text in [
            "\"counts:111111111111\"", "\"counts:222222222222\"", "\"counts:333333333333\"",
            "label=\"role/VendorAuditRole\"", "label=\"S3 bucket acme-public-assets\"", "label=\"account 999999999999\"",
            "label=\"OIDC provider token.actions.githubusercontent.com\"", "label=\"Reachable from outside: ",
        ] {
            #expect(r.stdout.contains(text), "no \(text) in the overview")
        }
    }

    @Test func aSmallCapIsSaidInTheTitleAndOnStandardError() throws {
        let r = try CLIRunner.run(["graph", CLIRunner.sample, "--format", "dot", "--max-nodes", "12"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Summarised to at most 12 nodes"))
        #expect(r.stderr.contains("summarised to at most 12 nodes"))
        let nodes = r.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") || $0.hasPrefix("    \"") || $0.hasPrefix("      \"") }
            .filter { $0.contains(" [id=") && !$0.contains("->") && !$0.contains("legend:") }
        #expect(nodes.count <= 12)
        let bad = try CLIRunner.run(["graph", CLIRunner.sample, "--max-nodes", "0"])
        #expect(bad.status == 2)
    }

    /// The DOT text does not depend on the process that draws it. Hashing is seeded anew in each
    /// process, so an order taken from a Set or Dictionary shows as a difference between two runs
    /// (never within one run).
    @Test(arguments: [[], ["--all"], ["--focus", payroll]])
    func dotIsTheSameFromTwoProcesses(view: [String]) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_DETERMINISTIC_HASHING"] = nil
        let arguments = ["graph", CLIRunner.sample, "--format", "dot"] + view
        let first = try CLIRunner.run(arguments, environment: environment)
        let second = try CLIRunner.run(arguments, environment: environment)
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        #expect(first.stdout.hasPrefix("digraph"))
        #expect(first.stdout == second.stdout)
    }

    @Test func fromTheVendorAccountReachesVendorAuditRole() throws {
        let r = try CLIRunner.run(["graph", CLIRunner.sample, "--from", "arn:aws:iam::999999999999:root", "--format", "dot"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"arn:aws:iam::222222222222:role/VendorAuditRole\" [id="))
        #expect(r.stdout.contains("\"arn:aws:iam::999999999999:root\" -> \"arn:aws:iam::222222222222:role/VendorAuditRole\""))
        #expect(r.stdout.contains("\"arn:aws:s3:::acme-payroll\" [id="))
    }

    @Test func unknownFocusResourceExitsWithTwo() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("x.svg")
        let r = try CLIRunner.run(["graph", CLIRunner.sample, "--focus", "arn:aws:s3:::no-such-bucket", "-o", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("arn:aws:s3:::no-such-bucket"))
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func pngOutputStartsWithThePNGSignature() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("x.png")
        let r = try CLIRunner.run(["graph", CLIRunner.sample, "-o", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: file)
        #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }
}
