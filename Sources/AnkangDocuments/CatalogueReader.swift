import AnkangModel
import AnkangXML

/// Reads a schema-valid `checklistCatalogue` document into the model.
enum CatalogueReader {
    static func read(_ root: ElementView, diagnostics: inout [Diagnostic]) -> ChecklistCatalogue? {
        do {
            let categories = try root.children("category").map { category -> CatalogueCategory in
                let code = try category.requiredAttribute("code")
                let items = try category.children("item").map { item in
                    let grade = try item.requiredAttribute("defaultGrade")
                    let tiers = try item.requiredAttribute("tiers").split(separator: " ").compactMap { letter -> TierLevel? in
                        switch letter {
                        case "E": .enterprise
                        case "W": .workshop
                        case "T": .team
                        default: nil
                        }
                    }
                    let sources = item.texts("source")
                    return CatalogueItem(
                        code: try item.requiredAttribute("code"), category: code, weight: try item.decimal("weight"),
                        defaultGrade: HazardGrade(rawValue: grade), tiers: Set(tiers), text: try item.required("text").localized(),
                        source: sources.isEmpty ? nil : sources.joined(separator: " "))
                }
                return CatalogueCategory(code: code, name: try category.required("name").localized(), items: items)
            }
            let activities = try (root.child("activities")?.children("activity") ?? []).map { activity in
                CatalogueActivity(code: try activity.requiredAttribute("code"), text: try activity.required("text").localized())
            }
            return ChecklistCatalogue(
                version: try root.requiredAttribute("version"), validFrom: try root.date("validFrom"),
                categories: categories, activities: activities)
        } catch let error as ExtractionError {
            diagnostics.append(error.diagnostic)
        } catch {
            diagnostics.append(ExtractionError(path: "/", what: "\(error)").diagnostic)
        }
        return nil
    }
}
