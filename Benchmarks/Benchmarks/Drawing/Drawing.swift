import Analysis
import Benchmark
import BenchSupport
import Foundation
import Graph
import Render
import Snapshot

/// The render stage in process, per preset (small and medium by default; ACCESSGRAPH_BENCH_PRESETS as
/// for Pipeline): the external-access view of the preset's findings laid out by Graphviz (linked in
/// process) and written as SVG, and the same view as DOT text only (no layout). The findings and the
/// graph are prepared in the setup hook, outside the measurement. (Named Drawing: target names must
/// differ from the main package's `Render`.) No malloc count here: with the malloc interposer,
/// pango's fontconfig thread aborted while drawing medium's view (seen 2026-11-25).
nonisolated(unsafe) var graphs: [String: AccessGraph] = [:]

let benchmarks: @Sendable () -> Void = {
    let presets = (ProcessInfo.processInfo.environment["ACCESSGRAPH_BENCH_PRESETS"] ?? "small,medium")
        .split(separator: ",").map(String.init)
    for preset in presets {
        guard let path = BenchData.snapshot(preset) else { continue }
        let big = preset != "small"
        let config = Benchmark.Configuration(
            metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
            warmupIterations: big ? 0 : 3, maxDuration: .seconds(big ? 30 : 5), maxIterations: big ? 3 : 100)
        let prepare: Benchmark.BenchmarkSetupHook = {
            guard graphs[preset] == nil else { return }
            let model = AccessModel(snapshot: try await SnapshotLoader().load(path))
            graphs[preset] = GraphViews(model: model).graph(findings: await FindingsAnalyzer(model: model).findings())
        }

        Benchmark("\(preset): external view as SVG (Graphviz layout)", configuration: config, closure: { benchmark in
            let graph = graphs[preset]!
            for _ in benchmark.scaledIterations { blackHole(try? GraphRenderer().render(graph, view: .external, format: .svg)) }
        }, setup: prepare)

        Benchmark("\(preset): external view as DOT text", configuration: config, closure: { benchmark in
            let graph = graphs[preset]!
            for _ in benchmark.scaledIterations { blackHole(try? GraphRenderer().dot(graph, view: .external)) }
        }, setup: prepare)
    }
}
