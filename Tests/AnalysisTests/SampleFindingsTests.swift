import Foundation
import Graph
import Testing
@testable import Analysis

/// The sample organization (samples/README.md, "What AccessGraph should find").
let sampleRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples/acme-org").path

let vendor = "arn:aws:iam::999999999999:root"
let partner = "arn:aws:iam::444455556666:root"
let github = "arn:aws:iam::333333333333:oidc-provider/token.actions.githubusercontent.com"

func sampleFindings(zone: ZoneKind = .organization) async throws -> [Finding] {
    await FindingsAnalyzer(model: try await AnalysisSession.open(sampleRoot, zone: zone)).findings()
}

@Suite("Findings on samples/acme-org")
struct SampleFindingsTests {
    @Test("Direct findings D1-D21: every one, with its public flag and actions")
    func directFindings() async throws {
        let direct = try await sampleFindings().filter { $0.path.count == 2 }
        func one(_ resource: String, _ principal: String) -> Finding? {
            let matches = direct.filter { $0.resource == resource && $0.principal == principal }
            #expect(matches.count == 1, "\(resource) / \(principal): \(matches.count) findings")
            return matches.first
        }
        #expect(one("arn:aws:s3:::acme-public-assets", "*")?.isPublic == true)
        #expect(one("arn:aws:s3:::acme-public-assets", "*")?.actions == ["s3:GetObject"])
        #expect(one("arn:aws:s3:::acme-website-acl", "*")?.actions == ["s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:ListBucketVersions"])
        #expect(one("arn:aws:s3:::acme-vendor-exchange", vendor)?.actions == ["s3:GetObject", "s3:ListBucket", "s3:PutObject"])
        let scratch = one("arn:aws:s3:::acme-dev-scratch", "*")
        #expect(scratch?.isPublic == false)  // fixed CIDR: not public by S3's definition
        #expect(scratch?.conditions["IpAddress"]?["aws:SourceIp"] == ["203.0.113.0/24"])
        #expect(one("arn:aws:kms:us-east-1:222222222222:key/5d9c1e7a-3b42-4f6e-9a8d-2c71b0e4f915", "arn:aws:iam::999999999999:role/VendorBackup")?.actions == ["kms:Decrypt", "kms:DescribeKey"])
        #expect(one("arn:aws:lambda:us-east-1:222222222222:function:payroll-export", vendor)?.actions == ["lambda:InvokeFunction"])
        #expect(one("arn:aws:iam::222222222222:role/VendorAuditRole", vendor)?.conditions["StringEquals"]?["sts:ExternalId"] == ["acme-7f3a9c"])
        #expect(one("arn:aws:iam::333333333333:role/PartnerReadRole", partner)?.isPublic == false)
        #expect(one("arn:aws:iam::333333333333:role/CIDeployRole", github)?.isPublic == false)
        #expect(one("arn:aws:iam::333333333333:role/GitHubActionsLegacy", github)?.isPublic == true)  // no `sub` condition
        // D11-D15: sharing through attributes, a resource policy of another service, a KMS grant.
        let ebs = one("arn:aws:ec2:us-east-1::snapshot/snap-0a1b2c3d4e5f60718", "*")
        #expect(ebs?.isPublic == true)
        #expect(ebs?.actions == ["ec2:CopySnapshot", "ec2:CreateVolume"])
        #expect(one("arn:aws:rds:us-east-1:222222222222:snapshot:payroll-db-2024-06-01", vendor)?.actions
            == ["rds:CopyDBSnapshot", "rds:RestoreDBInstanceFromDBSnapshot"])
        #expect(one("arn:aws:dynamodb:us-east-1:222222222222:table/orders", vendor)?.actions == ["dynamodb:GetItem", "dynamodb:Query"])
        let grant = one("arn:aws:kms:us-east-1:222222222222:key/5d9c1e7a-3b42-4f6e-9a8d-2c71b0e4f915", "arn:aws:iam::444455556666:role/PartnerOrders")
        #expect(grant?.actions == ["kms:Decrypt", "kms:GenerateDataKey"])
        #expect(grant?.conditions["StringEquals"]?["kms:EncryptionContext:app"] == ["orders"])
        #expect(one("arn:aws:s3:us-east-1:333333333333:accesspoint/dev-data-partner", partner)?.actions == ["s3:GetObject"])
        // D16-D21: resource policies of the other policy-bearing types.
        let stream = one("arn:aws:dynamodb:us-east-1:222222222222:table/orders/stream/2024-06-01T12:00:00.000", "arn:aws:iam::999999999999:role/VendorSync")
        #expect(stream?.isPublic == false)
        #expect(stream?.actions == ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"])
        let vault = one("arn:aws:glacier:us-east-1:222222222222:vaults/acme-archive", "*")
        #expect(vault?.isPublic == false)  // a fixed VPC endpoint: not public by S3's definition
        #expect(vault?.actions == ["glacier:InitiateJob"])
        #expect(vault?.conditions["StringEquals"]?["aws:SourceVpce"] == ["vpce-0abc1234def567890"])
        let destination = one("arn:aws:logs:us-east-1:333333333333:destination:partner-log-sink", partner)
        #expect(destination?.isPublic == false)
        #expect(destination?.actions == ["logs:PutSubscriptionFilter"])
        let api = one("arn:aws:execute-api:us-east-1:222222222222:k3m9x2p7qa/*/*/*", "*")
        #expect(api?.isPublic == false)  // fixed CIDR
        #expect(api?.actions == ["execute-api:Invoke"])
        #expect(api?.conditions["IpAddress"]?["aws:SourceIp"] == ["198.51.100.0/24"])
        let layer = one("arn:aws:lambda:us-east-1:222222222222:layer:acme-common-libs:3", "*")
        #expect(layer?.isPublic == true)
        #expect(layer?.actions == ["lambda:GetLayerVersion"])
        #expect(layer?.conditions.isEmpty == true)
        // D20: the domain's access policy names `domain/dev-search/*` (the HTTP paths of the domain), as
        // AWS writes it: the paths under the domain are a target of their own.
        let domain = "arn:aws:es:us-east-1:333333333333:domain/dev-search"
        let search = direct.filter { $0.resource == domain && $0.principal == "*" }
        #expect(search.count == 1)
        #expect(search.first?.isPublic == true)
        #expect(search.first?.actions.contains("es:ESHttpGet") == true)
        #expect(direct.count == 21, "unexpected direct findings: \(direct.map { "\($0.resource) \($0.principal)" })")
    }

    @Test("Not findings: neutralised ACLs, org-restricted grants, services limited to the zone, trust to the management account")
    func notFindings() async throws {
        let direct = try await sampleFindings().filter { $0.path.count == 2 }
        let resources = Set(direct.map(\.resource))
        for r in [
            "arn:aws:s3:::acme-logs", "arn:aws:s3:::acme-org-shared", "arn:aws:s3:::acme-shared-reports", "arn:aws:s3:::acme-mgmt-cloudtrail",
            "arn:aws:s3:::acme-payroll", "arn:aws:sns:us-east-1:222222222222:order-events", "arn:aws:sqs:us-east-1:222222222222:orders-queue",
            "arn:aws:secretsmanager:us-east-1:222222222222:secret:prod/payroll/db-AbCdEf", "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole",
            "arn:aws:iam::222222222222:role/PayrollApp", "arn:aws:iam::333333333333:role/service-role/LambdaExec",
            "arn:aws:events:us-east-1:222222222222:event-bus/default",  // Principal * limited to the organization
            "arn:aws:ec2:us-east-1::snapshot/snap-07f6e5d4c3b2a1908",  // not shared
            "arn:aws:elasticfilesystem:us-east-1:222222222222:file-system/fs-0c4e8a2b6d1f39a57",  // Principal * limited to the organization
            "arn:aws:backup:us-east-1:222222222222:backup-vault:acme-prod-vault",  // Deny only
            "arn:aws:rds:us-east-1:222222222222:cluster-snapshot:orders-aurora-2024-06-01",  // shared with 111111111111, in the org
        ] {
            #expect(!resources.contains(r), "\(r) must not be a direct finding")
        }
        #expect(!direct.contains { $0.principal.hasSuffix(".amazonaws.com") })
    }

    @Test("The sample loads without warnings; the not-found resources are loaded, not skipped")
    func loadsCleanly() async throws {
        let model = try await AnalysisSession.open(sampleRoot)
        #expect(AnalysisSession.warnings(model).isEmpty, "\(AnalysisSession.warnings(model))")
        let whoCan = WhoCanAnalyzer(model: model)
        let efs = try whoCan.whoCan("arn:aws:elasticfilesystem:us-east-1:222222222222:file-system/fs-0c4e8a2b6d1f39a57")
        // The policy grants `*` under aws:PrincipalOrgID: principals of the organization's accounts
        // (the management account's admin among them), not everyone. Accounts are listed only where
        // the policy names them (docs/semantics.md, "who-can's candidates").
        #expect(efs.principals.contains { $0.principal == "arn:aws:iam::111111111111:user/org-admin" })
        #expect(!efs.principals.contains { $0.principal == "*" || $0.principal == "arn:aws:iam::111111111111:root" })
        let cluster = try whoCan.whoCan("arn:aws:rds:us-east-1:222222222222:cluster-snapshot:orders-aurora-2024-06-01")
        #expect(cluster.principals.first { $0.principal == "arn:aws:iam::111111111111:root" }?.actions
            == ["rds:CopyDBClusterSnapshot", "rds:RestoreDBClusterFromSnapshot"])
        _ = try whoCan.whoCan("arn:aws:backup:us-east-1:222222222222:backup-vault:acme-prod-vault")
        _ = try whoCan.whoCan("arn:aws:es:us-east-1:333333333333:domain/dev-search")
    }

    @Test("Transitive findings T1-T7 through role chains, with the chain in path")
    func transitiveFindings() async throws {
        let all = try await sampleFindings()
        func path(_ resource: String, _ principal: String) -> [String]? {
            all.first { $0.resource == resource && $0.principal == principal && $0.path.count > 2 }?.path
        }
        #expect(path("arn:aws:s3:::acme-payroll", vendor) == [vendor, "arn:aws:iam::222222222222:role/VendorAuditRole", "arn:aws:s3:::acme-payroll"])
        let t1 = all.first { $0.resource == "arn:aws:s3:::acme-payroll" && $0.principal == vendor }
        #expect(t1?.actions == ["s3:GetObject", "s3:ListBucket"])
        #expect(t1?.conditions["StringEquals"]?["sts:ExternalId"] == ["acme-7f3a9c"])
        for bucket in ["acme-dev-data", "acme-dev-scratch", "acme-shared-reports", "acme-org-shared"] {
            #expect(path("arn:aws:s3:::\(bucket)", partner)?[1] == "arn:aws:iam::333333333333:role/PartnerReadRole", "T2-T5: \(bucket)")
        }
        let t6 = all.first { $0.resource == "arn:aws:s3:::acme-dev-data" && $0.principal == github }
        #expect(t6?.isPublic == true)
        #expect(t6?.path[1] == "arn:aws:iam::333333333333:role/GitHubActionsLegacy")
        let t7 = all.first { $0.resource == "arn:aws:s3:::acme-public-assets" && $0.principal == github && $0.path.count == 4 }
        #expect(t7?.actions.contains("s3:PutObject") == true)
        #expect(path("arn:aws:iam::222222222222:role/DeployRole", github) == [github, "arn:aws:iam::333333333333:role/CIDeployRole", "arn:aws:iam::222222222222:role/DeployRole"])
        // Public only through the role without a `sub` condition: the chain through CIDeployRole is not.
        #expect(all.first { $0.resource == "arn:aws:iam::222222222222:role/DeployRole" && $0.principal == github }?.isPublic == false)
        #expect(t7?.isPublic == false)
    }

    @Test("Paths that must not appear")
    func forbiddenPaths() async throws {
        let all = try await sampleFindings()
        let partnerReaches = Set(all.filter { $0.principal == partner }.map(\.resource))
        for r in ["arn:aws:s3:::acme-payroll", "arn:aws:s3:::acme-vendor-exchange", "arn:aws:s3:::acme-logs",
                  "arn:aws:sqs:us-east-1:222222222222:orders-queue", "arn:aws:sns:us-east-1:222222222222:order-events",
                  "arn:aws:secretsmanager:us-east-1:222222222222:secret:prod/payroll/db-AbCdEf"] {
            #expect(!partnerReaches.contains(r), "444455556666 must not reach \(r)")
        }
        // Invoking a function does not hand over its role.
        #expect(!all.contains { $0.principal == vendor && $0.resource.contains("secret:prod/payroll") })
    }

    @Test("Zone = account: sharing with another account of the organization becomes a finding")
    func accountZone() async throws {
        let findings = try await sampleFindings(zone: .account)
        #expect(findings.contains { $0.resource == "arn:aws:s3:::acme-shared-reports" && $0.principal == "arn:aws:iam::333333333333:root" && $0.path.count == 2 })
        #expect(findings.contains { $0.resource == "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole" && $0.principal == "arn:aws:iam::111111111111:root" })
    }
}

