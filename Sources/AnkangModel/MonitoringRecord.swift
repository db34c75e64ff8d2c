import Foundation

/// The tier a "1+3" monitoring record belongs to, with its configurable label.
public struct MonitoringTier: Sendable, Hashable, Codable {
    /// Enterprise, workshop or team.
    public var level: TierLevel
    /// A local label such as 班组监控点 (what "1" and "3" mean is not fixed).
    public var label: String?

    /// Creates a tier.
    public init(level: TierLevel, label: String? = nil) {
        self.level = level
        self.label = label
    }
}

/// The equipment condition observed (设备运行情况).
public struct EquipmentStatus: Sendable, Hashable, Codable {
    /// The state.
    public var state: EquipmentState
    /// Free remark (may be empty).
    public var remark: String

    /// Creates a status.
    public init(state: EquipmentState, remark: String = "") {
        self.state = state
        self.remark = remark
    }
}

/// The "三违" block of a monitoring record: the declared total and the individual observations.
public struct ViolationReport: Sendable, Hashable, Codable {
    /// The declared total.
    public var declaredTotal: Int
    /// The observations (≥ 1).
    public var violations: [Violation]

    /// Creates a report.
    public init(declaredTotal: Int, violations: [Violation]) {
        self.declaredTotal = declaredTotal
        self.violations = violations
    }

    /// The sum of the observation counts.
    public var countedTotal: Int { violations.reduce(0) { $0 + $1.count } }

    /// The counted total for one type.
    public func count(of type: ViolationType) -> Int {
        violations.filter { $0.type == type }.reduce(0) { $0 + $1.count }
    }
}

/// The signatures at the foot of a monitoring record.
public struct Signatures: Sendable, Hashable, Codable {
    /// The monitor's signature.
    public var monitor: String
    /// The team leader's signature.
    public var teamLeader: String?

    /// Creates the signatures.
    public init(monitor: String, teamLeader: String? = nil) {
        self.monitor = monitor
        self.teamLeader = teamLeader
    }
}

/// A "1+3" routine safety-monitoring record (root `monitoringRecord`), without the common header.
public struct MonitoringRecord: Sendable, Hashable, Codable {
    /// The enterprise's own record number.
    public var recordNo: String?
    /// The tier of this record.
    public var tier: MonitoringTier
    /// The workshop/team monitored (required for workshop and team tiers).
    public var unit: SubUnit?
    /// The monitor.
    public var monitor: Person
    /// The date of the round.
    public var date: CivilDate
    /// The shift.
    public var shift: Shift
    /// The kind of round, usually routine.
    public var inspectionKind: InspectionKind
    /// Workers on shift.
    public var workersOnShift: Int
    /// The equipment condition.
    public var equipmentStatus: EquipmentStatus
    /// PPE use.
    public var ppeCompliance: PPECompliance
    /// Checklist observations.
    public var observations: [ItemResultEntry]
    /// Hazards found.
    public var hazards: [HazardFinding]
    /// "三违" observed, if the block is present.
    public var violations: ViolationReport?
    /// Whether the monitor proposed stopping work / evacuating.
    public var stopWorkProposed: Bool
    /// Why work stoppage was proposed.
    public var stopWorkReason: String?
    /// 职工思想状况 — workers' state of mind.
    public var workerMood: String?
    /// The signatures.
    public var signatures: Signatures?

    /// Creates a record.
    public init(
        recordNo: String? = nil,
        tier: MonitoringTier,
        unit: SubUnit? = nil,
        monitor: Person,
        date: CivilDate,
        shift: Shift,
        inspectionKind: InspectionKind,
        workersOnShift: Int,
        equipmentStatus: EquipmentStatus,
        ppeCompliance: PPECompliance,
        observations: [ItemResultEntry] = [],
        hazards: [HazardFinding] = [],
        violations: ViolationReport? = nil,
        stopWorkProposed: Bool = false,
        stopWorkReason: String? = nil,
        workerMood: String? = nil,
        signatures: Signatures? = nil
    ) {
        self.recordNo = recordNo
        self.tier = tier
        self.unit = unit
        self.monitor = monitor
        self.date = date
        self.shift = shift
        self.inspectionKind = inspectionKind
        self.workersOnShift = workersOnShift
        self.equipmentStatus = equipmentStatus
        self.ppeCompliance = ppeCompliance
        self.observations = observations
        self.hazards = hazards
        self.violations = violations
        self.stopWorkProposed = stopWorkProposed
        self.stopWorkReason = stopWorkReason
        self.workerMood = workerMood
        self.signatures = signatures
    }

    /// The hazard with an id, if any.
    public func hazard(id: String) -> HazardFinding? { hazards.first { $0.id == id } }

    /// The counted number of violations (0 when the block is absent).
    public var violationCount: Int { violations?.countedTotal ?? 0 }
}
