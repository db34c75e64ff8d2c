import Foundation

/// A named organisational unit with an optional code (GB/T 2260 division code for city and
/// township, e.g. 高邮市 = 321084; free token otherwise).
public struct OrgUnitRef: Sendable, Hashable, Codable {
    /// The unit's name, e.g. 临泽镇.
    public var name: String
    /// The unit's code, e.g. "321084".
    public var code: String?

    /// Creates a reference.
    public init(name: String, code: String? = nil) {
        self.name = name
        self.code = code
    }
}

/// Where an enterprise sits in the union hierarchy: the city, then exactly one township, park or system union.
public struct Jurisdiction: Sendable, Hashable, Codable {
    /// The city, e.g. 高邮市 (321084).
    public var city: OrgUnitRef
    /// The level of `unit`: `.township`, `.park` or `.system` (see `hasValidLevel`).
    public var level: OrgLevel
    /// The township, park or system union, e.g. 临泽镇.
    public var unit: OrgUnitRef

    /// Creates a jurisdiction. `level` should be one of `OrgLevel.jurisdictionLevels`.
    public init(city: OrgUnitRef, level: OrgLevel, unit: OrgUnitRef) {
        self.city = city
        self.level = level
        self.unit = unit
    }

    /// Whether `level` is township, park or system.
    public var hasValidLevel: Bool { level.isJurisdictionLevel }
}

/// The enterprise a submission is about (XSD `EnterpriseType`).
public struct Enterprise: Sendable, Hashable, Codable {
    /// The registered name.
    public var name: String
    /// 统一社会信用代码 (18 characters), if given.
    public var creditCode: String?
    /// 组织机构代码 (9 characters, with or without hyphen), if given.
    public var orgCode: String?
    /// 工商注册号 (15 digits), if given.
    public var regNo: String?
    /// GB/T 4754-2011 industry code, e.g. "C33".
    public var industry: String
    /// City and township/park/system.
    public var jurisdiction: Jurisdiction
    /// 规模企业: above the statistical size threshold.
    public var aboveScale: Bool
    /// Total number of employees.
    public var employees: Int
    /// Number of female employees, if declared.
    public var femaleEmployees: Int?
    /// The enterprise union chair's name.
    public var unionChair: String?
    /// 安全生产标准化 level.
    public var safetyStandardization: SafetyStandardizationLevel?
    /// Whether a 劳动安全卫生专项集体合同 (labour-safety collective contract) is signed, if declared.
    public var laborSafetyContractSigned: Bool?
    /// The date the labour-safety contract was signed.
    public var laborSafetyContractDate: CivilDate?
    /// Number of 重大危险源 (major hazard sources), if declared.
    public var majorHazardSources: Int?

    /// Creates an enterprise.
    public init(
        name: String,
        creditCode: String? = nil,
        orgCode: String? = nil,
        regNo: String? = nil,
        industry: String,
        jurisdiction: Jurisdiction,
        aboveScale: Bool,
        employees: Int,
        femaleEmployees: Int? = nil,
        unionChair: String? = nil,
        safetyStandardization: SafetyStandardizationLevel? = nil,
        laborSafetyContractSigned: Bool? = nil,
        laborSafetyContractDate: CivilDate? = nil,
        majorHazardSources: Int? = nil
    ) {
        self.name = name
        self.creditCode = creditCode
        self.orgCode = orgCode
        self.regNo = regNo
        self.industry = industry
        self.jurisdiction = jurisdiction
        self.aboveScale = aboveScale
        self.employees = employees
        self.femaleEmployees = femaleEmployees
        self.unionChair = unionChair
        self.safetyStandardization = safetyStandardization
        self.laborSafetyContractSigned = laborSafetyContractSigned
        self.laborSafetyContractDate = laborSafetyContractDate
        self.majorHazardSources = majorHazardSources
    }

    /// Which identifier `key` was taken from.
    public enum KeySource: String, Sendable, Hashable, Codable {
        /// The unified social credit code.
        case creditCode
        /// The organisation code, without hyphen.
        case orgCode
        /// The business registration number.
        case regNo
        /// No identifier present: the name (prefixed "name:").
        case name
    }

    /// The stable enterprise identifier: the credit code if present, else the organisation code
    /// without hyphen, else the registration number (all trimmed and upper-cased). If none is
    /// present (the schema forbids that) it is "name:" followed by the name.
    public var key: String { keyAndSource.key }

    /// Which identifier `key` came from.
    public var keySource: KeySource { keyAndSource.source }

    private var keyAndSource: (key: String, source: KeySource) {
        if let code = creditCode.map({ UnifiedSocialCreditCode($0).normalized }), !code.isEmpty {
            return (code, .creditCode)
        }
        if let code = orgCode.map({ OrganizationCode($0).normalized }), !code.isEmpty {
            return (code, .orgCode)
        }
        if let number = regNo.map({ BusinessRegistrationNumber($0).normalized }), !number.isEmpty {
            return (number, .regNo)
        }
        return ("name:" + name, .name)
    }

    /// The organisation code without hyphen: `orgCode` if given, else positions 9–17 of an
    /// 18-character credit code. Lets 2011 org-code records be matched to later credit-code records.
    public var effectiveOrgCode: String? {
        if let code = orgCode.map({ OrganizationCode($0).normalized }), !code.isEmpty { return code }
        return creditCode.flatMap { UnifiedSocialCreditCode($0).embeddedOrgCode?.normalized }
    }

    /// Path from the city down, e.g. ["高邮市", "临泽镇", "高邮市某某机械有限公司"].
    public var orgPath: [String] { [jurisdiction.city.name, jurisdiction.unit.name, name] }

    /// The GB/T 4754 门类 (section) letter of `industry`, e.g. "C".
    public var industrySection: String? { industry.first.map { String($0) } }

    /// The GB/T 4754 大类 (division) code of `industry`, e.g. "C33", if at least 3 characters long.
    public var industryDivision: String? { industry.count >= 3 ? String(industry.prefix(3)) : nil }
}

/// A workshop, and optionally a team inside it, below the enterprise.
public struct SubUnit: Sendable, Hashable, Codable {
    /// The workshop (车间).
    public var workshop: OrgUnitRef
    /// The team (班组), if the unit is a team.
    public var team: OrgUnitRef?

    /// Creates a sub-unit.
    public init(workshop: OrgUnitRef, team: OrgUnitRef? = nil) {
        self.workshop = workshop
        self.team = team
    }

    /// The level this sub-unit denotes: `.team` if a team is named, else `.workshop`.
    public var level: OrgLevel { team == nil ? .workshop : .team }

    /// Names from the workshop down, e.g. ["机加工车间", "车工一班"].
    public var path: [String] { [workshop.name] + (team.map { [$0.name] } ?? []) }
}

/// A person taking part in an inspection (XSD `PersonType`).
public struct Person: Sendable, Hashable, Codable {
    /// The person's role.
    public var role: Role
    /// The person's name.
    public var name: String
    /// The inspector appointment (certificate) number.
    public var certificateNo: String?
    /// The person's organisation, e.g. 临泽镇总工会.
    public var organisation: String?
    /// A phone number.
    public var phone: String?

    /// Creates a person.
    public init(role: Role, name: String, certificateNo: String? = nil, organisation: String? = nil, phone: String? = nil) {
        self.role = role
        self.name = name
        self.certificateNo = certificateNo
        self.organisation = organisation
        self.phone = phone
    }
}
