import SnapshotLayout
import Testing
@testable import Collect

@Suite struct SnapshotLayoutTests {
    @Test func folderNamesEscapeSlashesAndDotNames() {
        #expect(SnapshotLayout.folderName("prod/db/password") == "prod%2Fdb%2Fpassword")
        #expect(SnapshotLayout.folderName("team/app") == "team%2Fapp")
        #expect(SnapshotLayout.folderName("plain-name_1.2") == "plain-name_1.2")
        #expect(SnapshotLayout.folderName("..") == "%2E%2E")
        #expect(SnapshotLayout.folderName(".") == "%2E")
    }

    @Test func directoriesFollowTheLayout() {
        #expect(SnapshotLayout.accountDirectory("123456789012") == "accounts/123456789012")
        #expect(SnapshotLayout.serviceDirectory(account: "123456789012", region: nil, service: .s3)
            == "accounts/123456789012/s3")
        #expect(SnapshotLayout.serviceDirectory(account: "123456789012", region: "eu-west-1", service: .kms)
            == "accounts/123456789012/eu-west-1/kms")
    }

    @Test func folderNameTakesTheResourcesPartOfTheListedValue() {
        let queue = ["https://sqs.us-east-1.amazonaws.com/123456789012/orders"]
        #expect(FolderName.lastPathComponent(0).name(from: queue) == "orders")
        #expect(FolderName.afterLastColon(0).name(from: ["arn:aws:sns:us-east-1:123456789012:alerts"]) == "alerts")
        #expect(FolderName.field(0).name(from: ["prod/db", "arn"]) == "prod%2Fdb")
        #expect(FolderName.field(1).name(from: ["only-one"]) == nil)
        #expect(FolderName.lastPathComponent(0).name(from: ["https://host/"]) == nil)
    }
}
