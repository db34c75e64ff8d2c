import AnkangModel
import AnkangXML

/// A scoring profile that could not be loaded: its findings (schema errors and the profile rules
/// the schema cannot express), each in Chinese and English with line, column and path.
public struct ProfileLoadError: Error, CustomStringConvertible {
    /// Where the profile came from: a bundled file name or a path.
    public let source: String
    /// The findings; at least one is an error.
    public let diagnostics: [Diagnostic]

    /// Creates the error.
    public init(source: String, diagnostics: [Diagnostic]) {
        self.source = source
        self.diagnostics = diagnostics
    }

    /// One line per finding, in English.
    public var description: String {
        "scoring profile \(source) is invalid: "
            + diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.en)" }.joined(separator: "; ")
    }
}

extension DiagnosticCode {
    /// The document is not a scoring profile.
    static let notAProfile: DiagnosticCode = "ANK-PRF-001"
    /// A catalogue item is pooled into more than one scoring category.
    static let profileItemTwice: DiagnosticCode = "ANK-PRF-002"
    /// A rule refers to an item no scoring category contains.
    static let profileUnscoredItem: DiagnosticCode = "ANK-PRF-003"
    /// The grade bands are out of order or do not cover every score.
    static let profileGradeBands: DiagnosticCode = "ANK-PRF-004"
    /// A compliance metric's weight or target cannot work.
    static let profileMetric: DiagnosticCode = "ANK-PRF-005"
    /// Two bundled profiles share an identifier.
    static let profileDuplicateId: DiagnosticCode = "ANK-PRF-006"
}

/// Reads a schema-valid `scoringProfile` document into the model and checks the rules that
/// `scoring-profile-1.xsd` cannot express.
enum ProfileReader {
    /// Namespace of the scoring profile schema, version 1.
    static let namespace = "urn:ankang:profile:1"

    /// Validates `bytes` against the profile schema and reads the profile.
    static func load(_ bytes: [UInt8], schema: CompiledSchema, source: String) throws(ProfileLoadError) -> ScoringProfile {
        let result = XMLValidator().validate(bytes, selectSchema: { root in
            guard root.namespace == namespace, root.name == "scoringProfile" else {
                let shown = root.namespace.map { "{\($0)}\(root.name)" } ?? root.name
                return .reject(Diagnostic(.error, .notAProfile,
                    zh: "不是评分方案：根元素为 \(shown)，应为命名空间 \(namespace) 中的 scoringProfile",
                    en: "not a scoring profile: the root element is \(shown), expected scoringProfile in namespace \(namespace)",
                    at: root.position))
            }
            return .validate(schema)
        }, inspect: { root, diagnostics in
            read(root, diagnostics: &diagnostics)
        })
        guard result.isValid, let profile = result.value ?? nil else {
            throw ProfileLoadError(source: source, diagnostics: result.diagnostics)
        }
        return profile
    }

    /// The error for a second bundled profile with an identifier already taken.
    static func duplicate(_ id: String, source: String) -> ProfileLoadError {
        ProfileLoadError(source: source, diagnostics: [Diagnostic(.error, .profileDuplicateId,
            zh: "评分方案标识 \(id) 重复", en: "two scoring profiles have the id \(id)")])
    }

    static func read(_ root: ElementView, diagnostics: inout [Diagnostic]) -> ScoringProfile? {
        do {
            let rules: ScoringRules
            if let cup = root.child("ankangCup") {
                rules = .ankangCup(try ankangCup(cup, diagnostics: &diagnostics))
            } else {
                rules = .monitoringCompliance(try monitoringCompliance(try root.required("monitoringCompliance"), diagnostics: &diagnostics))
            }
            return ScoringProfile(
                id: try root.requiredAttribute("id"), version: try root.requiredAttribute("version"),
                title: try root.required("title").localized(), description: try root.child("description")?.localized(),
                sources: root.texts("source"), rules: rules)
        } catch let error as ExtractionError {
            diagnostics.append(error.diagnostic)
        } catch {
            diagnostics.append(ExtractionError(path: "/", what: "\(error)").diagnostic)
        }
        return nil
    }

    // MARK: Ankang Cup

