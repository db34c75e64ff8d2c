import AnkangModel
import AnkangXML
import Foundation

/// The element views of the parts that semantic rules point at, kept beside the model while the
/// document is alive (positions are computed only when a rule fires).
struct SubmissionNodes {
    var root: ElementView
    var enterprise: ElementView
    /// `items/item` (assessment) or `observations/item` (monitoring record), in model order.
    var items: [ElementView] = []
    var activities: [ElementView] = []
    /// `hazards/hazard` (monitoring) or `findings/finding` (rectification), in model order.
    var hazards: [ElementView] = []
    var verifications: [ElementView] = []
}

/// Reads a schema-valid submission (any of the three kinds) into the typed model, once.
enum SubmissionReader {
    static func read(_ root: ElementView, kind: DocumentKind) throws -> (Submission, SubmissionNodes) {
        let enterpriseNode = try root.required("enterprise")
        var nodes = SubmissionNodes(root: root, enterprise: enterpriseNode)
        let body: SubmissionBody
        switch kind {
        case .ankangCupAssessment: body = .assessment(try assessment(root, nodes: &nodes))
        case .monitoringRecord: body = .monitoring(try monitoringRecord(root, nodes: &nodes))
        case .hazardRectification: body = .rectification(try rectification(root, nodes: &nodes))
        }
        let idText = try root.requiredAttribute("submissionId")
        guard let id = UUIDText.parse(idText) else { throw ExtractionError(path: "/\(root.name)/@submissionId", what: "bad UUID") }
        let submittedText = try root.text("submittedAt")
        guard let submittedAt = Timestamp.parse(submittedText) else {
            throw ExtractionError(path: "/\(root.name)/submittedAt", what: "bad dateTime \(submittedText)")
        }
        let submission = Submission(
            id: id, schemaVersion: try root.requiredAttribute("schemaVersion"),
            catalogueVersion: try root.requiredAttribute("catalogueVersion"), submittedAt: submittedAt,
            enterprise: try enterprise(enterpriseNode), body: body,
            supersedes: root.attribute("supersedes").flatMap(UUIDText.parse))
        return (submission, nodes)
    }

    // MARK: Shared parts

    static func enterprise(_ node: ElementView) throws -> Enterprise {
        let jurisdictionNode = try node.required("jurisdiction")
        let levelNode = try jurisdictionNode.children.dropFirst().first.orThrow(node, "jurisdiction level")
        guard let level = OrgLevel(rawValue: levelNode.name) else { throw ExtractionError(path: levelNode.position.path ?? "", what: "bad level") }
        let employees = try node.required("employees")
        let contract = node.child("laborSafetyContract")
        return Enterprise(
            name: try node.text("name"), creditCode: node.optionalText("creditCode"), orgCode: node.optionalText("orgCode"),
            regNo: node.optionalText("regNo"), industry: try node.text("industry"),
            jurisdiction: Jurisdiction(city: orgUnit(try jurisdictionNode.required("city")), level: level, unit: orgUnit(levelNode)),
            aboveScale: try node.booleanText("aboveScale"), employees: try employees.integer("total"),
            femaleEmployees: try employees.optionalInteger("female"), unionChair: node.optionalText("unionChair"),
            safetyStandardization: try node.child("safetyStandardization").map { _ in try node.enumText("safetyStandardization") },
            laborSafetyContractSigned: try contract?.boolean("signed"), laborSafetyContractDate: try contract?.optionalDate("date"),
            majorHazardSources: try node.child("majorHazardSources").map { _ in try node.integerText("majorHazardSources") })
    }

    static func orgUnit(_ node: ElementView) -> OrgUnitRef { OrgUnitRef(name: node.trimmedText, code: node.attribute("code")) }

    static func person(_ node: ElementView) throws -> Person {
        Person(role: try node.value("role"), name: try node.text("name"), certificateNo: node.optionalText("certificateNo"),
               organisation: node.optionalText("organisation"), phone: node.optionalText("phone"))
    }

    static func item(_ node: ElementView) throws -> ItemResultEntry {
        ItemResultEntry(code: try node.requiredAttribute("code"), result: try node.value("result"),
                        deduction: try node.optionalDecimal("deduction") ?? 0, deductionReasons: node.texts("deductionReason"),
                        evidence: node.texts("evidence"), note: node.optionalText("note"))
    }

    static func hazard(_ node: ElementView) throws -> HazardFinding {
        let lec = try node.child("lec").map { LEC(l: try $0.decimal("l"), e: try $0.decimal("e"), c: try $0.decimal("c")) }
        return HazardFinding(
            id: try node.requiredAttribute("id"), grade: try node.value("grade"), nature: try node.value("nature"),
            accidentType: try node.value("accidentType"), checklistItem: node.attribute("checklistItem"),
            location: try node.text("location"), description: try node.text("description"),
            immediateMeasure: node.optionalText("immediateMeasure"), lec: lec, photos: node.texts("photo"),
            deadline: try node.child("deadline").map { _ in try node.dateText("deadline") })
    }

