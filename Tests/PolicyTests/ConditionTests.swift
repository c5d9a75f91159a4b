import Testing
@testable import Policy

/// Condition operators (reference_policies_elements_condition_operators.html) and multi-valued keys
/// (reference_policies_condition-single-vs-multi-valued-context-keys.html).
@Suite("Condition operators")
struct ConditionTests {
    func check(_ op: String, _ key: String, _ values: [String], _ context: ContextValue) -> Tri {
        let c = Condition(op: ConditionOperator(op), key: key, values: values)
        return ConditionEvaluator.evaluate(c, in: ConditionContext(missingKeys: .absent, [key: context]))
    }

    @Test(arguments: [
        ("StringEquals", ["a"], ContextValue.values(["a"]), Tri.yes), ("StringEquals", ["A"], .values(["a"]), .no),
        ("StringEqualsIgnoreCase", ["A"], .values(["a"]), .yes), ("StringNotEquals", ["a"], .values(["b"]), .yes),
        ("StringLike", ["repo:acme/*"], .values(["repo:acme/web:ref"]), .yes), ("StringNotLike", ["x*"], .values(["xy"]), .no),
        ("NumericLessThan", ["10"], .values(["9.5"]), .yes), ("NumericGreaterThanEquals", ["10"], .values(["9"]), .no),
        ("DateLessThan", ["2025-01-01T00:00:00Z"], .values(["2024-12-31T23:59:59Z"]), .yes),
        ("DateGreaterThan", ["2025-01-01"], .values(["1735776000"]), .yes),
        ("Bool", ["true"], .values(["true"]), .yes), ("Bool", ["true"], .values(["false"]), .no),
        ("BinaryEquals", ["QmluYXJ5"], .values(["QmluYXJ5"]), .yes),
        ("IpAddress", ["203.0.113.0/24"], .values(["203.0.113.9"]), .yes), ("IpAddress", ["203.0.113.0/24"], .values(["198.51.100.1"]), .no),
        ("NotIpAddress", ["10.0.0.0/8"], .values(["10.1.2.3"]), .no), ("IpAddress", ["2001:db8::/32"], .values(["2001:db8:1::5"]), .yes),
        ("ArnLike", ["arn:aws:iam::*:role/break-*"], .values(["arn:aws:iam::1:role/break-glass"]), .yes),
        ("ArnNotLike", ["arn:aws:iam::*:role/break-*"], .values(["arn:aws:iam::1:role/other"]), .yes),
        ("ArnEquals", ["arn:aws:sns:us-east-1:1:t"], .values(["arn:aws:sns:us-east-1:1:t"]), .yes),
    ])
    func operators(op: String, values: [String], context: ContextValue, expected: Tri) {
        #expect(check(op, "k:key", values, context) == expected)
    }

    @Test("A missing key fails positive operators and satisfies negated ones and IfExists")
    func absentKeys() {
        #expect(check("StringEquals", "k", ["a"], .absent) == .no)
        #expect(check("StringNotEquals", "k", ["a"], .absent) == .yes)
        #expect(check("StringEqualsIfExists", "k", ["a"], .absent) == .yes)
        #expect(check("Null", "k", ["true"], .absent) == .yes)
        #expect(check("Null", "k", ["false"], .absent) == .no)
        #expect(check("Null", "k", ["true"], .values(["x"])) == .no)
    }

    @Test("ForAllValues is true for a missing or empty key; ForAnyValue is false")
    func setQualifiers() {
        #expect(check("ForAllValues:StringEquals", "k", ["a", "b"], .absent) == .yes)
        #expect(check("ForAnyValue:StringEquals", "k", ["a", "b"], .absent) == .no)
        #expect(check("ForAllValues:StringEquals", "k", ["a", "b"], .values([])) == .yes)
        #expect(check("ForAllValues:StringEquals", "k", ["a", "b"], .values(["a", "b"])) == .yes)
        #expect(check("ForAllValues:StringEquals", "k", ["a", "b"], .values(["a", "c"])) == .no)
        #expect(check("ForAnyValue:StringEquals", "k", ["a", "b"], .values(["c", "b"])) == .yes)
        #expect(check("ForAnyValue:StringNotEquals", "k", ["a"], .values(["a", "z"])) == .yes)
    }

    @Test("An unknown key or operator leaves the condition undecided")
    func unknowns() {
        #expect(check("StringEquals", "k", ["a"], .unknown) == .unknown)
        #expect(check("StringEqualsWhatever", "k", ["a"], .values(["a"])) == .unknown)
    }

    @Test("Values of an outside principal: its account or org is none of the zone's")
    func outsideValues() {
        #expect(check("StringEquals", "aws:PrincipalOrgID", ["o-mine"], .noneOf(["o-mine"])) == .no)
        #expect(check("StringNotEquals", "aws:PrincipalOrgID", ["o-mine"], .noneOf(["o-mine"])) == .yes)
        #expect(check("StringEquals", "aws:PrincipalOrgID", ["o-other"], .noneOf(["o-mine"])) == .unknown)
        #expect(check("ArnLike", "aws:SourceArn", ["arn:aws:s3:::*"], .arnOutside(accounts: ["1"])) == .unknown)
        #expect(check("ArnLike", "aws:SourceArn", ["arn:aws:sns:*:111:*"], .arnOutside(accounts: ["111"])) == .no)
    }

    @Test("Policy variables resolve from the request (reference_policies_variables.html)")
    func variables() throws {
        var ctx = ConditionContext(missingKeys: .absent)
        ctx.set("aws:username", "alice")
        let c = Condition(op: ConditionOperator("StringLike"), key: "s3:prefix", values: ["home/${aws:username}/*"])
        ctx.set("s3:prefix", "home/alice/x")
        #expect(ConditionEvaluator.evaluate(c, in: ctx) == .yes)
        ctx.set("s3:prefix", "home/bob/x")
        #expect(ConditionEvaluator.evaluate(c, in: ctx) == .no)
        let s = try PolicyParser().parse(text: #"{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/${aws:username}/*"}}"#).document.statements[0]
        #expect(s.appliesTo(resource: RequestResource("arn:aws:s3:::b/alice/f"), context: ctx) == .yes)
        #expect(s.appliesTo(resource: RequestResource("arn:aws:s3:::b/bob/f"), context: ctx) == .no)
    }
}
