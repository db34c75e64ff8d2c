import AnkangDocuments
import AnkangModel
import AnkangXML
import Foundation
import Testing

/// Every sample in `samples/` produces the verdict and the findings it documents.
@Suite struct SampleTests {
    @Test func thereAreEnoughSamples() {
        #expect(Samples.files(in: Samples.validFolder).count >= 8)
        #expect(Samples.files(in: Samples.invalidFolder, extension: "expect").count >= 15)
        let kinds = Set(Samples.files(in: Samples.validFolder).compactMap { Samples.validator.validateFile(at: $0).kind })
        #expect(kinds == Set(DocumentKind.allCases))
    }

    @Test(arguments: Samples.files(in: Samples.validFolder))
    func validSampleIsValid(_ url: URL) throws {
        let report = Samples.validator.validateFile(at: url)
        #expect(report.isValid, "\(url.lastPathComponent): \(report.diagnostics.map { "\($0.code) \($0.line ?? 0):\($0.column ?? 0) \($0.en)" })")
        #expect(report.diagnostics.isEmpty)
        let submission = try #require(report.submission)
        let prefix = url.lastPathComponent.split(separator: "-").first.map(String.init)
        let expectedKind: [String: DocumentKind] = ["assessment": .ankangCupAssessment, "monitoring": .monitoringRecord, "rectification": .hazardRectification]
        #expect(submission.kind == expectedKind[prefix ?? ""])
        #expect(submission.enterprise.jurisdiction.city.code == "321084")
    }

    @Test(arguments: Samples.files(in: Samples.invalidFolder).filter {
        FileManager.default.fileExists(atPath: $0.deletingPathExtension().appendingPathExtension("expect").path)
    } + Samples.files(in: Samples.invalidFolder, extension: "zip") + Samples.files(in: Samples.invalidFolder, extension: "bin"))
    func invalidSampleProducesItsFindings(_ url: URL) {
        let expectations = Samples.expectations(for: url)
        #expect(!expectations.isEmpty, "\(url.lastPathComponent) has no .expect lines")
        let report = Samples.validator.validateFile(at: url)
        let found = report.diagnostics.map { "\($0.severity.rawValue) \($0.code)" }
        for expectation in expectations {
            #expect(found.contains("\(expectation.severity) \(expectation.code)"), "\(url.lastPathComponent): expected \(expectation), found \(found)")
        }
        let expectsError = expectations.contains { $0.severity == "error" }
        #expect(report.isValid == !expectsError, "\(url.lastPathComponent): \(found)")
        for diagnostic in report.diagnostics {
            #expect(!diagnostic.zh.isEmpty && !diagnostic.en.isEmpty)
            if let column = diagnostic.column { #expect(column >= 1) }
        }
    }

    @Test func extractionReadsTheMonitoringRecord() throws {
        let url = Samples.validFolder.appendingPathComponent("monitoring-2011-tangzhuang-mingda-team-day.xml")
        let report = Samples.validator.validateFile(at: url)
        let submission = try #require(report.submission)
        let record = try #require(submission.monitoring)
        #expect(submission.id == UUID(uuidString: "6c540d41-63a4-435e-9656-9e063b065e8b"))
        #expect(submission.catalogueVersion == "2011")
        #expect(submission.submittedAt == Date(timeIntervalSince1970: 1_310_463_900))  // 2011-07-12T17:45:00+08:00
        #expect(submission.enterprise.name == "高邮市明达电缆有限公司")
        #expect(submission.enterprise.creditCode == "9132108473378245XE")
        #expect(submission.enterprise.jurisdiction.level == .township)
        #expect(submission.enterprise.jurisdiction.unit.name == "汤庄镇")
        #expect(submission.enterprise.employees == 310 && submission.enterprise.femaleEmployees == 96)
        #expect(record.tier.level == .team && record.tier.label == "班组监控点")
        #expect(record.unit?.team?.name == "大拉机班")
        #expect(record.monitor.role == .teamInspector)
        #expect(record.date == CivilDate(iso: "2011-07-12"))
        #expect(record.shift == .day)
        #expect(record.equipmentStatus.state == .minorFault)
        #expect(record.observations.count == 9)
        #expect(record.observations[1].code == "D1" && record.observations[1].result == .nonCompliant && record.observations[1].deduction == 3)
        #expect(record.hazards.map(\.id) == ["H-01", "H-02"])
        #expect(record.hazards[0].accidentType == .machinery)
        #expect(record.hazards[0].lec?.d == 126)
        #expect(record.hazards[1].deadline == CivilDate(iso: "2011-07-13"))
        #expect(record.violations?.countedTotal == record.violations?.declaredTotal)
    }

    @Test func encodingsAreReportedAndDecoded() throws {
        let gb = Samples.validator.validateFile(at: Samples.validFolder.appendingPathComponent("monitoring-2012-lingtang-guanghua-team-holiday-gb18030.xml"))
        #expect(gb.encoding == .gb18030)
        #expect(gb.submission?.enterprise.jurisdiction.unit.name == "菱塘回族乡")
        let utf16 = Samples.validator.validateFile(at: Samples.validFolder.appendingPathComponent("rectification-2011-tangzhuang-mingda-internal-utf16.xml"))
        #expect(utf16.encoding == .utf16LittleEndian || utf16.encoding == .utf16BigEndian)
        #expect(utf16.submission?.enterprise.name == "高邮市明达电缆有限公司")
    }

    @Test func aFolderOfSchemasGivesTheSameVerdictsAsTheEmbeddedOnes() throws {
        let bundle = try SchemaBundle(directory: Samples.root.appendingPathComponent("schemas"))
        #expect(bundle.catalogues == (try SchemaBundle.embedded()).catalogues)
        let validator = SubmissionValidator(bundle: bundle)
        for url in Samples.files(in: Samples.validFolder) + Samples.files(in: Samples.invalidFolder) {
            let codes = validator.validateFile(at: url).diagnostics.map(\.code)
            #expect(codes == Samples.validator.validateFile(at: url).diagnostics.map(\.code), "\(url.lastPathComponent)")
        }
    }

    @Test func catalogueHas58ItemsIn12Categories() throws {
        let catalogue = try #require(try SchemaBundle.embedded().catalogues["2011"])
        #expect(catalogue.categories.count == 12)
        #expect(catalogue.allItems.count == 58)
        #expect(catalogue.activities.count == 10)
        #expect(catalogue.item(code: "I3")?.defaultGrade == .major)
    }

    /// One compiled schema per type, shared by many threads: verdicts are identical to a serial run.
    @Test func concurrentValidationMatchesSerial() async {
        let urls = Samples.files(in: Samples.validFolder) + Samples.files(in: Samples.invalidFolder)
        let serial = urls.map { Samples.validator.validateFile(at: $0).diagnostics }
        let repeated = Array(repeating: urls.map(\.path), count: 20).flatMap { $0 }
        var index = 0
        await Samples.validator.validateFiles(repeated, workers: 8) { position, report in
            #expect(position == index)
            #expect(report.diagnostics == serial[position % urls.count])
            index += 1
        }
        #expect(index == repeated.count)
    }
}
