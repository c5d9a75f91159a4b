import Foundation
import Testing

/// `accessgraph report` end to end: the HTML it writes, and (with Chromium) the page in a browser.
@Suite("accessgraph report")
struct ReportCommandTests {
    /// Writes the report of `snapshot` and returns its text.
    static func report(_ snapshot: String = CLIRunner.sample, in dir: URL) throws -> (html: String, file: URL, stderr: String) {
        let file = dir.appendingPathComponent("report.html")
        let r = try CLIRunner.run(["report", snapshot, "-o", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        return (try String(contentsOf: file, encoding: .utf8), file, r.stderr)
    }

    /// The direct findings and the entry points, as `findings --format json` gives them.
    static func findings(_ snapshot: String = CLIRunner.sample) throws -> (direct: [[String: Any]], entryPoints: [[String: Any]]) {
        let r = try CLIRunner.run(["findings", snapshot, "--format", "json", "--no-index"])
        return (try #require(r.json?["findings"] as? [[String: Any]]), try #require(r.json?["entryPoints"] as? [[String: Any]]))
    }

    static func count(_ html: String, _ text: String) -> Int { html.components(separatedBy: text).count - 1 }

    /// The JSON document of the page's `<script type="application/json" id="ID">`.
    static func data(_ html: String, _ id: String) throws -> Any {
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"\(id)\">"))
        let end = try #require(html[start.upperBound...].range(of: "</script>"))
        return try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
    }

    @Test func everyDirectFindingAndEntryPointIsListedAndTheOverviewIsWellFormedSVG() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (html, _, stderr) = try Self.report(in: dir)
        let (findings, entryPoints) = try Self.findings()
        #expect(findings.count > 10 && !entryPoints.isEmpty)
        #expect(stderr.contains("\(findings.count) direct findings"))
        #expect(stderr.contains("\(entryPoints.count) entry points"))
        // The rows, as the page's script draws them: direct findings, entry points, what each reaches.
        let findingRows = try #require(try Self.data(html, "findings-data") as? [[Any]])
        let entryRows = try #require(try Self.data(html, "entries-data") as? [[Any]])
        #expect(findingRows.count == findings.count)
        #expect(entryRows.count == entryPoints.count)
        #expect(Set(findingRows.compactMap { $0.first as? String }) == Set(findings.compactMap { $0["resource"] as? String }))
        #expect(findingRows.prefix { $0[3] as? Int == 1 }.count == findings.filter { $0["isPublic"] as? Bool == true }.count,
                "public findings first")
        for e in entryPoints {
            let role = try #require(e["role"] as? String), principal = try #require(e["principal"] as? String)
            let row = try #require(entryRows.first { $0[0] as? String == principal && $0[1] as? String == role })
            #expect(row[4] as? Int == e["resources"] as? Int)
            #expect((row[9] as? [String]) == (e["examples"] as? [String]))
            // An entry role that is also unused says so in the row's summary line, as in findings.
            let lastUsed = (e["unused"] as? [String: String])?["lastUsed"]
            #expect(((row[8] as? String)?.contains("(unused, last used ")) == (lastUsed != nil))
            if let lastUsed { #expect((row[8] as? String)?.contains("last used \(lastUsed))") == true) }
        }
        #expect(html.contains("<span class=\"value\">\(findings.count)</span><span class=\"label\">Direct findings</span>"))
        #expect(html.contains("<span class=\"value\">\(entryPoints.count)</span><span class=\"label\">Entry points</span>"))
        let publicCount = findings.filter { $0["isPublic"] as? Bool == true }.count
        #expect(html.contains("<span class=\"value\">\(publicCount)</span><span class=\"label\">Public</span>"))
        // What each entry point reaches is in the page once per distinct list, for the script to unfold.
        let reach = try #require(try Self.data(html, "reach-data") as? [String: Any])
        let lists = try #require(reach["lists"] as? [[[Int]]])
        #expect(!lists.isEmpty && lists.count <= entryPoints.count)
        for (row, e) in zip(entryRows, entryRows.map { $0[7] as? Int ?? -1 }) {
            let list = try #require(lists.indices.contains(e) ? lists[e] : nil)
            #expect(list.reduce(0) { $0 + $1[2] } == row[4] as? Int, "a reach list does not add up to its entry point's resources")
        }

        // One drawing: the overview.
        let blocks = svgBlocks(html)
        #expect(blocks.count == 1)
        var ids: [String: Int] = [:]
        for block in blocks {
            let xml = XMLCheck(block)
            #expect(xml.error == nil, "\(xml.error ?? ""): \(block.prefix(300))")
            #expect(xml.elements.first?.name == "svg")
            for id in xml.elements.compactMap({ $0.attributes["id"] }) { ids[id, default: 0] += 1 }
        }
        #expect(ids.filter { $0.value > 1 }.isEmpty, "ids repeated across the drawings")
        #expect(!html.contains("<?xml"))
        #expect(!html.contains("<!DOCTYPE svg"))
    }

