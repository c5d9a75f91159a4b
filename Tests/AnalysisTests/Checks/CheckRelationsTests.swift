import Analysis
import Policy
import Testing

/// The relations the policy checks are built on: glob and ARN pattern containment and overlap,
/// action sets against the evaluator's own action matching, condition implication.
@Suite struct CheckRelationsTests {
    /// `*` matches any run of characters and `?` one character (reference_policies_elements_resource.html, "Including wildcards").
    @Test func globContainment() {
        #expect(GlobRelation.contains("s3:get*", "s3:getobject"))
        #expect(GlobRelation.contains("s3:get*", "s3:getobject*"))
        #expect(GlobRelation.contains("a*c", "a?c"))
        #expect(GlobRelation.contains("a?c", "abc"))
        #expect(!GlobRelation.contains("s3:getobject", "s3:get*"))
        #expect(!GlobRelation.contains("a?c", "a*c"))
        #expect(!GlobRelation.contains("abc", "a?c"))
    }

    @Test func globIntersection() {
        #expect(GlobRelation.intersects("s3:get*", "s3:*object"))
        #expect(GlobRelation.intersects("a?c", "*c"))
        #expect(!GlobRelation.intersects("iam:*", "s3:*"))
        #expect(!GlobRelation.intersects("a?c", "a??c"))
    }

    /// ARNs match component by component; a wildcard does not span the colons before the resource part.
    @Test func arnPatterns() {
        let any = ARNPattern("*")
        let bucketObjects = ARNPattern("arn:aws:s3:::b/*")
        #expect(ARNPatternRelation.contains(any, bucketObjects))
        #expect(ARNPatternRelation.contains(ARNPattern("arn:aws:s3:::*"), bucketObjects))
        #expect(ARNPatternRelation.contains(bucketObjects, ARNPattern("arn:aws:s3:::b/r/*")))
        #expect(!ARNPatternRelation.contains(bucketObjects, ARNPattern("arn:aws:s3:::b*")))
        #expect(!ARNPatternRelation.contains(ARNPattern("arn:aws:sqs:*:111111111111:*"), ARNPattern("arn:aws:sqs:us-east-1:*:q")))
        #expect(ARNPatternRelation.contains(ARNPattern("arn:aws:iam::*:role/*"), ARNPattern("arn:aws:iam::111111111111:role/${aws:username}")))
        #expect(!ARNPatternRelation.overlaps(ARNPattern("arn:aws:s3:::a/*"), ARNPattern("arn:aws:s3:::b/*")))
        #expect(ARNPatternRelation.overlaps(ARNPattern("arn:aws:s3:::a*"), ARNPattern("arn:aws:s3:::*/x")))
    }

    /// The catalog side of an action set agrees with the evaluator's own Action/NotAction matching
    /// (`Statement.appliesTo(action:)`) on every catalog action.
    @Test(arguments: [
        ActionClause.action([ActionPattern("s3:Get*"), ActionPattern("iam:PassRole")]),
        ActionClause.notAction([ActionPattern("iam:*"), ActionPattern("s3:Delete?ucket")]),
        ActionClause.action([ActionPattern("*:List*")]),
    ])
    func actionSetsAgreeWithTheEvaluator(clause: ActionClause) {
        let space = CheckSupport.space
        let set = space.actions(of: clause)
        let statement = Statement(effect: .allow, action: clause)
        let disagreements = space.names.indices.filter { set.known.contains($0) != statement.appliesTo(action: space.names[$0]) }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5).map { space.names[$0] })")
    }

    /// reference_policies_elements_condition_operators.html: IfExists holds when the key is absent, so it is weaker;
    /// negated operators with more values are stronger; numeric bounds compare.
    @Test func conditionImplication() {
        func c(_ op: String, _ key: String, _ values: [String]) -> Condition { Condition(op: ConditionOperator(op), key: key, values: values) }
        #expect(ConditionImplication.implies(c("StringEquals", "aws:PrincipalTag/team", ["a"]), c("StringEqualsIfExists", "aws:principaltag/team", ["a", "b"])))
        #expect(!ConditionImplication.implies(c("StringEqualsIfExists", "k", ["a"]), c("StringEquals", "k", ["a"])))
        #expect(ConditionImplication.implies(c("StringNotEquals", "k", ["a", "b"]), c("StringNotEquals", "k", ["a"])))
        #expect(!ConditionImplication.implies(c("StringNotEquals", "k", ["a"]), c("StringNotEquals", "k", ["a", "b"])))
        #expect(ConditionImplication.implies(c("NumericLessThan", "s3:max-keys", ["10"]), c("NumericLessThanEquals", "s3:max-keys", ["10"])))
        #expect(!ConditionImplication.implies(c("NumericLessThan", "s3:max-keys", ["20"]), c("NumericLessThan", "s3:max-keys", ["10"])))
        #expect(ConditionImplication.implies(c("ForAnyValue:StringEquals", "aws:TagKeys", ["a"]), c("ForAnyValue:StringLike", "aws:TagKeys", ["*"])))
        #expect(!ConditionImplication.implies(c("ForAllValues:StringEquals", "aws:TagKeys", ["a"]), c("ForAnyValue:StringEquals", "aws:TagKeys", ["a"])))
        #expect(!ConditionImplication.implies(c("DateLessThan", "aws:CurrentTime", ["2020-01-01T00:00:00Z"]), c("DateLessThan", "aws:CurrentTime", ["2021-01-01T00:00:00Z"])), "dates: identical only")
    }
}
