import AnkangModel

/// Scores "1+3" monitoring compliance of one enterprise over a period with a `monitoringCompliance`
/// profile (domain.md §c.2).
///
/// - Coverage: for each tier, every unit must file one record per slot (working day, week, month …);
///   received counts the slots of the period with at least one record. The units are the roster's when
///   one is given, else the units that filed at least one record (a lower bound: a team that never
///   files is invisible without a roster).
/// - Hazards (``HazardLedger``) found in the period are judged on its last day: rectification =
///   closed ÷ (closed + open past the deadline), so findings not yet due are not judged; on time =
///   closed no later than deadline + grace ÷ closed; verification = closed ÷ reported fixed.
/// - Score = Σ weight × rate over the weighted metrics that have data, normalised to 100; a metric
///   without data (no records expected, no finding due …) neither gains nor loses.
///
/// Pure and deterministic.
public struct MonitoringComplianceScorer: Sendable {
    /// The profile.
    public let profile: ScoringProfile
    private let rules: MonitoringComplianceRules

    /// Prepares a scorer; throws when the profile is not a `monitoringCompliance` profile.
    public init(profile: ScoringProfile) throws(ScoringError) {
        guard case let .monitoringCompliance(rules) = profile.rules else {
            throw .wrongProfileKind(profile: profile.id, expected: .monitoringCompliance)
        }
        self.profile = profile
        self.rules = rules
    }

    /// Scores one enterprise's monitoring records and rectification notices (assessments are ignored)
    /// over the period they cover (``ScoringPeriod/covering(_:)``), with the worker count of the latest
    /// submission. A single record or notice is scored on its own this way.
    public func score(_ submissions: [Submission], roster: [TierLevel: Int] = [:]) throws(ScoringError) -> ComplianceScore {
        let relevant = submissions.filter { $0.kind != .ankangCupAssessment }
        guard let period = ScoringPeriod.covering(relevant), let latest = relevant.max(by: { $0.submittedAt < $1.submittedAt }) else {
            throw .noMonitoringData
        }
        return score(submissions: relevant, workers: latest.enterprise.employees, period: period, roster: roster, enterprise: latest.enterprise.name)
    }

