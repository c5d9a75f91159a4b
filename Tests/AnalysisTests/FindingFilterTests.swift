import Foundation
import Graph
import Snapshot
import Testing
@testable import Analysis

/// Filters apply alike to direct findings, entry points (their reach) and transitive findings.
@Suite("Findings filters on samples/acme-org")
struct FindingFilterTests {
    static func analysis(_ filter: FindingFilter = FindingFilter()) async throws -> FindingsAnalysis {
        await FindingsAnalyzer(model: try await AnalysisSession.open(sampleRoot, assumeEdges: .onDemand)).analyze(filter: filter)
    }

    /// What the unfiltered answer holds that the filter admits.
    func check(_ filter: FindingFilter, admits: (String, String, String, Bool) -> Bool) async throws {
        let all = try await Self.analysis()
        let filtered = try await Self.analysis(filter)
        let model = filtered.model
        func keep(_ f: Finding) -> Bool {
            let r = model.resources[f.resource]!
            return admits(f.principal, r.account, r.type, f.isPublic)
        }
        #expect(filtered.direct == all.direct.filter(keep))
        #expect(filtered.transitiveFindings() == all.transitiveFindings().filter(keep))
        var expected: [EntryPoint] = []
        for var e in all.entryPoints() {
            e.reach = e.reach.filter { admits(e.principal, $0.account, $0.resourceType, e.isPublic) }
            e.resources = e.reach.reduce(0) { $0 + $1.resources }
            if e.resources > 0 { expected.append(e) }
        }
        let got = filtered.entryPoints()
        #expect(got.map(\.reach) == expected.map(\.reach))
        #expect(got.map(\.resources) == expected.map(\.resources))
        #expect(got.map(\.principal) == expected.map(\.principal))
        for e in got { #expect(e.examples.allSatisfy { admits(e.principal, model.resources[$0]!.account, model.resources[$0]!.type, e.isPublic) }) }
    }

    @Test func resourceType() async throws {
        try await check(FindingFilter(resourceTypes: ["AWS::S3::Bucket"])) { _, _, type, _ in type == "AWS::S3::Bucket" }
        let f = try await Self.analysis(FindingFilter(resourceTypes: ["AWS::S3::Bucket"]))
        #expect(!f.entryPoints().isEmpty && !f.direct.isEmpty)
    }

    @Test func account() async throws {
        try await check(FindingFilter(accounts: ["333333333333"])) { _, account, _, _ in account == "333333333333" }
    }

    @Test func principal() async throws {
        try await check(FindingFilter(principals: [partner])) { p, _, _, _ in p == partner }
        #expect(try await Self.analysis(FindingFilter(principals: [partner])).entryPoints().map(\.role) == ["arn:aws:iam::333333333333:role/PartnerReadRole"])
    }

    @Test func publicOnly() async throws {
        try await check(FindingFilter(publicOnly: true)) { _, _, _, isPublic in isPublic }
        let f = try await Self.analysis(FindingFilter(publicOnly: true))
        #expect(f.entryPoints().map(\.role) == ["arn:aws:iam::333333333333:role/GitHubActionsLegacy"])
    }

    @Test func combined() async throws {
        try await check(FindingFilter(resourceTypes: ["AWS::S3::Bucket", "AWS::IAM::Role"], accounts: ["222222222222"], principals: [github])) { p, account, type, _ in
            p == github && account == "222222222222" && (type == "AWS::S3::Bucket" || type == "AWS::IAM::Role")
        }
    }

    @Test("Bad values are refused, listing what is accepted")
    func validation() throws {
        #expect(throws: FindingFilterError.unknownResourceType("AWS::S3::Buckets")) {
            try FindingFilter.validated(resourceTypes: ["AWS::S3::Buckets"], accounts: [], principals: [], publicOnly: false)
        }
        #expect(FindingFilterError.unknownResourceType("x").description.contains("AWS::KMS::Key"))
        #expect(throws: FindingFilterError.malformedAccount("12345")) {
            try FindingFilter.validated(resourceTypes: [], accounts: ["12345"], principals: [], publicOnly: false)
        }
        #expect(throws: FindingFilterError.malformedPrincipal("arn:aws:iam::12:root")) {
            try FindingFilter.validated(resourceTypes: [], accounts: [], principals: ["arn:aws:iam::12:root"], publicOnly: false)
        }
        let ok = try FindingFilter.validated(
            resourceTypes: ["aws::s3::bucket"], accounts: ["123456789012"],
            principals: ["999999999999", "*", "lambda.amazonaws.com", "arn:aws:iam::123456789012:role/x"], publicOnly: true)
        #expect(ok.resourceTypes == ["AWS::S3::Bucket"])
        #expect(ok.principals == ["arn:aws:iam::999999999999:root", "*", "lambda.amazonaws.com", "arn:aws:iam::123456789012:role/x"])
        #expect(ok.queryKey.contains("public-only") && ok.queryKey.contains("type=AWS::S3::Bucket"))
        #expect(FindingFilter().queryKey.isEmpty)
    }

    @Test("The known resource types are those docs/resource-types.md lists and those the samples hold")
    func knownTypes() async throws {
        let docs = try String(contentsOfFile: FindingsPathsTests.sample("../docs/resource-types.md"), encoding: .utf8)
        let documented = Set(docs.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `AWS::") else { return nil }
            return line.split(separator: "`")[1].description
        })
        #expect(documented == Set(ResourceTypeNames.all))
        for sample in ["acme-org", "moto-account"] {
            let model = try await AnalysisSession.open(FindingsPathsTests.sample(sample))
            for r in model.resources.values { #expect(ResourceTypeNames.known(r.type) == r.type, "\(r.type)") }
        }
    }
}
