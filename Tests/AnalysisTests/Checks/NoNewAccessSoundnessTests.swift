import Analysis
import Policy
import Testing

/// Replays policy pairs through the evaluator: every PASS of `no-new-access` must hold on every
/// request built from the two policies (principals, actions, resources and condition values they
/// name, and some they do not), and every pair that really widens access must FAIL.
@Suite struct NoNewAccessSoundnessTests {
    /// Pairs that must pass, as (reference, new) statement lists.
    static let passing: [(String, String)] = [
        (#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::acme-data/*"}"#,
         #"{"Effect": "Allow", "Principal": {"AWS": "999999999999"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-data/*"}, {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-data/reports/*"}"#),
        (#"{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}"#,
         #"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#),
        (#"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#,
         #"{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}"#),
        (#"{"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::b/*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}"#,
         #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/r/*", "Condition": {"IpAddress": {"aws:SourceIp": "10.1.0.0/16"}, "Bool": {"aws:SecureTransport": "true"}}}"#),
        (#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::b"}"#,
         #"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}"#),
        (#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringLike": {"aws:PrincipalOrgID": "o-*"}}}"#,
         #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}"#),
    ]

    /// Pairs whose new policy really allows more, each with the kind of widening.
    static let widening: [(String, String)] = [
        (#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/public/*"}"#,
         #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#),
        (#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}"#,
         #"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#),
        (#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}"#,
         #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}}"#),
        (#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#,
         #"{"Effect": "Allow", "Principal": {"AWS": ["999999999999", "444455556666"]}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#),
        (#"{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}"#,
         #"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#),
    ]

    @Test func everyPassingPairPassesAndHoldsOnEveryRequest() throws {
        for (ref, new) in Self.passing {
            let old = try CheckSupport.policy(ref, file: "old.json")
            let now = try CheckSupport.policy(new, file: "new.json")
            let result = NoNewAccessCheck(space: CheckSupport.space).run(reference: old, new: now)
            #expect(result.passed, "\(new): \(result.problems.map(\.message))")
            let replay = Replay(old, now)
            #expect(replay.newlyAllowed.isEmpty, "\(new): the evaluator allows \(replay.newlyAllowed.prefix(3)) only under the new policy")
            #expect(replay.allowedByNew > 0, "the replay asks some request the new policy allows")
        }
    }

    @Test func everyWideningPairFailsAndHasAWitness() throws {
        for (ref, new) in Self.widening {
            let old = try CheckSupport.policy(ref, file: "old.json")
            let now = try CheckSupport.policy(new, file: "new.json")
            #expect(!NoNewAccessCheck(space: CheckSupport.space).run(reference: old, new: now).passed, "\(new)")
            #expect(!Replay(old, now).newlyAllowed.isEmpty, "\(new): the replay finds a request only the new policy allows")
        }
    }
}

/// Concrete requests built from two policies, evaluated against each on its own.
struct Replay {
    var newlyAllowed: [String] = []
    var allowedByNew = 0

    init(_ old: CheckedPolicy, _ new: CheckedPolicy) {
        let statements = old.document.statements + new.document.statements
        let isResourcePolicy = statements.contains { $0.principal != nil }
        for principal in Self.principals(statements, resourcePolicy: isResourcePolicy) {
            for action in Self.actions(statements) {
                for resource in Self.resources(statements) {
                    for context in Self.contexts(statements) {
                        let request = Request(
                            principal: principal, action: action, resource: RequestResource(resource),
                            resourceAccount: isResourcePolicy ? "000000000000" : nil, context: context)
                        guard Self.allows(new, request, resourcePolicy: isResourcePolicy) else { continue }
                        allowedByNew += 1
                        if !Self.allows(old, request, resourcePolicy: isResourcePolicy) {
                            newlyAllowed.append("\(principal.id) \(action) \(resource) \(context.entries)")
                        }
                    }
                }
            }
        }
    }

    static func allows(_ policy: CheckedPolicy, _ request: Request, resourcePolicy: Bool) -> Bool {
        let named = NamedPolicy(name: policy.file, document: policy.document)
        let set = resourcePolicy
            ? PolicySet(identityAssumedToAllow: true, resourcePolicy: named) : PolicySet(identityPolicies: [named])
        return Evaluator().evaluate(request, set).result == .yes
    }

    static func principals(_ statements: [Statement], resourcePolicy: Bool) -> [RequestPrincipal] {
        guard resourcePolicy else { return [RequestPrincipal.parse("arn:aws:iam::111111111111:user/u")!] }
        var texts = ["arn:aws:iam::777777777777:user/outsider", "*"]
        for s in statements {
            for p in s.principal?.patterns ?? [] {
                texts.append(p.description)
                if let account = p.account { texts.append("arn:aws:iam::\(account):user/u") }
            }
        }
        return Array(Set(texts)).sorted().compactMap(RequestPrincipal.parse)
    }

    static func actions(_ statements: [Statement]) -> [String] {
        var out: Set<String> = ["s3:GetObject", "s3:DeleteBucket", "iam:CreateUser", "organizations:LeaveOrganization", "sqs:SendMessage", "s3:GetFutureThing"]
        for s in statements {
            for p in s.action.patterns {
                let expanded = CheckSupport.catalog.expand(p).map(\.fullName)
                out.formUnion(expanded.prefix(3))
                out.formUnion(expanded.suffix(3))
            }
        }
        return out.sorted()
    }

    static func resources(_ statements: [Statement]) -> [String] {
        var out: Set<String> = ["arn:aws:s3:::other/x", "arn:aws:s3:::b"]
        for s in statements {
            for p in s.resource?.patterns ?? [] where !p.hasVariables {
                out.insert(p.isAny ? "arn:aws:s3:::any/x" : p.text.replacingOccurrences(of: "*", with: "x").replacingOccurrences(of: "?", with: "x"))
            }
        }
        return out.sorted()
    }

    /// No keys; each condition's first value on its own; all of them together (a later value of a key wins).
    static func contexts(_ statements: [Statement]) -> [ConditionContext] {
        var pairs: [(String, String)] = []
        for s in statements {
            for c in s.conditions {
                guard let v = c.values.first else { continue }
                var value = v.replacingOccurrences(of: "*", with: "x")
                if c.op.base?.positive == .ipAddress { value = String(value.split(separator: "/").first ?? "") }
                if !pairs.contains(where: { $0 == (c.key, value) }) { pairs.append((c.key, value)) }
            }
        }
        var out = [ConditionContext(missingKeys: .absent)]
        for (k, v) in pairs { out.append(ConditionContext(missingKeys: .absent, [k: .values([v])])) }
        var all: [String: ContextValue] = [:]
        for (k, v) in pairs { all[k] = .values([v]) }  // the new policy's values last
        out.append(ConditionContext(missingKeys: .absent, all))
        return out
    }
}
