import Analysis
import Foundation
import Policy
import Testing

/// The library side of `simulate` and `can`: policy files, concrete requests, reports.
@Suite struct SimulationLibraryTests {
    @Test func policyFileErrorNamesFileAndPathInsideAnArray() throws {
        let text = #"[{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}, {"Statement": [{"Effect": "Perhaps", "Action": "*"}]}]"#
        do {
            _ = try PolicyFiles.parse(Array(text.utf8), file: "scp.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "scp.json")
            #expect(error.path?.description.hasPrefix("$[1].Statement[0]") == true)
            #expect(error.description.hasPrefix("scp.json: $[1].Statement[0]"))
        }
    }

    @Test func documentsOfAnArrayAreNamedByIndex() throws {
        let text = #"[{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}, {"Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}}]"#
        let policies = try PolicyFiles.parse(Array(text.utf8), file: "id.json")
        #expect(policies.map(\.name) == ["id.json[0]", "id.json[1]"])
    }

    @Test func sessionKeysComeFromTheRole() throws {
        let r = try ConcreteRequest(principal: "arn:aws:sts::111111111111:assumed-role/app/s1", action: "s3:GetObject")
        let keys = r.derivedKeys
        #expect(keys["aws:PrincipalArn"] == "arn:aws:iam::111111111111:role/app")
        #expect(keys["aws:PrincipalType"] == "AssumedRole")
        #expect(keys["aws:username"] == nil)
        #expect(r.context["aws:SecureTransport"] == .absent)
    }

    @Test func givenKeysWinOverDerivedOnes() throws {
        let r = try ConcreteRequest(
            principal: "arn:aws:iam::111111111111:user/alice", action: "s3:GetObject",
            context: ConcreteRequest.contextPairs([("aws:username", "mallory"), ("aws:TagKeys", "a"), ("aws:tagkeys", "b")]))
        #expect(r.context["aws:username"] == .values(["mallory"]))
        #expect(r.context["aws:TagKeys"] == .values(["a", "b"]))
    }

    @Test func canMapsASessionToItsRoleInTheSample() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let model = try await AnalysisSession.open(root.appendingPathComponent("samples/acme-org").path)
        let request = try ConcreteRequest(
            principal: "arn:aws:sts::222222222222:assumed-role/PayrollApp/batch", action: "s3:GetObject",
            resource: "arn:aws:s3:::acme-payroll/x.csv")
        let (r, set) = try model.simulationInput(request)
        #expect(r.principal.id == "arn:aws:iam::222222222222:role/PayrollApp")
        #expect(r.principal.sessionArn == "arn:aws:sts::222222222222:assumed-role/PayrollApp/batch")
        #expect(set.resourcePolicy != nil)
        #expect(!set.scpLevels.isEmpty)
        let report = Simulator().run(r, set)
        #expect(report.decision == .allowed)
        #expect(!report.decidingStatements.isEmpty)
    }
}
