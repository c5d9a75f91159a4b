import Foundation
import Testing

/// Runs the evaluation corpus (Tests/PolicyTests/Corpus) end to end through
/// `accessgraph simulate ... --format json`: each case's policies are written to
/// files and the decision printed by the binary is checked.
@Suite struct SimulateCorpusTests {
    struct Case {
        var file: String
        var json: [String: Any]
        var name: String { json["name"] as? String ?? "?" }
    }

    static func cases() throws -> [Case] {
        let dir = CLIRunner.root.appendingPathComponent("Tests/PolicyTests/Corpus")
        var out: [Case] = []
        for f in try FileManager.default.contentsOfDirectory(atPath: dir.path).filter({ $0.hasSuffix(".json") }).sorted() {
            let items = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(f))) as? [[String: Any]] ?? []
            out += items.map { Case(file: f, json: $0) }
        }
        return out
    }

    /// The `simulate` arguments for one case, with its policies written under `dir`.
    static func arguments(_ c: Case, in dir: URL) throws -> [String] {
        let j = c.json
        var args = ["simulate", "--principal", j["principal"] as! String, "--action", j["action"] as! String, "--format", "json"]
        if let r = j["resource"] as? String { args += ["--resource", r] }
        if let a = j["resourceAccount"] as? String { args += ["--resource-account", a] }
        var n = 0
        func file(_ json: Any) throws -> String {
            n += 1
            let url = dir.appendingPathComponent("p\(n).json")
            try CLIRunner.write(json, to: url)
            return url.path
        }
        // Identity policies one file each; the boundary as one array file; each SCP/RCP level one array file.
        for p in j["identity"] as? [Any] ?? [] { args += ["--identity-policy", try file(p)] }
        if let b = j["boundary"] as? [Any] { args += ["--boundary", try file(b)] }
        if let s = j["session"] as? [Any] { args += ["--session-policy", try file(s)] }
        for level in j["scp"] as? [Any] ?? [] { args += ["--scp", try file(level)] }
        for level in j["rcp"] as? [Any] ?? [] { args += ["--rcp", try file(level)] }
        if let r = j["resourcePolicy"] { args += ["--resource-policy", try file(r)] }
        if j["resourcePolicyRequired"] as? Bool == true { args.append("--resource-policy-required") }
        for (k, v) in (j["context"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            for value in (v as? [Any]) ?? [v] { args += ["--context", "\(k)=\(value)"] }
        }
        return args
    }

    @Test func everyCorpusCaseThroughSimulate() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 200)
        let root = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        var failures: [String] = []
        for (i, c) in cases.enumerated() {
            let dir = root.appendingPathComponent("case\(i)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let r = try CLIRunner.run(try Self.arguments(c, in: dir))
            let decision = r.json?["decision"] as? String
            if r.status != 0 || decision != c.json["expect"] as? String {
                failures.append("\(c.file): \(c.name): expected \(c.json["expect"] ?? "?"), got \(decision ?? "nothing") (exit \(r.status)) \(r.stderr)")
            }
        }
        for f in failures { Issue.record(Comment(rawValue: f)) }
        #expect(failures.isEmpty)
    }
}