    // MARK: Documents

    static func assessment(_ root: ElementView, nodes: inout SubmissionNodes) throws -> AnkangCupAssessment {
        nodes.items = try root.required("items").children("item")
        nodes.activities = root.child("activities")?.children("activity") ?? []
        let organization = try root.required("organization")
        let summary = try root.required("accidentSummary")
        let yearText = try root.text("year")
        guard yearText.utf8.count == 4, let year = Int(yearText) else { throw ExtractionError(path: "/\(root.name)/year", what: "bad year") }
        return AnkangCupAssessment(
            year: year, theme: root.optionalText("theme"), stage: try root.enumText("stage"),
            assessmentDate: try root.dateText("assessmentDate"),
            assessors: try root.required("assessors").children("person").map(person),
            organization: Organization(
                committee: try organization.boolean("committee"), chairIsTopManager: try organization.boolean("chairIsTopManager"),
                unionChairIsMember: try organization.boolean("unionChairIsMember"), planDate: try organization.optionalDate("planDate")),
            items: try nodes.items.map(item),
            activities: try nodes.activities.map { activity in
                Activity(code: try activity.requiredAttribute("code"), date: try activity.date("date"),
                         participants: try activity.integer("participants"), title: activity.optionalText("title"),
                         evidence: activity.texts("evidence"))
            },
            teams: try (root.child("teams")?.children("team") ?? []).map { team in
                TeamEntry(code: try team.requiredAttribute("code"), name: team.trimmedText, members: try team.optionalInteger("members"),
                          nominated: try team.optionalBoolean("nominated") ?? false)
            },
            bonusItems: try (root.child("bonusItems")?.children("bonus") ?? []).map { bonus in
                BonusItem(points: try bonus.decimal("points"), description: try bonus.text("description"), evidence: bonus.texts("evidence"))
            },
            vetoEvents: try (root.child("vetoEvents")?.children("veto") ?? []).map { veto in
                VetoEvent(type: try veto.value("type"), date: try veto.date("date"), description: try veto.text("description"))
            },
            accidentSummary: AccidentSummary(
                minorInjuries: try summary.integer("minorInjuries"), seriousInjuries: try summary.integer("seriousInjuries"),
                fatalities: try summary.integer("fatalities"),
                accidents: try summary.children("accident").map { accident in
                    Accident(id: try accident.requiredAttribute("id"), date: try accident.date("date"), type: try accident.value("type"),
                             severity: try accident.value("severity"), level: try accident.value("level"),
                             persons: try accident.optionalInteger("persons") ?? 1, description: try accident.text("description"))
                }),
            declaredScore: try root.child("declaredScore")?.optionalDecimal("self"),
            proposedAward: try root.child("proposedAward").map { _ in try root.enumText("proposedAward") })
    }

    static func monitoringRecord(_ root: ElementView, nodes: inout SubmissionNodes) throws -> MonitoringRecord {
        nodes.items = root.child("observations")?.children("item") ?? []
        nodes.hazards = root.child("hazards")?.children("hazard") ?? []
        let tier = try root.required("tier")
        let equipment = try root.required("equipmentStatus")
        let stopWork = try root.required("stopWorkProposed")
        let violations = try root.child("violations").map { node in
            ViolationReport(declaredTotal: try node.integer("total"), violations: try node.children("violation").map { violation in
                Violation(type: try violation.value("type"), count: try violation.integer("count"),
                          handledOnSite: try violation.boolean("handledOnSite"), description: try violation.text("description"))
            })
        }
        let signatures = try root.child("signatures").map { node in
            Signatures(monitor: try node.text("monitorSignature"), teamLeader: node.optionalText("teamLeaderSignature"))
        }
        return MonitoringRecord(
            recordNo: root.optionalText("recordNo"),
            tier: MonitoringTier(level: try tier.value("level"), label: tier.attribute("label")),
            unit: try root.child("unit").map { unit in
                SubUnit(workshop: orgUnit(try unit.required("workshop")), team: unit.child("team").map(orgUnit))
            },
            monitor: try person(try root.required("monitor")), date: try root.dateText("date"), shift: try root.enumText("shift"),
            inspectionKind: try root.enumText("inspectionKind"), workersOnShift: try root.integerText("workersOnShift"),
            equipmentStatus: EquipmentStatus(state: try equipment.value("state"), remark: equipment.trimmedText),
            ppeCompliance: try root.enumText("ppeCompliance"), observations: try nodes.items.map(item),
            hazards: try nodes.hazards.map(hazard), violations: violations,
            stopWorkProposed: stopWork.trimmedText == "true" || stopWork.trimmedText == "1", stopWorkReason: stopWork.attribute("reason"),
            workerMood: root.optionalText("workerMood"), signatures: signatures)
    }

