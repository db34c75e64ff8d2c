import AnkangDocuments
import AnkangModel
import AnkangScoring
import Foundation
import Testing

/// `samples/expected/<sample>.json`: scores worked out by hand (see the sibling `.md`), never produced by the engine.
struct GoldenFile: Decodable {
    var sample: String
    var cases: [GoldenCase]
}

struct GoldenCase: Decodable {
    var name: String
    var profile: String
    var context: [String]
    var assessment: ExpectedAssessment?
    var compliance: ExpectedCompliance?
}

struct ExpectedLine: Decodable, Equatable, CustomStringConvertible {
    var kind: String
    var ref: String
    var category: String?
    var itemPointsLost: Double?
    var pointsLost: Double

    init(kind: String, ref: String, category: String?, itemPointsLost: Double?, pointsLost: Double) {
        self.kind = kind
        self.ref = ref
        self.category = category
        self.itemPointsLost = itemPointsLost
        self.pointsLost = pointsLost
    }

    init(_ line: ScoreExplanationLine) {
        self.init(kind: line.kind.rawValue, ref: line.ref, category: line.category, itemPointsLost: line.itemPointsLost, pointsLost: line.pointsLost)
    }

    var description: String { "\(kind) \(ref) [\(category ?? "-")] item \(itemPointsLost.map { "\($0)" } ?? "-") total \(pointsLost)" }
}

struct ExpectedAssessment: Decodable {
    struct Category: Decodable {
        var code: String
        var earnedItemPoints: Double?
        var maxItemPoints: Double?
        var ratePercent: Double?
        var points: Double?
        var gatePassed: Bool?
        var openMajorHazardItems: [String]?
    }

    struct Veto: Decodable, Equatable {
        var type: String
        var origin: String
    }

    var asOf: String?
    var total: Double
    var baseScore: Double?
    var overdueDeduction: Double?
    var bonusClaimed: Double?
    var bonusGranted: Double?
    var categories: [Category]?
    var failedGates: [String]?
    var vetoes: [Veto]?
    var grade: String?
    var eligibleAwards: [String]?
    var explanation: [ExpectedLine]?
}

struct ExpectedCompliance: Decodable {
    struct Period: Decodable {
        var from: String
        var to: String
    }

    struct Metric: Decodable {
        var metric: String
        var numerator: Int?
        var denominator: Int?
        var value: Double?
        var targetMet: Bool?
        var points: Double?
    }

    struct Tier: Decodable {
        var level: String
        var units: Int
        var expected: Int
        var received: Int
    }

    struct Closure: Decodable, Equatable {
        var grade: String
        var closed: Int
        var meanDays: Double
    }

    var period: Period?
    var total: Double?
    var grade: String?
    var metrics: [Metric]?
    var tiers: [Tier]?
    var failedTargets: [String]?
    var closureTimes: [Closure]?
    var explanation: [ExpectedLine]?
}

