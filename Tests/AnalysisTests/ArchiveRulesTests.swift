import Analysis
import Testing

/// Archive rules: parsing (every error with line and column) and matching.
@Suite struct ArchiveRulesTests {
    static let finding = Finding(
        resource: "arn:aws:s3:::acme-payroll", resourceType: "AWS::S3::Bucket", principal: "arn:aws:iam::999999999999:root",
        isPublic: false, actions: ["s3:GetObject", "s3:ListBucket"],
        conditions: ["StringEquals": ["sts:ExternalId": ["x"]]], path: ["arn:aws:iam::999999999999:root", "arn:aws:s3:::acme-payroll"])

    func rules(_ yaml: String) throws(ArchiveRulesError) -> ArchiveRules { try ArchiveRules.parse(yaml, file: "rules.yaml") }

    @Test func everyFilterMustMatchAndListsAreAlternatives() throws {
        let r = try rules("""
            rules:
              - name: vendor
                reason: contract 2024-17
                resource: ["arn:aws:s3:::acme-*", "arn:aws:s3:::other"]
                resourceType: AWS::S3::Bucket
                principal: arn:aws:iam::999999999999:root
                account: "222222222222"
                action: ["s3:Get*", "s3:List*"]
                condition: sts:externalid
                public: false
            """)
        #expect(r.rule(for: Self.finding, account: "222222222222")?.name == "vendor")
        #expect(r.rule(for: Self.finding, account: "333333333333") == nil, "account")
        var wider = Self.finding
        wider.actions.append("s3:PutObject")
        #expect(r.rule(for: wider, account: "222222222222") == nil, "an action outside the rule's keeps the finding")
        var open = Self.finding
        open.isPublic = true
        #expect(r.rule(for: open, account: "222222222222") == nil, "public flag")
        var unconditional = Self.finding
        unconditional.conditions = [:]
        #expect(r.rule(for: unconditional, account: "222222222222") == nil, "condition key")
    }

    @Test func wildcardsInResourceAndPrincipal() throws {
        let r = try rules("rules:\n  - name: w\n    reason: ok\n    resource: arn:aws:s3:::acme-pay????\n    principal: \"arn:aws:iam::*:root\"\n")
        #expect(r.rule(for: Self.finding, account: nil)?.name == "w")
        let none = try rules("rules:\n  - name: w\n    reason: ok\n    resource: arn:aws:s3:::acme-pay???\n")
        #expect(none.rule(for: Self.finding, account: nil) == nil)
    }

    @Test(arguments: [
        ("rules:\n  - name: x\n    resource: a\n", 2, 5, "no 'reason'"),
        ("rules:\n  - name: x\n    reason: y\n    resourse: a\n", 4, 5, "unknown key 'resourse'"),
        ("rules:\n  - name: x\n    reason: y\n", 2, 5, "no filter"),
        ("rules:\n  - name: x\n    reason: y\n    public: maybe\n", 4, 13, "true or false"),
        ("rules:\n  - name: x\n    reason: [y\n", 4, 1, "YAML syntax"),
        ("rule: []\n", 1, 1, "unknown key 'rule'"),
    ])
    func malformedFilesNameLineAndColumn(yaml: String, line: Int, column: Int, words: String) throws {
        do {
            _ = try rules(yaml)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.description.hasPrefix("rules.yaml:\(line):\(column): "))
            #expect(error.message.contains(words), "\(error)")
        }
    }
}
