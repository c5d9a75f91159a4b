/// Decides one condition triple against a request's keys, following
/// reference_policies_elements_condition_operators.html and
/// reference_policies_condition-single-vs-multi-valued-context-keys.html:
/// - a key missing from the request makes positive operators false, negated
///   operators and `...IfExists` true; `Null` tests presence;
/// - `ForAnyValue:` needs one request value to match (false when the key is
///   missing or empty), `ForAllValues:` needs every request value to match
///   (true when the key is missing or empty);
/// - negated operators match when no policy value matches.
enum ConditionEvaluator {
    static func evaluate(_ c: Condition, in context: ConditionContext) -> Tri {
        guard let base = c.op.base else { return .unknown }
        if c.hasVariables && onlyUnresolvableValues(c, in: context) { return .no }
        switch context.value(normalizedKey: c.normalizedKey) {
        case .unknown:
            return .unknown
        case .absent:
            return whenAbsent(c, base: base)
        case .values(let requestValues):
            if base == .null { return nullOperator(c, keyPresent: true) }
            if requestValues.isEmpty { return whenAbsent(c, base: base) }
            return evaluate(c, base: base, requestValues: requestValues, context: context)
        case .noneOf(let excluded):
            return outsideValue(c, base: base) { value in
                excluded.contains(value.lowercased())
            }
        case .arnOutside(let accounts):
            return outsideValue(c, base: base) { value in
                guard let arn = ARN(value), !arn.account.contains("*"), !arn.account.contains("?") else { return false }
                return accounts.contains(arn.account)
            }
        }
    }

    static func whenAbsent(_ c: Condition, base: ConditionOperator.Base) -> Tri {
        if base == .null { return nullOperator(c, keyPresent: false) }
        switch c.op.qualifier {
        case .forAllValues?: return .yes
        case .forAnyValue?: return .no
        case nil: return Tri(c.op.ifExists || base.isNegated)
        }
    }

    /// `Null`: "true" asks for the key to be absent, "false" for it to be present.
    static func nullOperator(_ c: Condition, keyPresent: Bool) -> Tri {
        var result = Tri.no
        for v in c.values {
            let wantsAbsent = v.lowercased() == "true"
            result = result || Tri(wantsAbsent != keyPresent)
        }
        return result
    }

    /// A key that is absent or holds a value that is none of a set of values (an outside
    /// principal's account or organization). When every policy value lies in that set, no
    /// request value can match one: a negated operator holds (absent or not matching, with or
    /// without `IfExists`), a positive one fails (or, with `IfExists`, holds only when the key
    /// is absent, which stays unknown). Anything else stays unknown.
    static func outsideValue(_ c: Condition, base: ConditionOperator.Base, isExcluded: (String) -> Bool) -> Tri {
        if base == .bool { return outsideBool(c, isExcluded: isExcluded) }
        switch base.positive {
        case .stringEquals, .stringEqualsIgnoreCase, .stringLike, .arnEquals, .arnLike: break
        default: return .unknown
        }
        guard c.op.qualifier == nil, !c.hasVariables else { return .unknown }
        // StringLike's `*` may stand for anything, even across an ARN's colons, so only
        // its literal values are certain; ArnLike matches component by component.
        let onlyExcluded = c.values.allSatisfy { v in
            if base.positive == .stringLike && (v.contains("*") || v.contains("?")) { return false }
            return isExcluded(v)
        }
        guard onlyExcluded else { return .unknown }
        if base.isNegated { return .yes }
        return c.op.ifExists ? .unknown : .no
    }

    /// `Bool` on a key that is absent or `true`/`false` but not an excluded one (everyone's
    /// `aws:PrincipalIsAWSService`: absent for anonymous callers, else not `true`).
    static func outsideBool(_ c: Condition, isExcluded: (String) -> Bool) -> Tri {
        guard c.op.qualifier == nil else { return .unknown }
        let policyValues = Set(c.values.map { $0.lowercased() })
        let possible = ["true", "false"].filter { !isExcluded($0) }
        let whenPresent: Tri =
            possible.allSatisfy(policyValues.contains) ? .yes : possible.contains(where: policyValues.contains) ? .unknown : .no
        let whenAbsent = Tri(c.op.ifExists)
        return whenPresent == whenAbsent ? whenAbsent : .unknown
    }

