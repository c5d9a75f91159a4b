import Foundation
import Graph
import Policy
import Testing
@testable import Analysis

/// AWS's data-perimeter policies decided for outside principals, the same way by findings,
/// who-can and one request (`can`). The policy forms are those of the data perimeter examples:
/// an RCP or bucket policy denying principals outside the organization
/// (`StringNotEqualsIfExists aws:PrincipalOrgID` with `BoolIfExists aws:PrincipalIsAWSService false`),
/// and an SCP denying resources outside it (`StringNotEqualsIfExists aws:ResourceOrgID`).
/// Keys: reference_policies_condition-keys.html (aws:PrincipalOrgID is absent for a principal whose
/// account is in no organization; aws:PrincipalIsAWSService is false for IAM principals; aws:ResourceOrgID
/// is the resource owner's organization); operators: reference_policies_elements_condition_operators.html
/// (a negated operator matches a missing key; `...IfExists` matches a missing key).
@Suite("Data perimeters: decided for outside principals, the same by every command")
struct DataPerimeterTests {
    static let org = "o-acme12345"
    static let outsider = "arn:aws:iam::999999999999:root"
    static let vendorBucket = "arn:aws:s3:::acme-vendor-exchange"

    static let identityPerimeter = """
        {"Version":"2012-10-17","Statement":[{"Sid":"EnforceOrgIdentities","Effect":"Deny","Principal":"*","Action":"s3:*",
        "Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"\(org)"},
        "BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}]}
        """

    /// `can`'s path: the request read from the snapshot and run through the simulator.
    static func can(_ model: AccessModel, _ principal: String, _ action: String, _ resource: String) throws -> SimulationReport {
        let (r, set) = try model.simulationInput(try ConcreteRequest(principal: principal, action: action, resource: resource))
        return Simulator().run(r, set)
    }

    @Test("An RCP perimeter at the root: findings, can and one request all deny the outside account")
    func resourceControlPolicyPerimeter() async throws {
        let folder = try SnapshotFolder.copy(of: "acme-org")
        defer { folder.remove() }
        try folder.organizationPolicy(id: "p-perimeter", type: "RESOURCE_CONTROL_POLICY", content: Self.identityPerimeter, rootID: "r-ac12")
        let model = try await AnalysisSession.open(folder.root, assumeEdges: .onDemand)
        let findings = await FindingsAnalyzer(model: model).findings()
        // No outside principal reaches an S3 bucket of the organization any more, directly or through a role...
        #expect(!findings.contains { $0.resourceType == "AWS::S3::Bucket" && $0.path.count == 2 && $0.principal != "*" })
        #expect(!findings.contains { $0.resource == Self.vendorBucket })
        // ...but access to other services is untouched (the RCP covers s3:* only).
        #expect(findings.contains { $0.resourceType == "AWS::KMS::Key" && $0.principal.hasPrefix("arn:aws:iam::999999999999:") })

        let report = try Self.can(model, Self.outsider, "s3:GetObject", Self.vendorBucket + "/x")
        #expect(report.decision == .explicitlyDenied)
        #expect(report.explanation.contains { $0.policyType == "rcp" && $0.decisive && $0.policies.contains("p-perimeter") })

        let principal = try #require(model.principal(Self.outsider))
        let bucket = try #require(model.resources[Self.vendorBucket])
        #expect(model.decide(principal, "s3:GetObject", on: bucket)?.result == .no)
        #expect(model.access(of: principal, to: bucket) == nil)
        // Everyone (*) is outside the organization too: the public bucket is no longer public.
        let everyone = try #require(model.principal("*"))
        let publicAssets = try #require(model.resources["arn:aws:s3:::acme-public-assets"])
        #expect(model.decide(everyone, "s3:GetObject", on: publicAssets)?.result == .no)
    }