@Suite("Who can reach acme-payroll")
struct SampleWhoCanTests {
    @Test func payroll() async throws {
        let model = try await AnalysisSession.open(sampleRoot)
        let result = try WhoCanAnalyzer(model: model).whoCan("arn:aws:s3:::acme-payroll")
        let byPrincipal = Dictionary(uniqueKeysWithValues: result.principals.map { ($0.principal, $0) })
        let alice = "arn:aws:iam::222222222222:user/engineering/alice"
        #expect(byPrincipal[alice]?.path == [alice, "arn:aws:iam::222222222222:role/AnalyticsRole", "arn:aws:iam::222222222222:role/PayrollApp", "arn:aws:s3:::acme-payroll"])
        #expect(byPrincipal["arn:aws:iam::222222222222:role/PayrollApp"]?.path.count == 2)
        #expect(byPrincipal[vendor]?.path[1] == "arn:aws:iam::222222222222:role/VendorAuditRole")
        #expect(byPrincipal[vendor]?.conditional == true)
        let bob = byPrincipal["arn:aws:iam::222222222222:user/bob"]
        #expect(bob?.actions.contains("s3:GetObject") == true)
        #expect(bob?.actions.contains("s3:PutObject") == false)  // readers group: s3:Get*, s3:List*
        let deployBot = byPrincipal["arn:aws:iam::222222222222:user/automation/deploy-bot"]
        #expect(deployBot?.actions == ["s3:GetObject", "s3:ListBucket", "s3:PutObject"])  // s3:* capped by the boundary
        #expect(byPrincipal["arn:aws:iam::111111111111:user/org-admin"]?.path[1] == "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole")
        #expect(byPrincipal[partner] == nil)
        #expect(byPrincipal["arn:aws:iam::333333333333:user/dev-carol"] == nil)
        // The Prod OU SCP denies object deletion to everyone but BreakGlass.
        #expect(byPrincipal["arn:aws:iam::222222222222:role/OrganizationAccountAccessRole"]?.actions.contains("s3:DeleteObject") != true)
    }