    @Test func thePageLoadsNothing() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = try Self.report(in: dir).html.lowercased()
        for pattern in [
            #"<script[^>]*\ssrc\s*="#, #"<link[^>]*\shref\s*="#, #"<img[^>]*\ssrc\s*="#, #"\ssrc\s*=\s*["']?https?:"#,
            #"href\s*=\s*["']?https?:"#, #"url\(\s*["']?https?:"#, "@import",
        ] {
            #expect(html.range(of: pattern, options: .regularExpression) == nil, "the page matches \(pattern)")
        }
        #expect(html.contains("<meta http-equiv=\"content-security-policy\" content=\"default-src 'none'"))
        #expect(html.components(separatedBy: "<script>").count == 2, "one inline script")
        for id in ["entries-data", "findings-data", "reach-data"] {
            #expect(html.components(separatedBy: "<script type=\"application/json\" id=\"\(id)\">").count == 2, "one \(id) document")
        }
        #expect(html.components(separatedBy: "<script").count == 5, "no other script element")
        #expect(html.components(separatedBy: "<style").count == 2, "one inline stylesheet")
    }

    @Test func textFromTheSnapshotIsEscaped() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let snapshot = dir.appendingPathComponent("snapshot")
        try FileManager.default.copyItem(atPath: CLIRunner.sample, toPath: snapshot.path)
        let details = snapshot.appendingPathComponent("accounts/222222222222/iam/get-account-authorization-details.json")
        let original = try String(contentsOf: details, encoding: .utf8)
        #expect(original.contains("\"acme-7f3a9c\""))
        let hostile = #"acme-</td><script>alert(1)</script>&\"'"#
        try original.replacingOccurrences(of: "\"acme-7f3a9c\"", with: "\"\(hostile)\"")
            .write(to: details, atomically: true, encoding: .utf8)

        let (html, _, _) = try Self.report(snapshot.path, in: dir)
        #expect(!html.contains("<script>alert(1)") && !html.contains("</td><script>"))
        // In the rows' JSON, `<`, `>` and `&` are escaped, so the text cannot end the script element.
        #expect(html.contains(#"acme-\u003c/td\u003e\u003cscript\u003ealert(1)\u003c/script\u003e\u0026\"'"#))
        let entryRows = try #require(try Self.data(html, "entries-data") as? [[Any]])
        #expect(entryRows.contains { ($0[3] as? [String])?.contains { $0.contains("acme-</td><script>alert(1)</script>&\"'") } == true })
        for block in svgBlocks(html) {
            let xml = XMLCheck(block)
            #expect(xml.error == nil, "\(xml.error ?? "")")
        }
    }

    @Test func warningsAreCountedAndListed() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let snapshot = dir.appendingPathComponent("snapshot")
        try FileManager.default.copyItem(atPath: CLIRunner.sample, toPath: snapshot.path)
        try #"{"Policy": "{ not json"}"#.write(
            to: snapshot.appendingPathComponent("accounts/222222222222/s3/acme-vendor-exchange/get-bucket-policy.json"),
            atomically: true, encoding: .utf8)
        let (html, _, stderr) = try Self.report(snapshot.path, in: dir)
        #expect(stderr.contains("reachable from outside, 1 warning\n"))
        #expect(html.contains("<div class=\"card alert\" id=\"count-warnings\"><span class=\"value\">1</span>"))
        #expect(html.contains("1 warning while reading the snapshot"))
        #expect(html.contains("acme-vendor-exchange/get-bucket-policy.json"))
    }

    /// The page lists direct findings and entry points, never the transitive findings: on a
    /// generated organization whose `--expand` list is many times longer, the page keeps to a
    /// few kilobytes per row.
    @Test func thePageStaysSmallOnAGeneratedOrganization() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let snapshot = try CLIRunner.generatedOrganization(in: dir)
        let (html, file, _) = try Self.report(snapshot, in: dir)
        let (findings, entryPoints) = try Self.findings(snapshot)
        let expanded = try CLIRunner.run(["findings", snapshot, "--format", "json", "--no-index", "--expand"])
        let transitive = (expanded.json?["findings"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "transitive" }
        #expect(transitive.count > 4 * (findings.count + entryPoints.count), "the generated organization has few transitive findings")
        #expect((try Self.data(html, "findings-data") as? [Any])?.count == findings.count)
        #expect((try Self.data(html, "entries-data") as? [Any])?.count == entryPoints.count)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        let drawing = svgBlocks(html).reduce(0) { $0 + $1.utf8.count }
        let rows = findings.count + entryPoints.count
        #expect(size - drawing <= 40_000 + 1_500 * rows, "\(size - drawing) bytes besides the drawing for \(rows) rows")
        #expect(drawing <= 600_000, "the overview drawing is \(drawing) bytes")
    }

    @Test func anUnwritableOutputExitsWithTwo() throws {
        let r = try CLIRunner.run(["report", CLIRunner.sample, "-o", "/nonexistent/folder/report.html"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot write /nonexistent/folder/report.html"))
    }

    @Test func theSameSnapshotGivesTheSamePage() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try Self.report(in: dir).html
        let second = try Self.report(in: dir).html
        // Everything but the drawings is the same text.
        func withoutDrawings(_ html: String) -> String {
            svgBlocks(html).reduce(html) { $0.replacingOccurrences(of: $1, with: "<svg/>") }
        }
        #expect(withoutDrawings(first) == withoutDrawings(second))
        // Each drawing has the same lines. Their order may differ: Graphviz (cgraph) orders the
        // subgraphs of a graph by the address of their interned name, so within one process that
        // draws many graphs, account clusters can be written in a different order from run to run.
        let a = svgBlocks(first).map { $0.split(separator: "\n").sorted() }
        let b = svgBlocks(second).map { $0.split(separator: "\n").sorted() }
        #expect(a == b)
    }

    @Test func outputIsRequired() throws {
        let r = try CLIRunner.run(["report", CLIRunner.sample])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--output"))
    }

    /// `chromium` on the PATH, or the program CHROMIUM names (as scripts/check-report.sh reads it).
    static let chromium: String? = {
        let environment = ProcessInfo.processInfo.environment
        let name = environment["CHROMIUM"] ?? "chromium"
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Skipped when `chromium` is not on the PATH, except on CI (CI=true), where it fails then.
    @Test(.enabled(if: chromium != nil || isCI, "chromium is not on the PATH (apt-get install -y chromium)"))
    func thePageWorksInHeadlessChromium() throws {
        guard Self.chromium != nil else {
            Issue.record("CI=true but chromium is not on the PATH: scripts/setup.sh must install Debian's chromium")
            return
        }
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, file, _) = try Self.report(in: dir)
        let screenshot = dir.appendingPathComponent("report.png")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [CLIRunner.root.appendingPathComponent("scripts/check-report.sh").path, CLIRunner.sample, screenshot.path]
        p.environment = ProcessInfo.processInfo.environment.merging(["REPORT": file.path]) { $1 }
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "scripts/check-report.sh failed:\n\(e)")
        #expect(o.contains("check-report: OK"))
        let png = try Data(contentsOf: screenshot)
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }
}