    /// Scores monitoring records and rectification notices of one enterprise over `period`. `workers`
    /// is the enterprise's headcount (for "三违" per 100 workers); `roster` gives the number of units
    /// per tier where known.
    public func score(
        submissions: [Submission], workers: Int, period: ScoringPeriod, roster: [TierLevel: Int] = [:], enterprise: String? = nil
    ) -> ComplianceScore {
        let records = submissions.compactMap { submission in submission.monitoring.map { (submission, $0) } }.filter { period.contains($0.1.date) }
        var lines: [PendingLine] = []

        // Coverage.
        let days = period.days
        var tiers: [TierCoverage] = []
        for schedule in rules.tiers {
            let slots = Set(days.compactMap(schedule.frequency.slot(containing:)))
            var slotsByUnit: [String: (name: String, slots: Set<CivilDate>)] = [:]
            for (submission, record) in records where record.tier.level == schedule.level {
                // A unit that filed only outside its slots (a team record on a Sunday) still counts as a unit.
                let (key, name) = unit(of: record, enterprise: submission.enterprise.name)
                var unitSlots = slotsByUnit[key] ?? (name, [])
                if let slot = schedule.frequency.slot(containing: record.date), slots.contains(slot) { unitSlots.slots.insert(slot) }
                slotsByUnit[key] = unitSlots
            }
            let filed = slotsByUnit.values.reduce(0) { $0 + $1.slots.count }
            if let units = roster[schedule.level] {
                let expected = units * slots.count
                let received = min(filed, expected)
                tiers.append(TierCoverage(level: schedule.level, label: schedule.label, frequency: schedule.frequency, units: units, rosterGiven: true, expected: expected, received: received))
                if received < expected {
                    lines.append(missing(expected - received, of: expected, ref: schedule.level.rawValue, name: schedule.label))
                }
            } else {
                tiers.append(TierCoverage(level: schedule.level, label: schedule.label, frequency: schedule.frequency, units: slotsByUnit.count, rosterGiven: false,
                                          expected: slotsByUnit.count * slots.count, received: filed))
                for (key, unit) in slotsByUnit.sorted(by: { $0.key < $1.key }) where unit.slots.count < slots.count {
                    lines.append(missing(slots.count - unit.slots.count, of: slots.count, ref: key, name: LocalizedText(zh: unit.name, en: unit.name)))
                }
            }
        }

        // Hazards found in the period, judged on its last day.
        let asOf = period.to
        let cohort = HazardLedger.statuses(from: submissions, timing: rules.timing).filter { period.contains($0.foundOn) }
        let closed = cohort.filter { $0.isClosed(by: asOf) }
        let overdue = cohort.filter { $0.isOverdue(on: asOf) }
        let late = closed.filter { hazard in hazard.closedOn.map { $0 > hazard.deadline.adding(days: rules.timing.verificationGraceDays) } ?? false }
        let reported = cohort.filter(\.reportedFixed)
        let unverified = reported.filter { !$0.isClosed(by: asOf) }
        for hazard in overdue {
            lines.append(PendingLine(metric: .rectification, kind: .overdueFinding, ref: hazard.reference,
                                     zh: "\(hazard.grade.zh) \(hazard.reference) 逾期未整改（期限 \(hazard.deadline)，统计截止 \(asOf)）",
                                     en: "\(hazard.grade.en.lowercased()) \(hazard.reference) open past its deadline (\(hazard.deadline); as of \(asOf))"))
        }
        for hazard in late {
            guard let closedOn = hazard.closedOn else { continue }
            lines.append(PendingLine(metric: .onTime, kind: .lateClosure, ref: hazard.reference,
                                     zh: "\(hazard.grade.zh) \(hazard.reference) 于 \(closedOn) 复查销号，晚于期限 \(hazard.deadline) 加宽限 \(rules.timing.verificationGraceDays) 天",
                                     en: "\(hazard.grade.en.lowercased()) \(hazard.reference) closed on \(closedOn), after its deadline \(hazard.deadline) plus \(rules.timing.verificationGraceDays) days' grace"))
        }
        for hazard in unverified {
            lines.append(PendingLine(metric: .verification, kind: .unverifiedFix, ref: hazard.reference,
                                     zh: "\(hazard.grade.zh) \(hazard.reference) 已报告整改，截至 \(asOf) 未经复查合格销号",
                                     en: "\(hazard.grade.en.lowercased()) \(hazard.reference) reported fixed but not closed by a passed follow-up as of \(asOf)"))
        }
        let violations = records.reduce(0) { $0 + $1.1.violationCount }
        let counts: [ComplianceMetric: (numerator: Int, denominator: Int)] = [
            .coverage: (tiers.reduce(0) { $0 + $1.received }, tiers.reduce(0) { $0 + $1.expected }),
            .rectification: (closed.count, closed.count + overdue.count),
            .onTime: (closed.count - late.count, closed.count),
            .verification: (reported.count - unverified.count, reported.count),
            .violationsPer100Workers: (violations, max(0, workers)),
        ]

        // Weights normalised over the weighted metrics with data.
        let scored = rules.metrics.filter { $0.weight > 0 && $0.metric.isRate && (counts[$0.metric]?.denominator ?? 0) > 0 }
        let applicableWeight = scored.reduce(0) { $0 + $1.weight }
        let scale = applicableWeight > 0 ? 100 / applicableWeight : 0
        var metrics: [MetricResult] = []
        var targets: [GateResult] = []
        var rawTotal = 0.0
        for rule in rules.metrics {
            let (numerator, denominator) = counts[rule.metric] ?? (0, 0)
            let isScored = scored.contains { $0.metric == rule.metric }
            let fraction: Double? = denominator > 0 ? Double(numerator) / Double(denominator) : nil
            let value = fraction.map { $0 * 100 } // a percentage, or violations per 100 workers
            let target = rule.target.map { rule.metric.isRate ? $0 * 100 : $0 }
            let points = isScored ? rule.weight * (fraction ?? 0) * scale : 0
            rawTotal += points
            var met: Bool?
            if let value, let target {
                let reached = rule.metric.lowerIsBetter ? ScoreRounding.reaches(target, value) : ScoreRounding.reaches(value, target)
                met = reached
                let sign = rule.metric.lowerIsBetter ? (reached ? "≤" : ">") : (reached ? "≥" : "<")
                let (unitZh, unitEn) = rule.metric.isRate ? ("%", " %") : ("", "")
                targets.append(GateResult(
                    id: rule.metric.rawValue, label: rule.metric.label, passed: reached,
                    zh: "\(rule.metric.zh) \(ScoreRounding.text(value))\(unitZh) \(sign) 目标 \(ScoreRounding.text(target))\(unitZh)",
                    en: "\(rule.metric.en) \(ScoreRounding.text(value))\(unitEn) \(sign) target \(ScoreRounding.text(target))\(unitEn)"))
            }
            metrics.append(MetricResult(
                metric: rule.metric, label: rule.metric.label, weight: rule.weight, effectiveWeight: ScoreRounding.tenths(isScored ? rule.weight * scale : 0),
                numerator: numerator, denominator: denominator, value: value.map(ScoreRounding.tenths), target: target, targetMet: met,
                points: ScoreRounding.tenths(points)))
        }
        let explanation = lines.compactMap { line -> ScoreExplanationLine? in
            guard let rule = scored.first(where: { $0.metric == line.metric }), let denominator = counts[line.metric]?.denominator else { return nil }
            let points = Double(line.count) * rule.weight * scale / Double(denominator)
            return ScoreExplanationLine(
                kind: line.kind, ref: line.ref, category: line.metric.rawValue, pointsLost: ScoreRounding.tenths(points),
                zh: line.zh + "，扣 \(ScoreRounding.text(points)) 分", en: line.en + "; \(ScoreRounding.text(points)) points lost")
        }
        let total = scored.isEmpty ? nil : rawTotal
        return ComplianceScore(
            profileId: profile.id, profileVersion: profile.version, enterprise: enterprise, period: period,
            total: total.map(ScoreRounding.tenths), rawTotal: total, metrics: metrics, tiers: tiers,
            closureTimes: closureTimes(closed), targets: targets,
            grade: total.map { Grading.grade(rules.grades, score: $0, hasVeto: false, failedGates: Set(targets.filter { !$0.passed }.map(\.id))) },
            explanation: explanation)
    }

