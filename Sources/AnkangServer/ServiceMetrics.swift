import Foundation
import Synchronization

/// The service's counters and histograms, exposed in the Prometheus text format at `/metrics`: uploads by
/// outcome, the time to validate one document, and the database transactions of the uploads (how many uploads
/// each held, and how long each took to be durable).
public final class ServiceMetrics: Sendable {
    /// Upper bounds (seconds) of the time histograms' buckets.
    static let secondsBounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
    /// Upper bounds of the uploads-per-transaction histogram's buckets.
    static let uploadsBounds: [Double] = [1, 2, 4, 8, 16, 32, 64]

    /// A Prometheus histogram: cumulative bucket counts, the count and the sum.
    private struct Histogram {
        let name: String
        let help: String
        let bounds: [Double]
        var buckets: [Int]
        var count = 0
        var sum = 0.0

        init(_ name: String, _ help: String, bounds: [Double]) {
            self.name = name
            self.help = help
            self.bounds = bounds
            buckets = Array(repeating: 0, count: bounds.count)
        }

        mutating func observe(_ value: Double) {
            for (index, bound) in bounds.enumerated() where value <= bound { buckets[index] += 1 }
            count += 1
            sum += value
        }

        var lines: [String] {
            var lines = ["# HELP \(name) \(help)", "# TYPE \(name) histogram"]
            for (bound, count) in zip(bounds, buckets) {
                lines.append("\(name)_bucket{le=\"\(bound)\"} \(count)")
            }
            lines.append("\(name)_bucket{le=\"+Inf\"} \(count)")
            lines.append("\(name)_sum \(sum)")
            lines.append("\(name)_count \(count)")
            return lines
        }
    }

    private struct State {
        var uploads: [String: Int] = [:]
        var validation = Histogram(
            "ankang_validation_seconds", "Time to validate and score one uploaded document.", bounds: ServiceMetrics.secondsBounds)
        var commitUploads = Histogram(
            "ankang_commit_uploads", "Uploads written together in one database transaction (group commit).",
            bounds: ServiceMetrics.uploadsBounds)
        var commitSeconds = Histogram(
            "ankang_commit_seconds", "Time from the start of an upload transaction's write until it is durable.",
            bounds: ServiceMetrics.secondsBounds)
    }

    private let state = Mutex(State())

    public init() {}

    /// Counts one upload by its outcome (`accepted`, `duplicate`, `conflict`, `rejected`, `too_large`, `not_xml`, `denied`).
    func upload(_ outcome: String) {
        state.withLock { $0.uploads[outcome, default: 0] += 1 }
    }

    /// Records how long validating and scoring one document took.
    func validation(seconds: Double) {
        state.withLock { $0.validation.observe(seconds) }
    }

    /// Records one durable transaction of uploads: how many it held and how long it took.
    func commit(uploads: Int, seconds: Double) {
        state.withLock { state in
            state.commitUploads.observe(Double(uploads))
            state.commitSeconds.observe(seconds)
        }
    }

    /// The Prometheus text exposition.
    var text: String {
        state.withLock { state in
            var lines = [
                "# HELP ankang_uploads_total Uploaded files by outcome.",
                "# TYPE ankang_uploads_total counter",
            ]
            for (outcome, count) in state.uploads.sorted(by: { $0.key < $1.key }) {
                lines.append("ankang_uploads_total{outcome=\"\(outcome)\"} \(count)")
            }
            lines += state.validation.lines + state.commitUploads.lines + state.commitSeconds.lines
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
