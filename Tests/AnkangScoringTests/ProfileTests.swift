import AnkangDocuments
import AnkangModel
import AnkangScoring
import Foundation
import Testing

@Suite("Scoring profiles")
struct ProfileTests {
    private func cupRules(_ profile: ScoringProfile) -> AnkangCupRules? {
        if case let .ankangCup(rules) = profile.rules { rules } else { nil }
    }

    private func profileBytes(_ name: String) -> [UInt8] {
        Fixtures.bundle.file("profiles/\(name).xml") ?? []
    }

    @Test func bundledProfiles() throws {
        #expect(Fixtures.bundle.profiles.keys.sorted() == ["city-ankang-cup-2011", "monitoring-compliance-2011", "national-ankang-cup-2024"])
        let city = try #require(cupRules(Fixtures.city))
        #expect(city.categories.map(\.weight) == [12, 35, 25, 15, 13])
        #expect(city.categories.first { $0.code == "BASE" }?.items == ["K1", "K2", "K3"])
        #expect(city.categories.first { $0.code == "MASS" }?.items == ["K4", "K5", "K6", "K7"])
        #expect(city.categories.first { $0.code == "MASS" }?.activityParticipation?.target == 10)
        #expect(city.bonusCap == 4)
        #expect(city.awards.map(\.minScore) == [90, 95, 98])
        let national = try #require(cupRules(Fixtures.national))
        #expect(national.categories.prefix(4).map(\.weight) == [7, 18, 10, 20])
        #expect(national.categories.dropFirst(4).allSatisfy { $0.note?.zh.contains("假设") == true })
        #expect(Fixtures.national.description?.en.contains("ASSUMED") == true)
        guard case let .monitoringCompliance(compliance) = Fixtures.compliance.rules else {
            Issue.record("the compliance profile is not a compliance profile")
            return
        }
        #expect(compliance.metrics.map(\.weight) == [40, 30, 20, 10, 0])
        #expect(compliance.tiers.map(\.frequency) == [.month, .week, .workingDay])
        #expect(compliance.schedule(for: .team)?.label.zh.contains("班组") == true)
    }

    @Test(arguments: ["city-ankang-cup-2011", "national-ankang-cup-2024"], ["2011", "2012"])
    func everyCatalogueItemIsScoredOnce(_ id: String, _ version: String) throws {
        let profile = try #require(Fixtures.bundle.profiles[id])
        let rules = try #require(cupRules(profile))
        let catalogue = try #require(Fixtures.bundle.catalogues[version])
        for item in catalogue.allItems {
            let owners = rules.categories.filter { $0.catalogueCategories.contains(item.category) || $0.items.contains(item.code) }
            #expect(owners.count == 1, "\(id): item \(item.code) is in \(owners.count) categories")
        }
    }

    @Test func loadProfileFromBytesMatchesTheBundle() throws {
        let loaded = try Fixtures.bundle.loadProfile(profileBytes("city-ankang-cup-2011"))
        #expect(loaded == Fixtures.city)
        #expect(SchemaBundle.profileNamespace == "urn:ankang:profile:1")
    }

    @Test func profilesRoundTripThroughJSON() throws {
        for profile in Fixtures.bundle.profiles.values {
            let data = try JSONEncoder().encode(profile)
            #expect(try JSONDecoder().decode(ScoringProfile.self, from: data) == profile)
        }
    }

    private func codes(loading text: String) -> [String] {
        do throws(ProfileLoadError) {
            _ = try Fixtures.bundle.loadProfile(Array(text.utf8), source: "test.xml")
            return []
        } catch {
            #expect(error.description.contains("test.xml"))
            return error.diagnostics.map(\.code)
        }
    }

    private func city(_ replacing: String, with replacement: String) -> String {
        let text = String(decoding: profileBytes("city-ankang-cup-2011"), as: UTF8.self)
        #expect(text.contains(replacing), "fixture text not found: \(replacing)")
        return text.replacingOccurrences(of: replacing, with: replacement)
    }