    /// A point loss waiting for its metric's share of the total.
    private struct PendingLine {
        let metric: ComplianceMetric
        let kind: ExplanationKind
        let ref: String
        /// How many records or findings the line stands for.
        let count: Int
        let zh: String
        let en: String

        init(metric: ComplianceMetric, kind: ExplanationKind, ref: String, count: Int = 1, zh: String, en: String) {
            self.metric = metric
            self.kind = kind
            self.ref = ref
            self.count = count
            self.zh = zh
            self.en = en
        }
    }

    private func missing(_ count: Int, of expected: Int, ref: String, name: LocalizedText) -> PendingLine {
        PendingLine(metric: .coverage, kind: .missingRecords, ref: ref, count: count,
                    zh: "\(name.zh)：应交 \(expected) 份记录，缺 \(count) 份", en: "\(name.en): \(count) of \(expected) expected records missing")
    }

    /// The key and display name of the unit a record covers.
    private func unit(of record: MonitoringRecord, enterprise: String) -> (key: String, name: String) {
        guard record.tier.level != .enterprise, let unit = record.unit else { return ("enterprise", enterprise) }
        let workshop = unit.workshop.code ?? unit.workshop.name
        if record.tier.level == .team, let team = unit.team {
            return (workshop + "/" + (team.code ?? team.name), unit.path.joined(separator: "/"))
        }
        return (workshop, unit.workshop.name)
    }

    private func closureTimes(_ closed: [HazardStatus]) -> [ClosureTime] {
        HazardGrade.allCases.compactMap { grade in
            let days = closed.filter { $0.grade == grade }.compactMap { hazard in hazard.closedOn.map { $0.daysSince(hazard.foundOn) } }
            guard !days.isEmpty else { return nil }
            return ClosureTime(grade: grade, closed: days.count, meanDays: ScoreRounding.tenths(Double(days.reduce(0, +)) / Double(days.count)))
        }
    }
}
