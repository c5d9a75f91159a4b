import Policy
import Testing

/// Walks every case of the evaluation corpus and checks the evaluator's decision.
@Suite struct CorpusTests {
    @Test func everyCaseDecidesAsDocumented() throws {
        let cases = try CorpusCase.all()
        #expect(cases.count >= 200)
        var failures: [String] = []
        for c in cases {
            do {
                let e = try c.evaluate()
                if e.decision != c.expect {
                    failures.append("\(c.file): \(c.name): expected \(c.expect.rawValue), got \(e.decision.rawValue) (\(e.rule.rawValue)) [\(c.doc)]")
                }
            } catch {
                failures.append("\(c.file): \(c.name): \(error)")
            }
        }
        for f in failures { Issue.record(Comment(rawValue: f)) }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) corpus cases failed")
    }

    /// The batch path (`BatchEvaluator.swift`) must give the scalar path's answers: every case
    /// is asked again as a one-action universe.
    @Test func everyCaseDecidesAlikeInTheBatchEvaluator() throws {
        var failures: [String] = []
        for c in try CorpusCase.all() {
            do {
                let allowed = try c.batchAllows()
                if allowed != (c.expect == .allowed) {
                    failures.append("\(c.file): \(c.name): expected \(c.expect.rawValue), the batch evaluator says \(allowed ? "allowed" : "denied") [\(c.doc)]")
                }
            } catch {
                failures.append("\(c.file): \(c.name): \(error)")
            }
        }
        for f in failures { Issue.record(Comment(rawValue: f)) }
        #expect(failures.isEmpty, "\(failures.count) corpus cases decided otherwise in the batch evaluator")
    }

    @Test func everyTopicHasAFile() throws {
        let files = Set(try CorpusCase.all().map(\.file))
        for topic in [
            "deny-allow", "same-account", "cross-account", "boundaries", "session-policies", "scp", "rcp", "kms",
            "role-trust", "not-principal", "not-action-not-resource", "condition-string", "condition-numeric-date",
            "condition-bool-null", "condition-ip", "condition-arn", "condition-sets", "if-exists", "variables", "no-resource",
            "no-permission-required", "aws-owned",
        ] {
            #expect(files.contains("\(topic).json"), "no corpus file for \(topic)")
        }
    }

    @Test func caseNamesAreUniqueWithinAFile() throws {
        var seen: Set<String> = []
        for c in try CorpusCase.all() {
            #expect(seen.insert("\(c.file)/\(c.name)").inserted, "duplicate case \(c.file): \(c.name)")
        }
    }
}
