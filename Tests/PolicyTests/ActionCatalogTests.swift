import Testing

@testable import Policy

/// Tests against the bundled catalog, i.e. the real SAR data.
struct ActionCatalogTests {
    /// Loaded once per test process: parsing is slow in debug builds.
    static let shared = Result { () throws(ActionCatalogError) in try ActionCatalog.bundled() }

    let catalog: ActionCatalog

    init() throws {
        catalog = try Self.shared.get()
    }

    private func arn(_ text: String) throws -> ARN {
        try #require(ARN(text))
    }

    private func typeNames(_ text: String) throws -> [String] {
        try catalog.resourceTypes(matching: arn(text)).map(\.name)
    }

    @Test func countsAreInTheExpectedRange() {
        #expect(catalog.actionCount > 15_000)
        #expect(catalog.services.count > 400)
        #expect(catalog.resourceTypeCount > 1_500)
        let all = catalog.expand(ActionPattern("*"))
        #expect(all.count == catalog.actionCount)
        for level in ActionCatalog.AccessLevel.allCases {
            #expect(all.contains { $0.accessLevel == level })
        }
    }

    @Test func s3ActionsHaveTheirSARClassification() throws {
        let get = try #require(catalog.action(named: "s3:GetObject"))
        #expect(get.fullName == "s3:GetObject")
        #expect(get.accessLevel == .read)
        #expect(get.resourceTypes.contains("object"))
        #expect(get.conditionKeys.contains("s3:ExistingObjectTag/<key>"))

        let list = try #require(catalog.action(named: "s3:ListBucket"))
        #expect(list.accessLevel == .list)
        #expect(list.resourceTypes.contains("bucket"))

        #expect(catalog.action(named: "s3:PutBucketPolicy")?.accessLevel == .permissionsManagement)
        #expect(catalog.action(named: "s3:PutObjectTagging")?.accessLevel == .tagging)
    }

    @Test func lookupsAreCaseInsensitive() {
        #expect(catalog.action(named: "S3:getobject")?.fullName == "s3:GetObject")
        #expect(catalog.action(named: "s3:GetObjekt") == nil)
        #expect(catalog.isKnownService("S3"))
        #expect(catalog.isKnownService("execute-api"))
        #expect(!catalog.isKnownService("s4"))
        #expect(catalog.actions(inService: "IAM").contains { $0.name == "PassRole" })
        #expect(catalog.actions(inService: "nope").isEmpty)
    }

    @Test func actionsWithoutResourceTypesTakeOnlyTheWildcard() throws {
        let listBuckets = try #require(catalog.action(named: "s3:ListAllMyBuckets"))
        #expect(listBuckets.resourceTypes.isEmpty)
    }

    @Test func everyActionResourceTypeIsDeclaredByItsService() {
        for action in catalog.expand(ActionPattern("*")) {
            for name in action.resourceTypes {
                #expect(catalog.resourceType(named: name, inService: action.service) != nil, "\(action.fullName) \(name)")
            }
        }
    }

    @Test func expandsWildcardPatterns() {
        let gets = catalog.expand(ActionPattern("s3:Get*"))
        #expect(gets.contains { $0.fullName == "s3:GetObject" })
        #expect(!gets.contains { $0.fullName == "s3:PutObject" })
        #expect(gets.allSatisfy { $0.service == "s3" && $0.name.hasPrefix("Get") })

        #expect(catalog.expand(ActionPattern("*")).count == catalog.actionCount)
        #expect(catalog.expand(ActionPattern("s3:*")).count == catalog.actions(inService: "s3").count)
        #expect(catalog.expand(ActionPattern("S3:GETOBJECT")).map(\.fullName) == ["s3:GetObject"])
        #expect(catalog.expand(ActionPattern("iam:Pass?ole")).map(\.fullName) == ["iam:PassRole"])
        let anyGetObject = catalog.expand(ActionPattern("*:GetObject")).map(\.service)
        #expect(anyGetObject.contains("s3") && anyGetObject.contains("s3-outposts"))
        #expect(catalog.expand(ActionPattern("s4:*")).isEmpty)
    }

    @Test func flagsUnknownActions() {
        let patterns = ["s3:GetObjekt", "s4:GetObject", "s3:Get*", "s3:getobject", "*", "ec2:Nothing*"].map(ActionPattern.init)
        #expect(catalog.unknownActions(in: patterns).map(\.text) == ["s3:GetObjekt", "s4:GetObject", "ec2:Nothing*"])
    }

    @Test func s3BucketAndObjectARNs() throws {
        #expect(try typeNames("arn:aws:s3:::b") == ["bucket"])
        #expect(try typeNames("arn:aws:s3:::b/key") == ["object"])
        #expect(try typeNames("arn:aws:s3:::b/dir/sub/key.txt") == ["object"])
        #expect(try typeNames("arn:aws:s3:us-east-1:123456789012:accesspoint/ap") == ["accesspoint"])
        #expect(try typeNames("arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/k/x") == ["accesspointobject"])
    }

    @Test func actionsApplicableToS3ARNs() throws {
        let onObject = try catalog.actions(applicableTo: arn("arn:aws:s3:::b/key")).map(\.fullName)
        #expect(onObject.contains("s3:GetObject"))
        #expect(!onObject.contains("s3:ListBucket"))
        let onBucket = try catalog.actions(applicableTo: arn("arn:aws:s3:::b")).map(\.fullName)
        #expect(onBucket.contains("s3:ListBucket"))
        #expect(!onBucket.contains("s3:GetObject"))
        #expect(onBucket.first?.hasPrefix("s3:") == true)
    }