    @Test func rejectsWhatIsNotAProfile() throws {
        let sample = Fixtures.bytes(Fixtures.validFolder.appendingPathComponent("assessment-2011-linze-huayun-selfcheck.xml"))
        #expect(codes(loading: String(decoding: sample, as: UTF8.self)) == ["ANK-PRF-001"])
        #expect(!codes(loading: "not xml").isEmpty)
    }

    @Test func rejectsSchemaErrors() {
        #expect(codes(loading: city("weight=\"35\"", with: "weight=\"-35\"")).allSatisfy { $0.hasPrefix("ANK-XSD") })
        #expect(!codes(loading: city("<item code=\"K3\"/>", with: "<item code=\"K3\"/><item code=\"K3\"/>")).isEmpty)
        #expect(!codes(loading: city("<requiresGate ref=\"g-category-rates\"/>", with: "<requiresGate ref=\"g-missing\"/>")).isEmpty)
    }

    @Test func rejectsRulesTheSchemaCannotExpress() {
        // K1 listed in BASE while MASS pools the whole catalogue category K.
        #expect(codes(loading: city("<item code=\"K4\"/>", with: "<catalogueCategory code=\"K\"/>")
            .replacingOccurrences(of: "<item code=\"K5\"/>\n      <item code=\"K6\"/>\n      <item code=\"K7\"/>\n", with: ""))
            == ["ANK-PRF-002", "ANK-PRF-002", "ANK-PRF-002"])
        // A weight override for an item no category scores.
        #expect(codes(loading: city("<hazardDeductions", with: "<itemWeight code=\"Z1\" weight=\"2\"/>\n    <hazardDeductions")) == ["ANK-PRF-003"])
        // The last grade must accept every score; grades must not rise.
        #expect(codes(loading: city("<band code=\"belowStandard\" minScore=\"0\">", with: "<band code=\"belowStandard\" minScore=\"60\">")) == ["ANK-PRF-004"])
        #expect(codes(loading: city("<band code=\"mostlyMeets\" minScore=\"70\"", with: "<band code=\"mostlyMeets\" minScore=\"85\"")) == ["ANK-PRF-004"])
    }

    @Test func rejectsImpossibleMetrics() {
        let text = String(decoding: profileBytes("monitoring-compliance-2011"), as: UTF8.self)
        #expect(codes(loading: text.replacingOccurrences(of: "target=\"0.9\"/>\n    <metric code=\"rectification\"", with: "target=\"90\"/>\n    <metric code=\"rectification\"")) == ["ANK-PRF-005"])
        #expect(codes(loading: text.replacingOccurrences(of: "<metric code=\"violationsPer100Workers\" weight=\"0\"/>", with: "<metric code=\"violationsPer100Workers\" weight=\"5\"/>")) == ["ANK-PRF-005"])
    }

    /// Every element and attribute a person fills in carries Chinese and English documentation.
    @Test func schemaIsDocumentedInBothLanguages() throws {
        let text = String(decoding: try #require(Fixtures.bundle.file("scoring-profile-1.xsd")), as: UTF8.self)
        for marker in ["<xs:element ", "<xs:attribute "] {
            let chunks = text.components(separatedBy: marker).dropFirst()
            #expect(!chunks.isEmpty)
            for chunk in chunks {
                let name = chunk.split(separator: "\"").dropFirst().first.map(String.init) ?? "?"
                let head = String(chunk.prefix { $0 != ">" })
                #expect(!head.hasSuffix("/"), "\(name) has no documentation")
                let zh = chunk.range(of: "<xs:documentation xml:lang=\"zh\">")
                let en = chunk.range(of: "<xs:documentation xml:lang=\"en\">")
                let firstChild = ["<xs:complexType", "<xs:simpleType", "<xs:sequence", "<xs:attribute ", "<xs:element ", "<xs:unique", "<xs:key"]
                    .compactMap { chunk.range(of: $0)?.lowerBound }.min() ?? chunk.endIndex
                #expect(zh.map { $0.lowerBound < firstChild } == true && en.map { $0.lowerBound < firstChild } == true, "\(name) lacks zh or en documentation")
            }
        }
    }
}
