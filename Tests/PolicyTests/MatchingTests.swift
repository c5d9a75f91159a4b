import Testing
@testable import Policy

/// Wildcards and ARN matching: reference_policies_elements_resource.html ("You can use wildcard
/// characters (* and ?) within any ARN segment") and reference_policies_elements_condition_operators.html
/// (ArnLike: "Each of the six colon-delimited components of the ARN is checked separately").
@Suite("Wildcards and ARNs")
struct MatchingTests {
    @Test(arguments: [
        ("*", "anything", true), ("s3:get*", "s3:getobject", true), ("s3:get*", "s3:putobject", false),
        ("s3:?etObject", "s3:GetObject", true), ("s3:?etObject", "s3:etObject", false), ("a*b*c", "axxbyyc", true),
        ("a*b*c", "axxbyy", false), ("abc", "abc", true), ("abc", "abcd", false), ("*.txt", "dir/a.txt", true),
        ("é?", "éx", true), ("?", "é", true),
    ])
    func wildcard(pattern: String, value: String, expected: Bool) {
        #expect(Wildcard(pattern).matches(value) == expected)
    }

    @Test func actionsMatchCaseInsensitively() {
        // reference_policies_elements_action.html: action names are case-insensitive.
        #expect(ActionPattern("S3:GetObject").matches(lowercased: "s3:getobject"))
        #expect(ActionPattern("sqs:Send*").matches(lowercased: "sqs:sendmessage"))
        #expect(ActionPattern("sqs:Send*").service == "sqs")
        #expect(ActionPattern("*").service == nil)
    }

    @Test(arguments: [
        ("arn:aws:s3:::prod-*/*", "arn:aws:s3:::prod-data/a/b.txt", true),
        ("arn:aws:s3:::prod-*/*", "arn:aws:s3:::dev-data/a", false),
        ("arn:aws:s3:::Bucket", "arn:aws:s3:::bucket", false),  // resources are case-sensitive
        ("arn:aws:iam::*:role/*", "arn:aws:iam::123456789012:role/path/x", true),
        ("arn:aws:iam::1234*:role/x", "arn:aws:iam::123456789012:role/x", true),
        // A wildcard in one component does not span a colon into the next.
        ("arn:aws:sqs:*:queue", "arn:aws:sqs:us-east-1:123456789012:queue", false),
        ("arn:aws:lambda:*:*:function:f", "arn:aws:lambda:us-east-1:1:function:f", true),
        ("*", "arn:aws:kms:us-east-1:1:key/x", true),
    ])
    func arnPattern(pattern: String, value: String, expected: Bool) {
        #expect(ARNPattern(pattern).matches(value) == expected)
    }

    @Test func someAndEveryObjectOfABucket() {
        let objects = RequestResource.objects(ofBucket: "payroll")
        let some = { (p: String) in ARNPattern(p).matchesSome(objects.arn, resourcePrefix: objects.anyUnderPrefix!) }
        let every = { (p: String) in ARNPattern(p).matchesEvery(objects.arn, resourcePrefix: objects.anyUnderPrefix!) }
        #expect(some("arn:aws:s3:::payroll/reports/*"))
        #expect(!every("arn:aws:s3:::payroll/reports/*"))
        #expect(every("arn:aws:s3:::payroll/*"))
        #expect(every("arn:aws:s3:::pay*"))
        #expect(!some("arn:aws:s3:::other/*"))
        #expect(!some("arn:aws:s3:::payroll"))
    }

    /// "Every string starting with the prefix matches": the pattern must end in `*` and what
    /// comes before that `*` must match some beginning of the prefix.
    @Test(arguments: [
        ("payroll/*", "payroll/", true),
        ("pay*", "payroll/", true),
        ("payroll/reports/*", "payroll/", false),  // longer than the prefix: not every extension
        ("payroll/", "payroll/", false),  // no trailing star
        ("pay?oll/*", "payroll/", true),
        ("p*l/*", "payroll/", true),
        ("p*x/*", "payroll/", false),
        ("*/*", "payroll/", true),
        ("caf?/*", "café/", true),  // `?` is one character, é included
        ("caf??/*", "café/", false),
        ("*", "", true),
    ])
    func everyExtension(pattern: String, prefix: String, expected: Bool) {
        #expect(Wildcard(pattern).matchesEveryExtension(of: prefix) == expected)
    }

    @Test func parsesARNsWithColonsInTheResource() {
        let arn = ARN("arn:aws:lambda:us-east-1:123456789012:function:f:PROD")
        #expect(arn?.service == "lambda")
        #expect(arn?.account == "123456789012")
        #expect(arn?.resource == "function:f:PROD")
        #expect(ARN("not-an-arn") == nil)
    }

    /// ARNs in ASCII are split on their bytes (`ARN.asciiComponents`), others on characters: both
    /// ways give the components of a split on characters (the arn.html format, six components,
    /// the resource keeping further colons).
    @Test(arguments: [
        "arn:aws:s3:::bucket", "arn:aws:lambda:us-east-1:123456789012:function:f:PROD", "arn:aws:iam::123456789012:root",
        "arn:", "arn:aws:s3", "arn:aws:s3:::", "arn::::::", "arn:a:b:c:d:e:f:g", "arn:aws:s3:::caf\u{E9}", "arn:aws:s3:\u{301}::x",
        "arn:aws:s3:::\u{1F600}:y", "arn:aws:sts::1:assumed-role/R/s", "arnaws:s3:::b",
    ])
    func splitsARNsAsCharactersDo(text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        let expected = text.hasPrefix("arn:") && parts.count == 6
            ? ARN(partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts[5]) : nil
        #expect(ARN(text) == expected)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(ARN.asciiComponents(text) == Array(parts.prefix(6)))
        } else {
            #expect(ARN.asciiComponents(text) == nil)
        }
    }

    /// An action's service prefix is known only when the part before its colon has no wildcard
    /// (reference_policies_elements_action.html: `*` and `?` may stand in any part): the byte
    /// search on ASCII says what the search on characters says.
    @Test(arguments: ["s3", "s*", "s?", "*", "", "k\u{E9}s", "k\u{E9}*", "*\u{301}", "s3?x", "ec2"])
    func findsWildcardsInActionPrefixes(prefix: String) {
        let expected = prefix.contains(where: { $0 == "*" || $0 == "?" })
        #expect(ActionPattern.hasWildcard(Substring(prefix)) == expected || !prefix.utf8.allSatisfy { $0 < 0x80 })
        #expect(ActionPattern(prefix + ":GetObject").service == (ActionPattern.hasWildcard(Substring(prefix.lowercased())) ? nil : prefix.lowercased()))
    }

    @Test func normalizesAccountPrincipals() {
        // reference_policies_elements_principal.html: an account id stands for the account's root ARN.
        #expect(PrincipalPattern.normalizeAWS("123456789012") == .aws("arn:aws:iam::123456789012:root"))
        #expect(PrincipalPattern.normalizeAWS("*") == .anyone)
    }
}
