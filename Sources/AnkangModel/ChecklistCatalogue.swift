import Foundation

/// One checklist item of the catalogue (domain.md §b.7).
public struct CatalogueItem: Sendable, Hashable, Codable, Identifiable {
    /// The item code, e.g. "D1".
    public var code: String
    /// The code of the category it belongs to, e.g. "D".
    public var category: String
    /// Its point value within the category (> 0).
    public var weight: Double
    /// The default hazard grade if non-compliant; nil for "none" (no hazard implied).
    public var defaultGrade: HazardGrade?
    /// The tiers the item applies to.
    public var tiers: Set<TierLevel>
    /// The item text.
    public var text: LocalizedText
    /// The source tag, e.g. "S8".
    public var source: String?

    /// Creates an item.
    public init(code: String, category: String, weight: Double, defaultGrade: HazardGrade? = nil, tiers: Set<TierLevel>, text: LocalizedText, source: String? = nil) {
        self.code = code
        self.category = category
        self.weight = weight
        self.defaultGrade = defaultGrade
        self.tiers = tiers
        self.text = text
        self.source = source
    }

    /// The item code.
    public var id: String { code }

    /// Whether the item applies at a tier.
    public func applies(to tier: TierLevel) -> Bool { tiers.contains(tier) }
}

/// A category (A–L) of the catalogue.
public struct CatalogueCategory: Sendable, Hashable, Codable, Identifiable {
    /// The category letter, e.g. "A".
    public var code: String
    /// The category name, e.g. 组织领导与责任制.
    public var name: LocalizedText
    /// Its items, in catalogue order.
    public var items: [CatalogueItem]

    /// Creates a category.
    public init(code: String, name: LocalizedText, items: [CatalogueItem]) {
        self.code = code
        self.name = name
        self.items = items
    }

    /// The category code.
    public var id: String { code }

    /// The sum of the item weights.
    public var totalWeight: Double { items.reduce(0) { $0 + $1.weight } }
}

/// One "十个一" activity of the catalogue.
public struct CatalogueActivity: Sendable, Hashable, Codable, Identifiable {
    /// The activity code, e.g. "TA01".
    public var code: String
    /// The activity text.
    public var text: LocalizedText

    /// Creates an activity.
    public init(code: String, text: LocalizedText) {
        self.code = code
        self.text = text
    }

    /// The activity code.
    public var id: String { code }
}

/// A versioned checklist catalogue with O(1) look-up of items and activities by code.
///
/// Immutable so that the look-up tables stay in step with the lists. If a code occurs twice
/// the first occurrence wins in look-ups; `duplicateItemCodes` lists such codes.
public struct ChecklistCatalogue: Sendable, Hashable, Codable {
    /// The version, e.g. "2011" (the `catalogueVersion` submissions refer to).
    public let version: String
    /// The first date the catalogue applies.
    public let validFrom: CivilDate
    /// The categories, in order.
    public let categories: [CatalogueCategory]
    /// The "十个一" activities, in order.
    public let activities: [CatalogueActivity]

    private let itemIndex: [String: CatalogueItem]
    private let categoryIndex: [String: CatalogueCategory]
    private let activityIndex: [String: CatalogueActivity]

    /// Creates a catalogue and builds its look-up tables.
    public init(version: String, validFrom: CivilDate, categories: [CatalogueCategory], activities: [CatalogueActivity]) {
        self.version = version
        self.validFrom = validFrom
        self.categories = categories
        self.activities = activities
        itemIndex = Dictionary(categories.flatMap(\.items).map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        categoryIndex = Dictionary(categories.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        activityIndex = Dictionary(activities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The item with a code, if any.
    public func item(code: String) -> CatalogueItem? { itemIndex[code] }

    /// The category with a code, if any.
    public func category(code: String) -> CatalogueCategory? { categoryIndex[code] }

    /// The activity with a code, if any.
    public func activity(code: String) -> CatalogueActivity? { activityIndex[code] }

    /// All items in catalogue order.
    public var allItems: [CatalogueItem] { categories.flatMap(\.items) }

    /// The items that apply at a tier, in catalogue order.
    public func items(for tier: TierLevel) -> [CatalogueItem] { allItems.filter { $0.applies(to: tier) } }

    /// Item codes that occur more than once (should be empty).
    public var duplicateItemCodes: [String] {
        var seen = Set<String>()
        var duplicates: [String] = []
        for code in allItems.map(\.code) where !seen.insert(code).inserted && !duplicates.contains(code) {
            duplicates.append(code)
        }
        return duplicates
    }

    private enum CodingKeys: String, CodingKey {
        case version, validFrom, categories, activities
    }

    /// Decodes the lists and rebuilds the look-up tables.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            version: try container.decode(String.self, forKey: .version),
            validFrom: try container.decode(CivilDate.self, forKey: .validFrom),
            categories: try container.decode([CatalogueCategory].self, forKey: .categories),
            activities: try container.decode([CatalogueActivity].self, forKey: .activities)
        )
    }

    /// Encodes the lists only.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(validFrom, forKey: .validFrom)
        try container.encode(categories, forKey: .categories)
        try container.encode(activities, forKey: .activities)
    }

    /// Equal when version, validity and lists are equal.
    public static func == (lhs: ChecklistCatalogue, rhs: ChecklistCatalogue) -> Bool {
        lhs.version == rhs.version && lhs.validFrom == rhs.validFrom
            && lhs.categories == rhs.categories && lhs.activities == rhs.activities
    }

    /// Hashes version, validity and lists.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(version)
        hasher.combine(validFrom)
        hasher.combine(categories)
        hasher.combine(activities)
    }
}