    @Test func iamARNsWithPaths() throws {
        #expect(try typeNames("arn:aws:iam::123456789012:role/service-role/team/MyRole") == ["role"])
        #expect(try typeNames("arn:aws:iam::123456789012:role/MyRole") == ["role"])
        #expect(try typeNames("arn:aws:iam::123456789012:user/a/b") == ["user"])
        #expect(try typeNames("arn:aws:iam::aws:policy/AdministratorAccess") == ["policy"])
        let role = try arn("arn:aws:iam::123456789012:role/path/MyRole")
        let declaring = catalog.resourceTypesInAllServices(matching: role).map { "\($0.service)/\($0.name)" }
        #expect(declaring.first == "iam/role")
        #expect(declaring.contains("sts/role"))
        let applicable = catalog.actions(applicableTo: role).map(\.fullName)
        #expect(applicable.contains("iam:PassRole"))
        #expect(applicable.contains("sts:AssumeRole"))
        #expect(!applicable.contains("iam:CreateUser"))
    }

    @Test func kmsSqsSnsARNs() throws {
        #expect(try typeNames("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab") == ["key"])
        #expect(try typeNames("arn:aws:kms:us-east-1:123456789012:alias/my-key") == ["alias"])
        #expect(try typeNames("arn:aws:sqs:us-east-1:123456789012:my-queue") == ["queue"])
        #expect(try typeNames("arn:aws:sns:us-east-1:123456789012:my-topic") == ["topic"])
        let onKey = try catalog.actions(applicableTo: arn("arn:aws:kms:us-east-1:123456789012:key/k")).map(\.fullName)
        #expect(onKey.contains("kms:Decrypt"))
        let onQueue = try catalog.actions(applicableTo: arn("arn:aws:sqs:us-east-1:123456789012:q")).map(\.fullName)
        #expect(onQueue.contains("sqs:SendMessage"))
    }

    @Test func lambdaARNs() throws {
        #expect(try typeNames("arn:aws:lambda:us-east-1:123456789012:function:my-fn") == ["function"])
        // A qualifier is a version or an alias; the formats cannot tell them apart.
        let qualified = try typeNames("arn:aws:lambda:us-east-1:123456789012:function:my-fn:prod")
        #expect(Set(qualified) == ["function alias", "function version"])
        #expect(try typeNames("arn:aws:lambda:us-east-1:123456789012:layer:l:3") == ["layerVersion"])
        let onFunction = try catalog.actions(applicableTo: arn("arn:aws:lambda:us-east-1:123456789012:function:f"))
        #expect(onFunction.contains { $0.fullName == "lambda:InvokeFunction" })
    }

    @Test func secretsLogsAndDynamoDBARNs() throws {
        #expect(try typeNames("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db/password-AbCdEf") == ["Secret"])
        #expect(try typeNames("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn") == ["log-group"])
        #expect(try typeNames("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:log-stream:s") == ["log-stream"])
        #expect(try typeNames("arn:aws:dynamodb:us-east-1:123456789012:table/T") == ["table"])
        #expect(try typeNames("arn:aws:dynamodb:us-east-1:123456789012:table/T/index/I") == ["index"])
    }

    @Test func arnsOfOtherShapesMatchNothing() throws {
        #expect(try typeNames("arn:aws:s3:us-east-1:123456789012:b") == [])  // a bucket ARN has no region
        #expect(try typeNames("arn:aws:kms::123456789012:key/k") == [])  // a key ARN has one
        #expect(try typeNames("arn:aws:nosuchservice:us-east-1:123456789012:thing/x") == [])
    }

    @Test func otherServicesDeclaringTypesForAnARN() throws {
        let portfolio = try arn("arn:aws:catalog:us-east-1:123456789012:portfolio/port-abc")
        #expect(catalog.resourceTypes(matching: portfolio).isEmpty)  // `catalog` is no service prefix
        let declared = catalog.resourceTypesInAllServices(matching: portfolio).map { "\($0.service)/\($0.name)" }
        #expect(declared == ["servicecatalog/Portfolio"])
        let bucket = try arn("arn:aws:s3:::b")
        let bucketTypes = catalog.resourceTypesInAllServices(matching: bucket).map { "\($0.service)/\($0.name)" }
        #expect(bucketTypes.first == "s3/bucket")
        #expect(bucketTypes.contains("ssm/bucket"))
    }

    /// Each format, filled in with sample values, is recognised as its own type
    /// (possibly tied with another type of the same service that has the same shape).
    @Test func everyResourceTypeRecognisesItsOwnFormat() {
        for service in catalog.services {
            for type in catalog.resourceTypes(inService: service.prefix) {
                let sample = FormatMatching.replacingPlaceholders(in: type.arnFormat, with: "x1").replacing("*", with: "y2")
                // Formats whose service is a placeholder (AWS Backup's recoveryPoint) are not indexed by service.
                guard let arn = ARN(sample), arn.service != "x1" else { continue }
                let found = catalog.resourceTypesInAllServices(matching: arn).filter { $0.service == type.service }
                #expect(found.contains(type), "\(type.service)/\(type.name): \(sample) -> \(found.map(\.name))")
            }
        }
    }

    @Test func resourceTypePatternsReplacePlaceholders() throws {
        let object = try #require(catalog.resourceType(named: "object", inService: "s3"))
        #expect(object.arnFormat == "arn:${Partition}:s3:::${BucketName}/${ObjectName}")
        #expect(object.arnPattern.text == "arn:*:s3:::*/*")
        #expect(object.arnPattern.matches("arn:aws:s3:::b/k"))
    }
}