@Suite("Golden scores of the samples")
struct GoldenTests {
    static let sampleNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.validFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted()
    }()

    @Test func everyValidSampleHasAnExpectedScore() {
        #expect(!Self.sampleNames.isEmpty)
        for name in Self.sampleNames {
            let expected = Fixtures.expectedFolder.appendingPathComponent(name.replacingOccurrences(of: ".xml", with: ".json"))
            let workings = expected.deletingPathExtension().appendingPathExtension("md")
            #expect(FileManager.default.fileExists(atPath: expected.path), "no samples/expected/\(expected.lastPathComponent) for \(name)")
            #expect(FileManager.default.fileExists(atPath: workings.path), "no hand working \(workings.lastPathComponent) for \(name)")
        }
    }

    @Test(arguments: sampleNames)
    func golden(_ name: String) throws {
        let url = Fixtures.expectedFolder.appendingPathComponent(name.replacingOccurrences(of: ".xml", with: ".json"))
        guard let data = try? Data(contentsOf: url) else { return } // reported by everyValidSampleHasAnExpectedScore
        let golden = try JSONDecoder().decode(GoldenFile.self, from: data)
        #expect(golden.sample == name)
        #expect(!golden.cases.isEmpty)
        for goldenCase in golden.cases {
            let files = [name] + goldenCase.context
            let submissions = files.compactMap(Fixtures.sample)
            try #require(submissions.count == files.count, "\(name) [\(goldenCase.name)]: a sample did not validate")
            let profile = try #require(Fixtures.bundle.profiles[goldenCase.profile], "unknown profile \(goldenCase.profile)")
            let outcomes = SubmissionScorer(profile: profile, catalogues: Fixtures.bundle.catalogues).score(submissions)
            let label = "\(name) [\(goldenCase.name)]"
            if let expected = goldenCase.assessment {
                let score = try #require(outcomes.compactMap { outcome -> Score? in
                    if case let .assessment(score) = outcome, score.submissionId == submissions[0].id { score } else { nil }
                }.first, "\(label): no assessment score")
                check(score, expected, label)
            }
            if let expected = goldenCase.compliance {
                let score = try #require(outcomes.compactMap { outcome -> ComplianceScore? in
                    if case let .compliance(score) = outcome { score } else { nil }
                }.first, "\(label): no compliance score")
                check(score, expected, label)
            }
        }
    }

    private func check(_ score: Score, _ expected: ExpectedAssessment, _ label: String) {
        #expect(score.total == expected.total, "\(label): total")
        if let asOf = expected.asOf { #expect(score.asOf.isoString == asOf, "\(label): asOf") }
        if let base = expected.baseScore { #expect(score.baseScore == base, "\(label): base score") }
        if let overdue = expected.overdueDeduction { #expect(score.overdueDeduction == overdue, "\(label): overdue deduction") }
        if let claimed = expected.bonusClaimed { #expect(score.bonus.claimed == claimed, "\(label): bonus claimed") }
        if let granted = expected.bonusGranted { #expect(score.bonus.granted == granted, "\(label): bonus granted") }
        for category in expected.categories ?? [] {
            guard let actual = score.category(category.code) else {
                Issue.record("\(label): no category \(category.code)")
                continue
            }
            if let value = category.earnedItemPoints { #expect(actual.earnedItemPoints == value, "\(label): \(category.code) earned") }
            if let value = category.maxItemPoints { #expect(actual.maxItemPoints == value, "\(label): \(category.code) maximum") }
            if let value = category.ratePercent { #expect(actual.ratePercent == value, "\(label): \(category.code) rate") }
            if let value = category.points { #expect(actual.points == value, "\(label): \(category.code) points") }
            if let value = category.gatePassed { #expect(actual.gatePassed == value, "\(label): \(category.code) gate") }
            if let value = category.openMajorHazardItems { #expect(actual.openMajorHazardItems == value, "\(label): \(category.code) major items") }
        }
        if let failed = expected.failedGates { #expect(score.gates.filter { !$0.passed }.map(\.id) == failed, "\(label): failed gates") }
        if let vetoes = expected.vetoes {
            #expect(score.vetoes.map { ExpectedAssessment.Veto(type: $0.type.rawValue, origin: $0.origin.rawValue) } == vetoes, "\(label): vetoes")
        }
        if let grade = expected.grade { #expect(score.grade.code == grade, "\(label): grade") }
        if let awards = expected.eligibleAwards { #expect(score.eligibleAwards.map(\.rawValue) == awards, "\(label): awards") }
        if let lines = expected.explanation { checkLines(score.explanation, lines, label) }
    }

    private func check(_ score: ComplianceScore, _ expected: ExpectedCompliance, _ label: String) {
        #expect(score.total == expected.total, "\(label): total")
        if let period = expected.period {
            #expect(score.period.from.isoString == period.from && score.period.to.isoString == period.to, "\(label): period")
        }
        if let grade = expected.grade { #expect(score.grade?.code == grade, "\(label): grade") }
        for metric in expected.metrics ?? [] {
            guard let actual = score.metrics.first(where: { $0.metric.rawValue == metric.metric }) else {
                Issue.record("\(label): no metric \(metric.metric)")
                continue
            }
            if let value = metric.numerator { #expect(actual.numerator == value, "\(label): \(metric.metric) numerator") }
            if let value = metric.denominator { #expect(actual.denominator == value, "\(label): \(metric.metric) denominator") }
            #expect(actual.value == metric.value, "\(label): \(metric.metric) value")
            #expect(actual.targetMet == metric.targetMet, "\(label): \(metric.metric) target met")
            if let value = metric.points { #expect(actual.points == value, "\(label): \(metric.metric) points") }
        }
        for tier in expected.tiers ?? [] {
            let actual = score.tiers.first { $0.level.rawValue == tier.level }
            #expect(actual?.units == tier.units && actual?.expected == tier.expected && actual?.received == tier.received, "\(label): tier \(tier.level)")
        }
        if let failed = expected.failedTargets { #expect(score.targets.filter { !$0.passed }.map(\.id) == failed, "\(label): failed targets") }
        if let closure = expected.closureTimes {
            #expect(score.closureTimes.map { ExpectedCompliance.Closure(grade: $0.grade.rawValue, closed: $0.closed, meanDays: $0.meanDays) } == closure,
                    "\(label): closure times")
        }
        if let lines = expected.explanation { checkLines(score.explanation, lines, label) }
    }

    private func checkLines(_ actual: [ScoreExplanationLine], _ expected: [ExpectedLine], _ label: String) {
        #expect(actual.map(ExpectedLine.init) == expected, "\(label): explanation")
        for line in actual {
            #expect(!line.zh.isEmpty && !line.en.isEmpty, "\(label): explanation text of \(line.ref)")
        }
    }
}
