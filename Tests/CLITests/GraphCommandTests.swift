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