    static func rectification(_ root: ElementView, nodes: inout SubmissionNodes) throws -> HazardRectification {
        nodes.hazards = try root.required("findings").children("finding")
        nodes.verifications = root.child("verifications")?.children("verification") ?? []
        let issuer = try root.required("issuer")
        let findings = try nodes.hazards.map { node in
            let plan = try node.required("plan")
            let funding = try plan.child("funding").map { funding -> Funding in
                guard let amount = Decimal(string: funding.trimmedText) else { throw ExtractionError(path: funding.position.path ?? "", what: "bad amount") }
                return Funding(amount: amount, currency: funding.attribute("currency") ?? "CNY")
            }
            let major = try node.child("majorHazardPlan").map { plan in
                MajorHazardPlan(goals: try plan.text("goals"), methods: try plan.text("methods"),
                                fundsAndMaterials: try plan.text("fundsAndMaterials"), organisationAndPeople: try plan.text("organisationAndPeople"),
                                timeline: try plan.text("timeline"), safetyMeasures: try plan.text("safetyMeasures"))
            }
            return RectificationFinding(
                hazard: try hazard(node), status: try node.value("status"),
                sourceSubmission: node.attribute("sourceSubmission").flatMap(UUIDText.parse), sourceHazard: node.attribute("sourceHazard"),
                plan: RectificationPlan(
                    responsiblePerson: try plan.text("responsiblePerson"), verifier: try plan.text("verifier"),
                    deadline: try plan.dateText("deadline"), measures: try plan.text("measures"),
                    acceptanceStandard: try plan.text("acceptanceStandard"), funding: funding, contingencyPlan: plan.optionalText("contingencyPlan")),
                majorHazardPlan: major)
        }
        return HazardRectification(
            noticeNo: try root.text("noticeNo"), noticeKind: try root.enumText("noticeKind"), issuedDate: try root.dateText("issuedDate"),
            issuer: Issuer(person: try person(try issuer.required("person")), orgUnit: try issuer.text("orgUnit")),
            responsibleDepartment: root.optionalText("responsibleDepartment"), findings: findings,
            enterpriseReply: try root.child("enterpriseReply").map { EnterpriseReply(date: try $0.date("date"), text: try $0.text("text")) },
            verifications: try nodes.verifications.map { node in
                Verification(findingId: try node.requiredAttribute("finding"), date: try node.date("date"), result: try node.value("result"),
                             verifier: try person(try node.required("verifier")), comment: node.optionalText("comment"),
                             evidence: node.texts("evidence"))
            },
            escalation: try root.child("escalation").map { Escalation(date: try $0.date("date"), to: try $0.requiredAttribute("to"), reason: try $0.text("reason")) })
    }
}

extension Optional {
    func orThrow(_ node: ElementView, _ what: String) throws -> Wrapped {
        guard let value = self else { throw ExtractionError(path: node.position.path ?? node.name, what: "missing \(what)") }
        return value
    }
}

/// xs:dateTime with a required time zone, e.g. `2011-07-14T16:20:00+08:00`.
enum Timestamp {
    static func parse(_ text: String) -> Date? {
        if let date = parseCommonForm(text) { return date }
        let strategies: [Date.ISO8601FormatStyle] = [
            .iso8601,
            Date.ISO8601FormatStyle(includingFractionalSeconds: true),
        ]
        for strategy in strategies {
            if let date = try? strategy.parse(text) { return date }
        }
        return nil
    }

    /// The usual form, `YYYY-MM-DDThh:mm:ss` then `Z` or `±hh:mm`, without Foundation's format-style machinery
    /// (which cost more than the rest of the extraction). Only where the result is exactly Foundation's: a real
    /// calendar date from 1583 on (Foundation's calendar is Julian before the 1582 Gregorian reform), times up to
    /// 23:59:59, offsets up to 17:59. Anything else (fractions, 24:00:00, …) is left to Foundation.
    static func parseCommonForm(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { b -> Date? in
            guard b.count == 20 || b.count == 25 else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for index in start..<start + count {
                    let digit = b[index] &- 0x30
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A,
                  let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                  year >= 1583, let date = CivilDate(year: year, month: month, day: day),
                  hour < 24, minute < 60, second < 60
            else { return nil }
            var offset = 0
            if b.count == 20 {
                guard b[19] == 0x5A else { return nil }  // "Z"
            } else {
                guard b[19] == 0x2B || b[19] == 0x2D, b[22] == 0x3A, let hours = number(20, 2), let minutes = number(23, 2),
                      hours < 18, minutes < 60
                else { return nil }
                offset = (hours * 3600 + minutes * 60) * (b[19] == 0x2D ? -1 : 1)
            }
            let seconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
            return Date(timeIntervalSince1970: Double(seconds))
        }
    }
}