    private static func ankangCup(_ node: ElementView, diagnostics: inout [Diagnostic]) throws -> AnkangCupRules {
        let factors = try node.required("resultFactors")
        let resultFactors = ResultFactors(
            compliant: try factors.decimal("compliant"), partial: try factors.decimal("partial"),
            nonCompliant: try factors.decimal("nonCompliant"),
            partialUsesStatedDeduction: try factors.optionalBoolean("partialUsesStatedDeduction") ?? true,
            unassessed: try factors.optionalValue("unassessed") ?? .nonCompliant)
        let categoryNodes = node.children("category")
        let categories = try categoryNodes.map(category)
        checkMembership(categories, nodes: categoryNodes, diagnostics: &diagnostics)
        let weightNodes = node.children("itemWeight")
        var itemWeights: [String: Double] = [:]
        for weightNode in weightNodes {
            let code = try weightNode.requiredAttribute("code")
            itemWeights[code] = try weightNode.decimal("weight")
            if !isMember(code, of: categories) {
                diagnostics.append(unscored(code, at: weightNode, zh: "项目分值替换", en: "item weight override"))
            }
        }
        let deductions = try node.required("hazardDeductions")
        let gates = try (try node.required("gates")).children.map(gate)
        for (gate, gateNode) in zip(gates, try node.required("gates").children) {
            if case let .itemEarnsPoints(item) = gate.condition, !isMember(item, of: categories) {
                diagnostics.append(unscored(item, at: gateNode, zh: "基本条件", en: "gate"))
            }
        }
        let vetoes = try node.required("vetoes")
        let gradesNode = try node.required("grades")
        let grades = try gradesNode.children("band").map(band)
        checkBands(grades, nodes: gradesNode.children("band"), diagnostics: &diagnostics)
        return AnkangCupRules(
            resultFactors: resultFactors, categories: categories, itemWeights: itemWeights,
            hazardDeductions: HazardDeductionRules(
                perOpenGeneralHazard: try deductions.decimal("perOpenGeneralHazard"),
                openMajorZeroesItem: try deductions.boolean("openMajorZeroesItem"),
                perOverdueFinding: try deductions.decimal("perOverdueFinding"), overdueCap: try deductions.decimal("overdueCap")),
            timing: try timing(try node.required("timing")),
            bonusCap: try node.required("bonus").decimal("cap"),
            gates: gates,
            vetoes: VetoRules(
                declared: try vetoes.children("declared").map { try $0.value("type") },
                derived: try vetoes.children("derived").map { try $0.value("rule") }),
            grades: grades,
            awards: try (try node.required("awards")).children("award").map {
                AwardThreshold(level: try $0.value("level"), minScore: try $0.decimal("minScore"))
            })
    }

    private static func category(_ node: ElementView) throws -> ProfileCategory {
        let participation = try node.child("activityParticipation").map { activity in
            ActivityParticipation(
                code: try activity.requiredAttribute("code"), name: try activity.required("name").localized(),
                weight: try activity.decimal("weight"), target: try activity.integer("target"))
        }
        return ProfileCategory(
            code: try node.requiredAttribute("code"), name: try node.required("name").localized(),
            note: try node.child("note")?.localized(), weight: try node.decimal("weight"),
            catalogueCategories: try node.children("catalogueCategory").map { try $0.requiredAttribute("code") },
            items: try node.children("item").map { try $0.requiredAttribute("code") },
            activityParticipation: participation, minimumRate: try node.optionalDecimal("minimumRate"))
    }

    private static func gate(_ node: ElementView) throws -> GateRule {
        let condition: GateCondition
        switch node.name {
        case "committeeExists": condition = .committeeExists
        case "planExists": condition = .planExists
        case "noInjury": condition = .noInjury(atOrAbove: try node.value("atOrAbove"))
        case "minimumTotal": condition = .minimumTotal(score: try node.decimal("score"))
        case "allCategoryRates": condition = .allCategoryRates
        case "itemEarnsPoints": condition = .itemEarnsPoints(item: try node.requiredAttribute("item"))
        default: throw ExtractionError(path: node.position.path ?? node.name, what: "unknown gate \(node.name)")
        }
        return GateRule(id: try node.requiredAttribute("id"), condition: condition, label: try node.child("label")?.localized())
    }

    /// Whether `item` belongs to a category, explicitly or through its catalogue category (the item
    /// code's letter, per the catalogue's code pattern).
    private static func isMember(_ item: String, of categories: [ProfileCategory]) -> Bool {
        categories.contains { $0.items.contains(item) || $0.catalogueCategories.contains(String(item.prefix(1))) }
    }

    /// An explicit item must not also be pooled through its catalogue category (the schema already
    /// forbids listing a catalogue category or an item twice).
    private static func checkMembership(_ categories: [ProfileCategory], nodes: [ElementView], diagnostics: inout [Diagnostic]) {
        for (category, node) in zip(categories, nodes) {
            for item in category.items {
                guard let owner = categories.first(where: { $0.catalogueCategories.contains(String(item.prefix(1))) }) else { continue }
                diagnostics.append(Diagnostic(.error, .profileItemTwice,
                    zh: "项目 \(item) 在类别 \(category.code) 中单独列出，又随目录类别 \(item.prefix(1)) 计入类别 \(owner.code)",
                    en: "item \(item) is listed in category \(category.code) and also pooled into \(owner.code) with catalogue category \(item.prefix(1))",
                    at: node.position))
            }
        }
    }

