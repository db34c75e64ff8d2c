import AnkangDocuments
import AnkangModel
import AnkangScoring
import Foundation

/// The bundle, profiles, catalogue and synthetic assessments shared by the scoring tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let bundle: SchemaBundle = {
        do { return try SchemaBundle.embedded() } catch { fatalError("embedded schemas: \(error)") }
    }()

    static let validator = SubmissionValidator(bundle: bundle)
    static let catalogue = bundle.catalogues["2011"]!
    static let city = bundle.profiles["city-ankang-cup-2011"]!
    static let national = bundle.profiles["national-ankang-cup-2024"]!
    static let compliance = bundle.profiles["monitoring-compliance-2011"]!

    static var cityRules: AnkangCupRules {
        guard case let .ankangCup(rules) = city.rules else { fatalError("city profile is not an Ankang Cup profile") }
        return rules
    }

    static let cityScorer: AnkangCupScorer = {
        do { return try AnkangCupScorer(profile: city, catalogue: catalogue) } catch { fatalError("\(error)") }
    }()

    /// The city profile with its Ankang Cup rules changed by `change`.
    static func city(_ change: (inout AnkangCupRules) -> Void) -> AnkangCupScorer {
        var rules = cityRules
        change(&rules)
        var profile = city
        profile.rules = .ankangCup(rules)
        do { return try AnkangCupScorer(profile: profile, catalogue: catalogue) } catch { fatalError("\(error)") }
    }

    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static let allCodes = catalogue.allItems.map(\.code)

    /// A 2011 assessment of all 58 items, 符合 unless `results` says otherwise; `deductions` are stated deductions.
    static func assessment(
        _ results: [String: ItemResult] = [:], deductions: [String: Double] = [:], omitted: Set<String> = [], activities: Int = 10,
        bonus: [Double] = [], accidents: AccidentSummary = .empty, vetoes: [VetoEvent] = [],
        organization: Organization = Organization(committee: true, chairIsTopManager: true, unionChairIsMember: true, planDate: date("2011-03-01"))
    ) -> AnkangCupAssessment {
        let items = allCodes.filter { !omitted.contains($0) }.map { code in
            ItemResultEntry(code: code, result: results[code] ?? .compliant, deduction: deductions[code] ?? 0)
        }
        let held = catalogue.activities.prefix(activities).map { Activity(code: $0.code, date: date("2011-06-01"), participants: 10) }
        return AnkangCupAssessment(
            year: 2011, stage: .selfCheck, assessmentDate: date("2011-11-18"),
            assessors: [Person(role: .committeeMember, name: "检查员")], organization: organization, items: items,
            activities: held, bonusItems: bonus.map { BonusItem(points: $0, description: "鼓励项") }, vetoEvents: vetoes,
            accidentSummary: accidents)
    }

    /// A hazard status linked to `item`, found on 2011-10-01.
    static func hazard(
        _ id: String, _ grade: HazardGrade, item: String? = nil, deadline: String = "2011-12-31", closedOn: String? = nil, plan: Bool = true
    ) -> HazardStatus {
        HazardStatus(id: id, reference: id, grade: grade, checklistItem: item, foundOn: date("2011-10-01"), deadline: date(deadline),
                     closedOn: closedOn.map(date), hasMajorPlan: plan)
    }

    // MARK: Samples

    static let validFolder = root.appendingPathComponent("samples/valid")
    static let expectedFolder = root.appendingPathComponent("samples/expected")

    static func bytes(_ url: URL) -> [UInt8] { Array((try? Data(contentsOf: url)) ?? Data()) }

    /// The typed submission of a valid sample (by file name).
    static func sample(_ name: String) -> Submission? {
        validator.validate(bytes(validFolder.appendingPathComponent(name))).submission
    }
}
