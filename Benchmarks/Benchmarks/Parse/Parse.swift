import Benchmark
import BenchSupport
import Foundation
import Policy

/// JSON parse throughput: Policy's JSONParser on the first account's
/// iam/get-account-authorization-details.json of a generated preset (large when generated,
/// else medium, else small; ACCESSGRAPH_BENCH_PARSE_PRESET picks one). Throughput is in
/// parses per second; the custom metric "MB/s" is bytes parsed per second / 1e6.
nonisolated(unsafe) var gaadBytes: [UInt8] = []
nonisolated(unsafe) var gaadDocuments: [JSONValue] = []

let benchmarks: @Sendable () -> Void = {
    let env = ProcessInfo.processInfo.environment
    let candidates = env["ACCESSGRAPH_BENCH_PARSE_PRESET"].map { [$0] } ?? ["large", "medium", "small"]
    var found: (preset: String, path: String)?
    for preset in candidates {
        let dir = "\(BenchData.benchDir)/\(preset)"
        if FileManager.default.fileExists(atPath: dir + "/accounts"), let account = BenchData.firstAccount(dir) {
            found = (preset, account + "/iam/get-account-authorization-details.json")
            break
        }
    }
    guard let found, let data = FileManager.default.contents(atPath: found.path) else {
        BenchData.note("no generated preset under \(BenchData.benchDir) (tried \(candidates)); run scripts/bench.sh medium first")
        return
    }
    gaadBytes = [UInt8](data)
    let megabytes = Double(gaadBytes.count) / 1e6
    let mbPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)

    Benchmark(
        "JSONParser GAAD \(found.preset) (\(String(format: "%.1f", megabytes)) MB)",
        configuration: .init(
            metrics: [.wallClock, .throughput, .peakMemoryResident, mbPerSecond],
            warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 30)
    ) { benchmark in
        let start = ContinuousClock.now
        for _ in benchmark.scaledIterations {
            blackHole(try? JSONParser.parse(gaadBytes))
        }
        let d = ContinuousClock.now - start
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        benchmark.measurement(mbPerSecond, Int(megabytes * Double(benchmark.scaledIterations.count) / seconds))
    }

    // The same file through the policy parser: every policy document of the GAAD (JSON decoded in setup).
    Benchmark(
        "PolicyParser on every GAAD policy document (\(found.preset))",
        configuration: .init(metrics: [.wallClock, .throughput], warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 30),
        closure: { benchmark in
            for _ in benchmark.scaledIterations {
                for d in gaadDocuments { blackHole(try? PolicyParser().parse(json: d)) }
            }
        },
        setup: {
            if gaadDocuments.isEmpty, let json = try? JSONParser.parse(gaadBytes) {
                gaadDocuments = policyDocuments(in: json)
                BenchData.note("PolicyParser benchmark: \(gaadDocuments.count) policy documents per iteration")
            }
        })
}

/// Every value under a "PolicyDocument" or "Document" key (GAAD's inline and managed policy versions).
func policyDocuments(in json: JSONValue) -> [JSONValue] {
    var out: [JSONValue] = []
    func walk(_ v: JSONValue) {
        switch v {
        case .object(let o):
            for m in o.members {
                let (k, child) = (m.key, m.value)
                if k == "PolicyDocument" || k == "Document" || k == "AssumeRolePolicyDocument", case .object = child {
                    out.append(child)
                } else {
                    walk(child)
                }
            }
        case .array(let a): a.forEach(walk)
        default: break
        }
    }
    walk(json)
    return out
}