    /// Whether every value of the condition holds a policy variable that cannot be resolved
    /// (its key is absent and it has no default): such a condition matches nothing, whatever
    /// its operator (reference_policies_variables.html).
    static func onlyUnresolvableValues(_ c: Condition, in context: ConditionContext) -> Bool {
        guard c.hasVariables else { return false }
        for v in c.values {
            guard case .unresolvable = PolicyVariables.resolve(v, in: context) else { return false }
        }
        return true
    }

    static func evaluate(
        _ c: Condition, base: ConditionOperator.Base, requestValues: [String], context: ConditionContext
    ) -> Tri {
        let positive = base.positive
        func matchOne(_ v: String) -> Tri {
            let m = matchesAnyPolicyValue(c, positive: positive, requestValue: v, context: context)
            return base.isNegated ? !m : m
        }
        switch c.op.qualifier {
        case .forAllValues?:
            var r = Tri.yes
            for v in requestValues { r = r && matchOne(v); if r == .no { break } }
            return r
        case .forAnyValue?:
            var r = Tri.no
            for v in requestValues { r = r || matchOne(v); if r == .yes { break } }
            return r
        case nil:
            // A single-valued operator on several values: positive operators need one
            // value to match; negated ones need no value to match.
            var any = Tri.no
            for v in requestValues {
                any = any || matchesAnyPolicyValue(c, positive: positive, requestValue: v, context: context)
                if any == .yes { break }
            }
            return base.isNegated ? !any : any
        }
    }

    /// Whether `requestValue` matches at least one of the condition's values under the positive operator.
    static func matchesAnyPolicyValue(
        _ c: Condition, positive: ConditionOperator.Base, requestValue: String, context: ConditionContext
    ) -> Tri {
        var result = Tri.no
        let isPattern = positive == .stringLike || positive == .arnLike || positive == .arnEquals
        for (i, raw) in c.values.enumerated() {
            let policyValue: String
            var requestValue = requestValue
            if c.hasVariables {
                switch PolicyVariables.resolve(raw, in: context, forPattern: isPattern) {
                case .resolved(let s):
                    policyValue = s
                    if isPattern && PolicyVariables.hasLiteralWildcards(s) { requestValue = PolicyVariables.escapingWildcards(requestValue) }
                case .unresolvable: continue
                case .unknown:
                    result = .unknown
                    continue
                }
            } else {
                policyValue = raw
            }
            let pattern = c.patterns.isEmpty ? nil : c.patterns[i]
            if compare(positive, policyValue: policyValue, pattern: pattern, requestValue: requestValue) { return .yes }
        }
        return result
    }

    static func compare(_ op: ConditionOperator.Base, policyValue: String, pattern: ARNPattern?, requestValue: String) -> Bool {
        switch op {
        case .stringEquals: return requestValue == policyValue
        case .stringEqualsIgnoreCase: return requestValue.lowercased() == policyValue.lowercased()
        case .stringLike: return (pattern?.whole ?? Wildcard(policyValue)).matches(requestValue)
        case .arnEquals, .arnLike: return (pattern ?? ARNPattern(policyValue)).matches(requestValue)
        case .bool: return requestValue.lowercased() == policyValue.lowercased()
        case .binaryEquals: return requestValue == policyValue
        case .ipAddress:
            guard let block = IPAddressRange(policyValue), let addr = IPAddressRange(requestValue) else { return false }
            return block.contains(addr)
        case .numericEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan, .numericGreaterThanEquals:
            guard let a = Double(requestValue), let b = Double(policyValue) else { return false }
            return order(op, a, b)
        case .dateEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan, .dateGreaterThanEquals:
            guard let a = DateText.epochSeconds(requestValue), let b = DateText.epochSeconds(policyValue) else { return false }
            return order(op, a, b)
        default:
            return false
        }
    }

    static func order(_ op: ConditionOperator.Base, _ a: Double, _ b: Double) -> Bool {
        switch op {
        case .numericEquals, .dateEquals: a == b
        case .numericLessThan, .dateLessThan: a < b
        case .numericLessThanEquals, .dateLessThanEquals: a <= b
        case .numericGreaterThan, .dateGreaterThan: a > b
        case .numericGreaterThanEquals, .dateGreaterThanEquals: a >= b
        default: false
        }
    }
}