    private static func unscored(_ item: String, at node: ElementView, zh: String, en: String) -> Diagnostic {
        Diagnostic(.error, .profileUnscoredItem,
            zh: "\(zh)引用的项目 \(item) 不属于任何评分类别",
            en: "the \(en) refers to item \(item), which no scoring category contains", at: node.position)
    }

    private static func band(_ node: ElementView) throws -> GradeBand {
        GradeBand(
            code: try node.requiredAttribute("code"), label: try node.required("label").localized(),
            minScore: try node.decimal("minScore"), requiresNoVeto: try node.optionalBoolean("noVeto") ?? false,
            requiresAllGates: try node.optionalBoolean("allGates") ?? false,
            requiredGates: try node.children("requiresGate").map { try $0.requiredAttribute("ref") })
    }

    /// Bands must not rise in score, and the last band must accept every score so that every
    /// assessment gets a grade.
    private static func checkBands(_ bands: [GradeBand], nodes: [ElementView], diagnostics: inout [Diagnostic]) {
        for index in bands.indices.dropFirst() where bands[index].minScore > bands[index - 1].minScore {
            diagnostics.append(Diagnostic(.error, .profileGradeBands,
                zh: "等级 \(bands[index].code) 的分数线高于前一等级 \(bands[index - 1].code)；等级应从高到低排列",
                en: "grade \(bands[index].code) has a higher threshold than the grade before it (\(bands[index - 1].code)); list grades from the highest",
                at: nodes[index].position))
        }
        if let last = bands.last, last.minScore != 0 || last.requiresNoVeto || last.requiresAllGates || !last.requiredGates.isEmpty {
            diagnostics.append(Diagnostic(.error, .profileGradeBands,
                zh: "最后一个等级 \(last.code) 必须对任何分数成立（分数线 0，无其他条件）",
                en: "the last grade \(last.code) must hold for every score (threshold 0, no other condition)",
                at: nodes[nodes.count - 1].position))
        }
    }

    private static func timing(_ node: ElementView) throws -> HazardTiming {
        HazardTiming(
            generalDeadlineDays: try node.integer("generalDays"), majorDeadlineDays: try node.integer("majorDays"),
            verificationGraceDays: try node.integer("verificationGraceDays"))
    }

    // MARK: Monitoring compliance

    private static func monitoringCompliance(_ node: ElementView, diagnostics: inout [Diagnostic]) throws -> MonitoringComplianceRules {
        let tiers = try node.children("tier").map { tier in
            TierSchedule(level: try tier.value("level"), label: try tier.required("label").localized(), frequency: try tier.value("frequency"))
        }
        let metricNodes = node.children("metric")
        let metrics = try metricNodes.map { metric in
            ComplianceMetricRule(metric: try metric.value("code"), weight: try metric.decimal("weight"), target: try metric.optionalDecimal("target"))
        }
        for (metric, metricNode) in zip(metrics, metricNodes) {
            if metric.metric.isRate, let target = metric.target, !(0...1).contains(target) {
                diagnostics.append(Diagnostic(.error, .profileMetric,
                    zh: "指标 \(metric.metric.rawValue) 是比率，目标值 \(target) 应在 0 至 1 之间",
                    en: "metric \(metric.metric.rawValue) is a rate; its target \(target) must be between 0 and 1", at: metricNode.position))
            }
            if !metric.metric.isRate, metric.weight > 0 {
                diagnostics.append(Diagnostic(.error, .profileMetric,
                    zh: "指标 \(metric.metric.rawValue) 不是比率，只能报告（权重应为 0）",
                    en: "metric \(metric.metric.rawValue) is not a rate and can only be reported (weight must be 0)", at: metricNode.position))
            }
        }
        if !metrics.contains(where: { $0.weight > 0 }) {
            diagnostics.append(Diagnostic(.error, .profileMetric,
                zh: "至少一个指标的权重应大于 0", en: "at least one metric must have a weight above 0", at: node.position))
        }
        let gradesNode = try node.required("grades")
        let bandNodes = gradesNode.children("band")
        let grades = try bandNodes.map(band)
        checkBands(grades, nodes: bandNodes, diagnostics: &diagnostics)
        for (band, bandNode) in zip(grades, bandNodes) {
            for ref in band.requiredGates where metrics.first(where: { $0.metric.rawValue == ref })?.target == nil {
                diagnostics.append(Diagnostic(.error, .profileMetric,
                    zh: "等级 \(band.code) 要求指标 \(ref) 达标，但该指标没有目标值",
                    en: "grade \(band.code) requires metric \(ref) to meet its target, but the metric has no target", at: bandNode.position))
            }
        }
        return MonitoringComplianceRules(tiers: tiers, metrics: metrics, timing: try timing(try node.required("timing")), grades: grades)
    }
}
