import Policy
import Testing

/// `${*}` and `${?}` stand for a literal `*` and `?` (reference_policies_variables.html,
/// special characters): after substitution they must not act as wildcards.
@Suite struct PolicyVariableWildcardTests {
    func decide(resourcePattern: String, resource: String) throws -> Decision {
        let doc = try PolicyParser().parse(text: """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "\(resourcePattern)"}}
            """).document
        let request = try ConcreteRequest(principal: "arn:aws:iam::111111111111:user/alice", action: "s3:GetObject", resource: resource)
        return Evaluator().evaluate(request.request, PolicySet(identityPolicies: [NamedPolicy(name: "p", document: doc)])).decision
    }

    @Test func literalStarDoesNotMatchOtherText() throws {
        #expect(try decide(resourcePattern: "arn:aws:s3:::b/${*}/x", resource: "arn:aws:s3:::b/anything/x") == .implicitlyDenied)
        #expect(try decide(resourcePattern: "arn:aws:s3:::b/${*}/x", resource: "arn:aws:s3:::b/*/x") == .allowed)
    }

    @Test func literalQuestionMarkDoesNotMatchOtherCharacters() throws {
        #expect(try decide(resourcePattern: "arn:aws:s3:::b/q${?}", resource: "arn:aws:s3:::b/qx") == .implicitlyDenied)
        #expect(try decide(resourcePattern: "arn:aws:s3:::b/q${?}", resource: "arn:aws:s3:::b/q?") == .allowed)
    }

    @Test func realWildcardsStillMatchNextToALiteralStar() throws {
        #expect(try decide(resourcePattern: "arn:aws:s3:::b/${*}/*", resource: "arn:aws:s3:::b/*/deep/file") == .allowed)
    }
}
