import Foundation
import Synchronization

/// The service's counters and the validation-time histogram, exposed in the Prometheus text format at `/metrics`.
public final class ServiceMetrics: Sendable {
    /// Upper bounds (seconds) of the validation-time histogram buckets.
    static let bounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private struct State {
        var uploads: [String: Int] = [:]
        var buckets = Array(repeating: 0, count: ServiceMetrics.bounds.count)
        var count = 0
        var sum = 0.0
    }

    private let state = Mutex(State())

    public init() {}

    /// Counts one upload by its outcome (`accepted`, `duplicate`, `conflict`, `rejected`, `too_large`, `not_xml`, `denied`).
    func upload(_ outcome: String) {
        state.withLock { $0.uploads[outcome, default: 0] += 1 }
    }

    /// Records how long validating and scoring one document took.
    func validation(seconds: Double) {
        state.withLock { state in
            for (index, bound) in Self.bounds.enumerated() where seconds <= bound { state.buckets[index] += 1 }
            state.count += 1
            state.sum += seconds
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
            lines += [
                "# HELP ankang_validation_seconds Time to validate and score one uploaded document.",
                "# TYPE ankang_validation_seconds histogram",
            ]
            for (bound, count) in zip(Self.bounds, state.buckets) {
                lines.append("ankang_validation_seconds_bucket{le=\"\(bound)\"} \(count)")
            }
            lines.append("ankang_validation_seconds_bucket{le=\"+Inf\"} \(state.count)")
            lines.append("ankang_validation_seconds_sum \(state.sum)")
            lines.append("ankang_validation_seconds_count \(state.count)")
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
