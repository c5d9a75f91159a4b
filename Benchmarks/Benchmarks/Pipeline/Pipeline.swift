import Analysis
import Benchmark
import BenchSupport
import Foundation
import Graph
import Snapshot

/// The CLI's stages in process, per preset (small and medium by default; ACCESSGRAPH_BENCH_PRESETS=
/// "small,medium,large" to add more): snapshot load, model build, findings, who-can on the first
/// public-* bucket of the first account. Inputs of a stage are prepared in its setup hook, outside
/// the measurement.
nonisolated(unsafe) var snapshots: [String: Snapshot] = [:]
nonisolated(unsafe) var models: [String: AccessModel] = [:]

let benchmarks: @Sendable () -> Void = {
    let presets = (ProcessInfo.processInfo.environment["ACCESSGRAPH_BENCH_PRESETS"] ?? "small,medium")
        .split(separator: ",").map(String.init)
    for preset in presets {
        guard let path = BenchData.snapshot(preset) else { continue }
        let bucket = BenchData.bucket(path) ?? "none"
        let big = preset != "small"
        let config = Benchmark.Configuration(
            metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
            warmupIterations: big ? 0 : 3, maxDuration: .seconds(big ? 30 : 5), maxIterations: big ? 5 : 200)
        let loadSnapshot: Benchmark.BenchmarkSetupHook = {
            if snapshots[preset] == nil { snapshots[preset] = try await SnapshotLoader().load(path) }
        }
        let buildModel: Benchmark.BenchmarkSetupHook = {
            try await loadSnapshot()
            if models[preset] == nil { models[preset] = AccessModel(snapshot: snapshots[preset]!) }
        }

        Benchmark("\(preset): snapshot load", configuration: config) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? await SnapshotLoader().load(path))
            }
        }

        Benchmark("\(preset): model build", configuration: config, closure: { benchmark in
            let snap = snapshots[preset]!
            for _ in benchmark.scaledIterations { blackHole(AccessModel(snapshot: snap)) }
        }, setup: loadSnapshot)

        // Findings on medium took ~27 s per run in scripts/bench.sh on 2026-11-25: keep it to one or two iterations.
        Benchmark("\(preset): findings", configuration: .init(
            metrics: config.metrics, warmupIterations: 0, maxDuration: .seconds(big ? 60 : 5), maxIterations: big ? 2 : 200),
            closure: { benchmark in
                let model = models[preset]!
                for _ in benchmark.scaledIterations { blackHole(await FindingsAnalyzer(model: model).findings()) }
            }, setup: buildModel)

        Benchmark("\(preset): who-can arn:aws:s3:::\(bucket)", configuration: config, closure: { benchmark in
            let model = models[preset]!
            for _ in benchmark.scaledIterations {
                blackHole(try? WhoCanAnalyzer(model: model).whoCan("arn:aws:s3:::\(bucket)"))
            }
        }, setup: buildModel)
    }
}
