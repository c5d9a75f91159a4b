import Benchmark
import BenchSupport
import Foundation
import Policy

/// Evaluator throughput on a fixed request/policy set (BenchSupport.EvaluatorFixture):
/// 64 requests against 4 identity policies, a permissions boundary and a bucket policy (17 statements).
/// "statements/s" = requests x statements in the set / seconds (an upper bound on the statements
/// actually matched: the evaluator may stop early, e.g. when no statement of a policy type matches).
let benchmarks: @Sendable () -> Void = {
    let requests = EvaluatorFixture.requests
    let set = EvaluatorFixture.policySet
    let statementsPerRound = requests.count * EvaluatorFixture.statementCount
    let statementsPerSecond = BenchmarkMetric.custom("statements/s", polarity: .prefersLarger, useScalingFactor: false)
    let evaluator = Evaluator()

    Benchmark(
        "Evaluator: \(requests.count) requests x \(EvaluatorFixture.statementCount) statements",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal, statementsPerSecond],
            warmupIterations: 10, scalingFactor: .kilo, maxDuration: .seconds(5), maxIterations: 1_000)
    ) { benchmark in
        let start = ContinuousClock.now
        for _ in benchmark.scaledIterations {
            for r in requests { blackHole(evaluator.evaluate(r, set)) }
        }
        let d = ContinuousClock.now - start
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        benchmark.measurement(
            statementsPerSecond, Int(Double(statementsPerRound * benchmark.scaledIterations.count) / seconds))
    }

    Benchmark(
        "Evaluator with explain (trace): \(requests.count) requests",
        configuration: .init(metrics: [.wallClock, .throughput], warmupIterations: 10, scalingFactor: .kilo,
                             maxDuration: .seconds(5), maxIterations: 1_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            for r in requests { blackHole(evaluator.evaluate(r, set, explain: true)) }
        }
    }
}