    @Test("The same perimeter in a bucket policy: decided, not conditional")
    func bucketPolicyPerimeter() async throws {
        let folder = try SnapshotFolder.copy(of: "acme-org")
        defer { folder.remove() }
        let policy = """
            {"Version":"2012-10-17","Statement":[
            {"Sid":"VendorExchange","Effect":"Allow","Principal":{"AWS":"\(Self.outsider)"},"Action":["s3:GetObject"],
            "Resource":"\(Self.vendorBucket)/*"},
            {"Sid":"Perimeter","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["\(Self.vendorBucket)","\(Self.vendorBucket)/*"],
            "Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"\(Self.org)"},"BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}]}
            """
        try folder.write("accounts/222222222222/s3/acme-vendor-exchange/get-bucket-policy.json", try SnapshotFolder.quoted(policy))
        let model = try await AnalysisSession.open(folder.root)
        let findings = await FindingsAnalyzer(model: model).findings()
        #expect(!findings.contains { $0.resource == Self.vendorBucket })
        let who = try WhoCanAnalyzer(model: model).whoCan(Self.vendorBucket)
        #expect(!who.principals.contains { $0.principal == Self.outsider })
        // A role of the organization keeps its access, unconditionally: its aws:PrincipalOrgID is known.
        let inside = try #require(who.principals.first { $0.principal == "arn:aws:iam::222222222222:role/PayrollApp" || $0.path.count == 2 })
        #expect(inside.deniedWhen.isEmpty)
        #expect(try Self.can(model, Self.outsider, "s3:GetObject", Self.vendorBucket + "/x").decision == .explicitlyDenied)
    }

    @Test("An SCP perimeter on aws:ResourceOrgID: resources of the organization are decided inside it")
    func serviceControlPolicyResourcePerimeter() async throws {
        let folder = try SnapshotFolder.copy(of: "acme-org")
        defer { folder.remove() }
        let scp = """
            {"Version":"2012-10-17","Statement":[{"Sid":"EnforceOrgResources","Effect":"Deny","Action":"s3:*","Resource":"*",
            "Condition":{"StringNotEqualsIfExists":{"aws:ResourceOrgID":"\(Self.org)"}}}]}
            """
        try folder.organizationPolicy(id: "p-resources", type: "SERVICE_CONTROL_POLICY", content: scp, rootID: "r-ac12")
        let model = try await AnalysisSession.open(folder.root)
        let who = try WhoCanAnalyzer(model: model).whoCan("arn:aws:s3:::acme-payroll")
        let app = try #require(who.principals.first { $0.principal == "arn:aws:iam::222222222222:role/PayrollApp" })
        // The SCP's Deny is decided (the bucket's organization is known): it adds no deniedWhen.
        #expect(!(app.deniedWhen["StringNotEqualsIfExists"] != nil))
        let role = try #require(model.principals["arn:aws:iam::222222222222:role/PayrollApp"])
        let bucket = try #require(model.resources["arn:aws:s3:::acme-payroll"])
        let e = try #require(model.decide(role, "s3:GetObject", on: bucket))
        #expect(e.result != .no)
        #expect(!e.undecidedDenyConditions.contains { $0.key == "aws:ResourceOrgID" })
    }

    @Test("Undecided Deny conditions make access conditional and are reported as deniedWhen")
    func undecidedDenyIsReported() async throws {
        // acme-payroll's policy denies requests without TLS; aws:SecureTransport is unknown offline
        // (reference_policies_evaluation-logic_policy-eval-denyallow.html: an explicit deny wins when it applies).
        let model = try await AnalysisSession.open(SnapshotFolder.sample("acme-org"))
        let findings = await FindingsAnalyzer(model: model).findings()
        let vendor = try #require(findings.first { $0.resource == "arn:aws:s3:::acme-payroll" && $0.principal == Self.outsider })
        #expect(vendor.deniedWhen == ["Bool": ["aws:SecureTransport": ["false"]]])
        let who = try WhoCanAnalyzer(model: model).whoCan("arn:aws:s3:::acme-payroll")
        #expect(who.principals.allSatisfy { $0.conditional && $0.deniedWhen["Bool"]?["aws:SecureTransport"] == ["false"] })
        let role = try #require(model.principals["arn:aws:iam::222222222222:role/PayrollApp"])
        let payroll = try #require(model.resources["arn:aws:s3:::acme-payroll"])
        let e = try #require(model.decide(role, "s3:GetObject", on: payroll))
        #expect(e.result == .unknown)
        #expect(e.undecidedDenyConditions.map(\.key) == ["aws:SecureTransport"])
        // A concrete request has no TLS key unless given: absent, so the Deny (Bool ... false) does not apply.
        #expect(try Self.can(model, role.id, "s3:GetObject", "arn:aws:s3:::acme-payroll/x").decision == .allowed)
    }
}
