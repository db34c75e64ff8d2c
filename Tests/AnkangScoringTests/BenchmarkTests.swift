import AnkangDocuments
import AnkangModel
import AnkangScoring
import Foundation
import Testing

/// A measurement, not a timed test: prints how long scoring one sample takes next to validating it.
/// The best of several interleaved rounds is taken, so that other work on the machine disturbs it less.
/// Run it in release (`swift test -c release --filter Benchmark`) for figures that mean something.
@Suite("Scoring cost versus validation cost")
struct BenchmarkTests {
    @Test(arguments: ["assessment-2011-xiejia-hengxin-crosscheck-utf8bom.xml", "assessment-2011-linze-huayun-selfcheck.xml"])
    func scoringCostsLittleNextToValidation(_ name: String) throws {
        let bytes = Fixtures.bytes(Fixtures.validFolder.appendingPathComponent(name))
        let submission = try #require(Fixtures.validator.validate(bytes).submission)
        let scorer = Fixtures.cityScorer
        let clock = ContinuousClock()
        func seconds(_ duration: Duration) -> Double { Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18 }
        var sink = 0.0
        var validation = Double.infinity
        var scoring = Double.infinity
        for _ in 0..<5 {
            validation = min(validation, seconds(clock.measure {
                for _ in 0..<20 { sink += Fixtures.validator.validate(bytes).submission == nil ? 1 : 0 }
            }) / 20)
            scoring = min(scoring, seconds(clock.measure {
                for _ in 0..<200 { sink += (try? scorer.score(submission))?.rawTotal ?? 0 }
            }) / 200)
        }
        print("[benchmark] \(name): validate \(String(format: "%.1f", validation * 1e6)) µs, score \(String(format: "%.1f", scoring * 1e6)) µs, "
              + "scoring / validation = \(String(format: "%.2f", scoring / validation * 100)) %")
        #expect(sink > 0)
    }
}
