import Policy
import Testing

/// The evaluation corpus through the batch evaluator (the path findings, who-can, graphs and
/// reports decide with), each case as a one-action universe. `CorpusTests` checks the batch's
/// allowed / denied against the documented decision; this checks it against the scalar evaluator
/// on the same request: the same three-valued result, only the action asked, and the same
/// undecided conditions where both are undecided.
@Suite struct CorpusBatchTests {
    @Test("Every corpus case: the batch evaluator and one request give the same result and conditions")
    func batchDecidesAsOneRequest() throws {
        let cases = try CorpusCase.all()
        var failures: [String] = []
        var compared = 0
        for c in cases {
            let request: Request
            let set: PolicySet
            do {
                let concrete = try c.concreteRequest()
                (request, set) = (concrete.request, c.policySet(for: concrete))
            } catch {
                // CorpusTests reports a case that cannot be read; nothing to compare here.
                failures.append("\(c.file): \(c.name): \(error)")
                continue
            }
            let scalar = Evaluator().evaluate(request, set)
            let universe = ActionUniverse(id: 0, actions: [c.action])
            // A fresh mask cache per case: masks are cached by universe id, and every case's
            // universe has id 0.
            let decisions = Evaluator().evaluate(
                universe, principal: request.principal, resource: request.resource, resourceAccount: request.resourceAccount,
                context: request.context, policies: set, cache: ActionMaskCache())
            compared += 1
            let label = "\(c.file): \(c.name)"
            if decisions.count > 1 || decisions.contains(where: { $0.action != c.action }) {
                failures.append("\(label): the batch answered \(decisions.map(\.action)) for a universe of [\(c.action)]")
            }
            let batch = decisions.first
            let result = batch?.result ?? .no
            // The batch path lists allowed and conditionally allowed actions only: it tells denied
            // from allowed, not an explicit deny from an implicit one (CorpusTests checks those).
            if (result != .no) != (c.expect == .allowed) {
                failures.append("\(label): the batch \(result == .no ? "denies" : "allows (\(result))"), the corpus expects \(c.expect.rawValue) [\(c.doc)]")
            }
            if result != scalar.result {
                failures.append("\(label): the batch says \(result), one request \(scalar.result) (\(scalar.rule.rawValue))")
            }
            // Where both are undecided they depend on the same conditions (the batch path keeps
            // them only then; one request also notes those of statements that did not matter).
            if let batch, batch.result == .unknown, scalar.result == .unknown {
                if Set(batch.undecidedConditions) != Set(scalar.undecidedConditions) {
                    failures.append("\(label): undecided Allow conditions: batch \(batch.undecidedConditions), one request \(scalar.undecidedConditions)")
                }
                if Set(batch.deniedWhen) != Set(scalar.undecidedDenyConditions) {
                    failures.append("\(label): undecided Deny conditions: batch \(batch.deniedWhen), one request \(scalar.undecidedDenyConditions)")
                }
            }
        }
        for f in failures { Issue.record(Comment(rawValue: f)) }
        #expect(compared >= 200, "\(compared) of \(cases.count) corpus cases compared")
        #expect(failures.isEmpty, "\(failures.count) disagreements over \(compared) of \(cases.count) corpus cases")
    }
}
