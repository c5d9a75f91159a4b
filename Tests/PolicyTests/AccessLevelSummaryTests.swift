import Testing
@testable import Policy

/// Access levels as the Service Authorization Reference classifies actions
/// (reference_policies_understand-policy-summary-access-level-summaries.html).
@Suite struct AccessLevelSummaryTests {
    let catalog = try! ActionCatalog.bundled()

    @Test func countsEachLevelInCatalogOrder() {
        let s = AccessLevelSummary(
            actions: ["s3:GetObject", "s3:ListBucket", "s3:PutObject", "s3:PutBucketPolicy", "s3:TagResource", "s3:GetBucketTagging"],
            catalog: catalog)
        #expect(s.levels == [.list, .read, .write, .permissionsManagement, .tagging])
        #expect(s.counts[.tagging] == 1)
        #expect(s.counts[.list] == 1)
        #expect(s.counts[.write] == 1)
        #expect(s.counts[.permissionsManagement] == 1)
        #expect(s.counts[.read] == 2)
        #expect(s.unknown == 0)
        #expect(s.levelNames.first == "List")
    }

    @Test func unknownActionsAreCountedApart() {
        let s = AccessLevelSummary(actions: ["s3:GetObjekt", "sts:AssumeRole"], catalog: catalog)
        #expect(s.unknown == 1)
        #expect(s.counts == [.write: 1])
        #expect(s.text == "Write 1, other 1")
    }

    @Test func caseDoesNotMatter() {
        #expect(AccessLevelSummary(actions: ["S3:getobject"], catalog: catalog).counts == [.read: 1])
    }
}
