import AnkangModel
import AnkangScoring
import Foundation
import PropertyBased
import Testing

/// A random assessment of the 58 catalogue items with random hazards of the enterprise.
struct RandomCase: Sendable, CustomStringConvertible {
    var results: [ItemResult]
    /// Stated deductions in tenths (capped at the item weight).
    var deductionTenths: [Int]
    var activities: Int
    /// Bonus items in tenths.
    var bonusTenths: [Int]
    /// Each number encodes one hazard (item, grade, deadline, plan).
    var hazardCodes: [Int]

    var assessment: AnkangCupAssessment {
        var results: [String: ItemResult] = [:]
        var deductions: [String: Double] = [:]
        for (index, item) in Fixtures.catalogue.allItems.enumerated() {
            results[item.code] = self.results[index]
            if self.results[index] == .partial { deductions[item.code] = min(Double(deductionTenths[index]) / 10, item.weight) }
        }
        return Fixtures.assessment(results, deductions: deductions, activities: activities, bonus: bonusTenths.map { Double($0) / 10 })
    }

    var hazards: [HazardStatus] {
        hazardCodes.enumerated().map { index, code in
            Fixtures.hazard("H-\(index)", code % 2 == 0 ? .major : .general, item: code % 7 == 0 ? nil : Fixtures.allCodes[code % 58],
                            deadline: code % 3 == 0 ? "2011-11-01" : "2011-12-31", plan: code % 5 != 0)
        }
    }

    var description: String {
        "results \(results.map(\.rawValue)), deductions \(deductionTenths), activities \(activities), bonus \(bonusTenths), hazards \(hazardCodes)"
    }

    static let generator = zip(
        Gen<ItemResult>.case.array(of: 58), Gen.int(in: 0...40).array(of: 58), Gen.int(in: 0...10),
        Gen.int(in: 1...40).array(of: 0...3), Gen.int(in: 0...999).array(of: 0...8)
    ).map { values in
        RandomCase(results: values.0, deductionTenths: values.1, activities: values.2, bonusTenths: values.3, hazardCodes: values.4)
    }
}

@Suite("Scoring properties")
struct PropertyTests {
    let scorer = Fixtures.cityScorer

    @Test func totalStaysWithinZeroAndHundredPlusTheBonusCap() async {
        let cap = Fixtures.cityRules.bonusCap
        await propertyCheck(count: 300, input: RandomCase.generator) { random in
            let score = scorer.score(random.assessment, hazards: random.hazards)
            #expect(score.total >= 0 && score.total <= 100 + cap)
            #expect(score.rawTotal >= 0 && score.rawTotal <= 100 + cap + 1e-9)
            #expect(score.bonus.granted <= cap)
            #expect(score.categories.allSatisfy { ($0.ratePercent ?? 0) >= 0 && ($0.ratePercent ?? 0) <= 100 })
            #expect(score.explanation.allSatisfy { $0.pointsLost >= 0 })
        }
    }

    @Test func markingAnItemNotApplicableNeverLowersAFullRate() async {
        await propertyCheck(count: 300, input: RandomCase.generator, Gen.int(in: 0...57)) { random, index in
            let before = scorer.score(random.assessment, hazards: random.hazards)
            var changed = random
            changed.results[index] = .notApplicable
            let after = scorer.score(changed.assessment, hazards: changed.hazards)
            for (old, new) in zip(before.categories, after.categories) where old.ratePercent == 100 {
                #expect(new.ratePercent == nil || new.ratePercent == 100, "\(old.code) fell to \(new.ratePercent ?? -1) % when item \(Fixtures.allCodes[index]) became 不适用")
            }
        }
    }

    @Test func turningANonCompliantItemCompliantNeverLowersTheScore() async {
        await propertyCheck(count: 300, input: RandomCase.generator, Gen.int(in: 0...57)) { random, index in
            var failing = random
            failing.results[index] = .nonCompliant
            var fixed = random
            fixed.results[index] = .compliant
            let before = scorer.score(failing.assessment, hazards: random.hazards)
            let after = scorer.score(fixed.assessment, hazards: random.hazards)
            #expect(after.rawTotal >= before.rawTotal - 1e-9, "\(Fixtures.allCodes[index]): \(before.rawTotal) → \(after.rawTotal)")
            #expect(after.total >= before.total)
        }
    }

    @Test func explanationAccountsForEveryPointLost() async {
        await propertyCheck(count: 300, input: RandomCase.generator) { random in
            let score = scorer.score(random.assessment, hazards: random.hazards)
            let unrounded = score.rawTotal - score.bonus.granted
            guard unrounded > 0.05 else { return } // the floor at 0 swallows part of the loss
            let lines = score.explanation.filter { $0.kind != .bonusCap }
            let explained = lines.reduce(0) { $0 + $1.pointsLost }
            #expect(abs(explained - (100 - unrounded)) <= 0.05 * Double(lines.count) + 0.05 + 1e-9, "explained \(explained), lost \(100 - unrounded)")
        }
    }

    @Test func orderOfItemsAndHazardsDoesNotMatter() async {
        await propertyCheck(count: 100, input: RandomCase.generator) { random in
            let score = scorer.score(random.assessment, hazards: random.hazards)
            var shuffled = random.assessment
            shuffled.items.reverse()
            #expect(scorer.score(shuffled, hazards: random.hazards.reversed()) == score)
        }
    }
}