    @Test func onlyTheAskedActions() async throws {
        let model = try await AnalysisSession.open(sampleRoot)
        let result = try WhoCanAnalyzer(model: model).whoCan("arn:aws:s3:::acme-payroll", actions: ["s3:PutObject"])
        #expect(result.principals.allSatisfy { $0.actions == ["s3:PutObject"] })
        #expect(!result.principals.contains { $0.principal == "arn:aws:iam::222222222222:user/bob" })
    }

    @Test func unknownResource() async throws {
        let model = try await AnalysisSession.open(sampleRoot)
        #expect(throws: WhoCanAnalyzer.Failure.self) { try WhoCanAnalyzer(model: model).whoCan("arn:aws:s3:::nope") }
    }
}

@Suite("Findings on samples/moto-account (collected with the real aws CLI)")
struct MotoSampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/moto-account").path

    @Test func findings() async throws {
        let model = try await AnalysisSession.open(Self.root)
        #expect(AnalysisSession.warnings(model).isEmpty, "\(AnalysisSession.warnings(model))")
        let direct = await FindingsAnalyzer(model: model).findings().filter { $0.path.count == 2 }
        let publicResources = Set(direct.filter(\.isPublic).map(\.resource))
        #expect(publicResources == [
            "arn:aws:s3:::public-web", "arn:aws:s3:::shared-data", "arn:aws:sqs:us-east-1:123456789012:orders",
            "arn:aws:iam::123456789012:role/public-role",
        ])
        let shared = Set(direct.filter { $0.principal == "arn:aws:iam::210987654321:root" }.map { ARNName.short($0.resource) })
        #expect(shared.isSuperset(of: ["role/cross-account-auditor", "repository/team/app", "shared-data"]))
        #expect(shared.contains { $0.hasPrefix("key/") })
        #expect(shared.contains { $0.hasPrefix("secret:prod/db/password") })
    }
}

enum ARNName {
    static func short(_ arn: String) -> String { arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).last.map(String.init) ?? arn }
}
