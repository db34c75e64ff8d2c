import AnkangDocuments
import AnkangIntake
import AnkangModel
import AnkangScoring
import AnkangStore
import Foundation
import Testing

/// The storage contract: every ``InspectionStore`` implementation passes these, against a real database.
enum StoreContract {
    /// Runs `body` with a store on a fresh, migrated database, and removes the database afterwards.
    static func withFreshStore(_ backend: Backend, _ body: (any InspectionStore, TestDatabase) async throws -> Void) async throws {
        let database = try backend.makeDatabase()
        defer { database.drop() }
        try await database.withStore { store in
            try await store.migrate()
            try await body(store, database)
        }
    }

    // MARK: - Idempotency

    static func acceptsThenReturnsTheOriginalReceipt(_ backend: Backend) async throws {
        try await withFreshStore(backend) { store, _ in
            let intakes = Fixtures.validIntakes(store: store)
            #expect(intakes.count == 12)
            let first = try await store.record(intakes)
            #expect(first.allSatisfy { $0.name == "accepted" }, "\(first.map(\.name))")
            let before = try await store.stats()

            let again = try await store.record(intakes)
            #expect(again.allSatisfy { $0.name == "duplicate" }, "\(again.map(\.name))")
            // The duplicate's receipt is the original one, and nothing was written.
            #expect(again.map(\.receipt) == first.map(\.receipt))
            #expect(try await store.stats() == before)

            for (intake, outcome) in zip(intakes, first) {
                guard case let .accepted(accepted) = intake, let receipt = outcome.receipt else { continue }
                #expect(receipt.sha256 == accepted.sha256)
                #expect(try await store.receipt(for: accepted.submission.id) == receipt)
                #expect(try await store.originalBytes(of: accepted.submission.id) == accepted.bytes, "bytes kept verbatim")
            }
            #expect(try await store.receipt(for: UUID()) == nil)
        }
    }

    static func sameIdOtherBytesIsAConflictNamingBothHashes(_ backend: Backend) async throws {
        try await withFreshStore(backend) { store, _ in
            let original = Fixtures.bytes("valid/monitoring-2011-tangzhuang-mingda-team-day.xml")
            let changed = original + Array("<!-- 改过的副本 -->\n".utf8)
            let intake = SubmissionIntake(validator: Fixtures.validator, store: store, scoring: Fixtures.scoring)
            let (first, _) = try await intake.submit(original, fileName: "a.xml")
            guard case let .accepted(receipt) = first else { Issue.record("not accepted: \(first)"); return }

            let (second, _) = try await intake.submit(changed, fileName: "b.xml")
            guard case let .conflict(conflict) = second else { Issue.record("not a conflict: \(second)"); return }
            #expect(conflict.submissionID == receipt.submissionID)
            #expect(conflict.storedSHA256 == Fixtures.sha256(original))
            #expect(conflict.offeredSHA256 == Fixtures.sha256(changed))
            #expect(conflict.en.contains(conflict.storedSHA256) && conflict.en.contains(conflict.offeredSHA256))
            #expect(conflict.zh.contains(conflict.storedSHA256) && conflict.zh.contains(conflict.offeredSHA256))

            // The refused bytes are kept for a person to see, the stored submission is untouched.
            let quarantine = try await store.quarantine(limit: 10)
            #expect(quarantine.map(\.sha256) == [conflict.offeredSHA256])
            #expect(quarantine.first?.findingCodes == [Conflict.findingCode])
            #expect(quarantine.first?.claimedID == receipt.submissionID)
            #expect(try await store.originalBytes(of: receipt.submissionID) == original)
            #expect(try await store.stats().count("submissions") == 1)
        }
    }

    static func rejectedFilesAreQuarantinedOnce(_ backend: Backend) async throws {
        try await withFreshStore(backend) { store, _ in
            let intakes = Fixtures.invalidIntakes(store: store)
            #expect(intakes.count == Fixtures.samplePaths("invalid").count - 2, "all but the two warning-only samples")
            let first = try await store.record(intakes)
            #expect(first.allSatisfy { $0.name == "rejected" }, "\(first.map(\.name))")
            let distinct = Set(intakes.map(\.sha256)).count
            #expect(try await store.stats().count("quarantine") == distinct)

            let again = try await store.record(intakes)
            #expect(try await store.stats().count("quarantine") == distinct, "re-ingesting a rejected file never duplicates it")
            for outcome in again {
                guard case let .rejected(entry) = outcome else { Issue.record("not rejected: \(outcome)"); continue }
                #expect(entry.attempts >= 2)
                #expect(!entry.findingCodes.isEmpty)
                #expect(entry.firstSeen <= entry.lastSeen)
            }
            let entries = try await store.quarantine(limit: 1000)
            let empty = try #require(entries.first { $0.fileName == "fmt-001-empty.xml" })
            #expect(empty.size == 0 && empty.findingCodes == ["ANK-FMT-001"])
            let semantic = try #require(entries.first { $0.fileName == "sem-002-org-check-digit.xml" })
            #expect(semantic.claimedID != nil, "a semantically invalid file still names its id")
            #expect(try await store.stats().count("submissions") == 0)
        }
    }

    // MARK: - Corrections

    static func aCorrectionSupersedesAndKeepsHistory(_ backend: Backend) async throws {
        try await withFreshStore(backend) { store, _ in
            let original = Fixtures.submission("valid/monitoring-2011-tangzhuang-mingda-team-day.xml")
            var correction = original
            correction.id = UUID()
            correction.supersedes = original.id
            correction.submittedAt = original.submittedAt.addingTimeInterval(3600)
            // The correction arrives first: superseding is derived, so order does not matter.
            let outcomes = try await store.record([Fixtures.accepted(correction), Fixtures.accepted(original)])
            #expect(outcomes.map(\.name) == ["accepted", "accepted"])
            #expect(outcomes[0].receipt?.supersedes == original.id)

            let current = try await store.submissions(SubmissionQuery())
            #expect(current.map(\.receipt.submissionID) == [correction.id])
            let all = try await store.submissions(SubmissionQuery(includeSuperseded: true))
            #expect(Set(all.map(\.receipt.submissionID)) == [original.id, correction.id])
            #expect(all.first { $0.receipt.submissionID == original.id }?.supersededBy == correction.id)
            #expect(try await store.originalBytes(of: original.id) != nil, "history is kept")
            let stats = try await store.stats()
            #expect(stats.supersededSubmissions == 1)
            #expect(stats.count("submissions") == 2)
            // Reports see only the correction's hazards.
            let hazards = try await store.hazards(HazardQuery())
            #expect(Set(hazards.map(\.submissionID)) == [correction.id])
            #expect(try await store.integrityCheck().isEmpty, "hazard_state equals the hazard_status view")
        }
    }

    /// A batch recorded with its sync deferred reads back like one recorded the ordinary way, once `durable` returns.
    static func deferredSyncRecordsTheSame(_ backend: Backend) async throws {
        try await withFreshStore(backend) { store, _ in
            let intakes = Fixtures.validIntakes(store: store)
            let (outcomes, durable) = try await store.recordAwaitingDurability(Array(intakes.prefix(6))) { outcomes in
                outcomes.map { AuditEntry(at: Date(), user: "test", action: $0.name, subject: $0.receipt?.sha256 ?? "") }
            }
            try await durable()
            try await durable()
            #expect(outcomes.allSatisfy { $0.name == "accepted" }, "\(outcomes.map(\.name))")
            let again = try await store.record(intakes)
            #expect(again.prefix(6).allSatisfy { $0.name == "duplicate" } && again.dropFirst(6).allSatisfy { $0.name == "accepted" })
            #expect(again.prefix(6).map(\.receipt) == outcomes.map(\.receipt))
            #expect(try await store.auditLog(limit: 100).filter { $0.user == "test" }.count == 6)
            #expect(try await store.integrityCheck().isEmpty)
        }
    }

    // MARK: - Hazard life-cycle

    static func hazardStatusFollowsRectificationAndVerification(_ backend: Backend) async throws {
        try await withFreshStore(backend) { store, _ in
            let record = Fixtures.submission("valid/monitoring-2012-sanduo-runfeng-workshop-night-major.xml")
            let notice = Fixtures.submission("valid/rectification-2012-sanduo-runfeng-major-inprogress.xml")
            let key = record.enterprise.key
            func status(_ hazard: String) async throws -> HazardRecord? {
                try await store.hazards(HazardQuery(enterpriseKey: key)).first { $0.submissionID == record.id && $0.hazardID == hazard }
            }

            _ = try await store.record([Fixtures.accepted(record)])
            #expect(try await status("H-01")?.status == .open)
            #expect(try await status("H-01")?.grade == .major)

            // The notice follows H-01 (整改中) and closes H-02 with a passed verification (销号).
            _ = try await store.record([Fixtures.accepted(notice)])
            let h1 = try #require(try await status("H-01"))
            #expect(h1.status == .inProgress)
            #expect(h1.latestRectification == notice.id)
            #expect(h1.responsiblePerson == notice.rectification?.findings.first { $0.sourceHazard == "H-01" }?.plan.responsiblePerson)
            #expect(try await status("H-02")?.status == .closed)
            #expect(try await status("H-02")?.closedOn != nil)

            // A later follow-up reports it fixed (待复查) …
            var followUp = notice
            followUp.id = UUID()
            var document = try #require(notice.rectification)
            document.issuedDate = document.issuedDate.adding(days: 20)
            document.findings = document.findings.filter { $0.sourceHazard == "H-01" }.map { finding in
                var finding = finding
                finding.status = .awaitingVerification
                return finding
            }
            document.verifications = []
            followUp.body = .rectification(document)
            _ = try await store.record([Fixtures.accepted(followUp)])
            #expect(try await status("H-01")?.status == .awaitingVerification)
            #expect(try await status("H-01")?.latestRectification == followUp.id)

            // … and a passed verification closes it.
            var verified = followUp
            verified.id = UUID()
            var closing = document
            closing.issuedDate = closing.issuedDate.adding(days: 10)
            let findingID = try #require(closing.findings.first?.id)
            closing.findings = closing.findings.map { finding in
                var finding = finding
                finding.status = .closed
                return finding
            }
            let verifier = Person(role: .unionInspector, name: "复查人")
            closing.verifications = [Verification(findingId: findingID, date: closing.issuedDate, result: .passed, verifier: verifier)]
            verified.body = .rectification(closing)
            _ = try await store.record([Fixtures.accepted(verified)])
            let closed = try #require(try await status("H-01"))
            #expect(closed.status == .closed)
            #expect(closed.closedOn == closing.issuedDate)

            let stats = try await store.stats()
            #expect(stats.hazardsByStatus["closed"] == 2)
            #expect(stats.hazardsByStatus["inProgress"] == nil)
            #expect(try await store.integrityCheck().isEmpty, "hazard_state equals the hazard_status view")
        }
    }

    /// A notice that reaches the log before the record whose hazards it follows up (or a correction before the
    /// submission it supersedes): the hazards' state still comes out as if they had arrived in order.
    static func hazardStateWhenTheFollowUpArrivesFirst(_ backend: Backend) async throws {
        try await withFreshStore(backend) { store, _ in
            let record = Fixtures.submission("valid/monitoring-2012-sanduo-runfeng-workshop-night-major.xml")
            let notice = Fixtures.submission("valid/rectification-2012-sanduo-runfeng-major-inprogress.xml")
            _ = try await store.record([Fixtures.accepted(notice)])
            _ = try await store.record([Fixtures.accepted(record)])
            let hazards = try await store.hazards(HazardQuery(enterpriseKey: record.enterprise.key)).filter { $0.submissionID == record.id }
            #expect(hazards.first { $0.hazardID == "H-01" }?.status == .inProgress)
            #expect(hazards.first { $0.hazardID == "H-01" }?.latestRectification == notice.id)
            #expect(hazards.first { $0.hazardID == "H-02" }?.status == .closed)

            var correction = record
            correction.id = UUID()
            var original = record
            original.id = UUID()
            correction.supersedes = original.id
            _ = try await store.record([Fixtures.accepted(correction)])
            _ = try await store.record([Fixtures.accepted(original)])
            let superseded = try await store.hazards(HazardQuery(enterpriseKey: record.enterprise.key)).filter { $0.submissionID == original.id }
            #expect(superseded.isEmpty, "a superseded submission's hazards have no current state")
            #expect(try await store.integrityCheck().isEmpty, "hazard_state equals the hazard_status view")
        }
    }

    static func samplesLinkHazardsWhateverTheOrder(_ backend: Backend) async throws {
        try await withFreshStore(backend) { store, _ in
            // Rectifications first, then the records they follow: the derived status is the same.
            let intakes = Fixtures.validIntakes(store: store).sorted { lhs, rhs in
                if case let .accepted(l) = lhs, case let .accepted(r) = rhs { return l.submission.kind.rawValue > r.submission.kind.rawValue }
                return false
            }
            _ = try await store.record(intakes)
            let hazards = try await store.hazards(HazardQuery())
            func find(_ submission: String, _ hazard: String) -> HazardRecord? {
                hazards.first { $0.submissionID == UUID(uuidString: submission) && $0.hazardID == hazard }
            }
            // 汤庄 team record: both hazards closed by the internal notice's passed verifications.
            #expect(find("6c540d41-63a4-435e-9656-9e063b065e8b", "H-01")?.status == .closed)
            #expect(find("6c540d41-63a4-435e-9656-9e063b065e8b", "H-02")?.status == .closed)
            // 三垛 night record: the major hazard is being rectified, the general one closed.
            #expect(find("62df0f04-eba0-44c3-9f2a-58a301ea2f78", "H-01")?.status == .inProgress)
            #expect(find("62df0f04-eba0-44c3-9f2a-58a301ea2f78", "H-02")?.status == .closed)
            // Findings with no earlier record are hazards of their own notice.
            let jianzhu = hazards.filter { $0.submissionID == UUID(uuidString: "89a99205-a3bc-4863-99f0-e6686b89946e") }
            #expect(Set(jianzhu.map(\.status)) == [.escalated, .closed, .awaitingVerification])
            let linze = hazards.filter { $0.submissionID == UUID(uuidString: "64de0cde-6d58-4635-9357-246ab720434b") }
            #expect(linze.count == 3 && linze.allSatisfy { $0.status == .closed })
            // Periods and enterprises filter.
            let in2011 = try await store.hazards(HazardQuery(from: CivilDate(iso: "2011-01-01"), to: CivilDate(iso: "2011-12-31")))
            #expect(!in2011.isEmpty && in2011.allSatisfy { $0.foundOn.year == 2011 })
            #expect(try await store.integrityCheck().isEmpty, "hazard_state equals the hazard_status view")
        }
    }

    // MARK: - Concurrency

    /// Distinct submissions made from the samples: new ids, so as many as wanted.
    static func manySubmissions(_ count: Int) -> [Intake] {
        let templates = Fixtures.samplePaths("valid").map { Fixtures.submission("valid/" + URL(fileURLWithPath: $0).lastPathComponent) }
        return (0..<count).map { index in
            var submission = templates[index % templates.count]
            submission.id = UUID()
            return Fixtures.accepted(submission)
        }
    }

    /// Many tasks on one store and on two independent stores record overlapping batches at once:
    /// exactly one row per id, exactly one `accepted` per id, never an error or a conflict.
    static func concurrentWritersNeverDuplicate(_ backend: Backend) async throws {
        let database = try backend.makeDatabase()
        defer { database.drop() }
        let shared = manySubmissions(60)
        try await database.withTwoStores { first, second in
            // Both migrate at once too.
            let applied = try await migrateConcurrently(first, second)
            #expect(applied.sorted() == [1, 2, 3, 4, 5, 6, 7, 8, 9], "each migration applied exactly once: \(applied)")

            let outcomes = try await race(first, second, shared: shared)
            #expect(outcomes.count == 8 * (60 + 5))
            #expect(outcomes.allSatisfy { $0.name == "accepted" || $0.name == "duplicate" }, "no conflict, no rejection")
            var acceptedPerID: [UUID: Int] = [:]
            for case let .accepted(receipt) in outcomes { acceptedPerID[receipt.submissionID, default: 0] += 1 }
            #expect(acceptedPerID.count == 60 + 8 * 5)
            #expect(acceptedPerID.values.allSatisfy { $0 == 1 })
            let stats = try await first.stats()
            #expect(stats.count("submissions") == 60 + 8 * 5)
            #expect(try await first.integrityCheck() == [])
        }
    }

    static func migrateConcurrently(_ first: any InspectionStore, _ second: any InspectionStore) async throws -> [Int] {
        try await withThrowingTaskGroup(of: [Int].self) { group in
            group.addTask { try await first.migrate() }
            group.addTask { try await second.migrate() }
            var applied: [Int] = []
            for try await versions in group { applied += versions }
            return applied
        }
    }

    /// Eight writers, alternating between the two stores, each recording the shared submissions plus
    /// five of its own, shuffled, in batches of its own size.
    static func race(_ first: any InspectionStore, _ second: any InspectionStore, shared: [Intake]) async throws -> [IngestOutcome] {
        try await withThrowingTaskGroup(of: [IngestOutcome].self) { group in
            for writer in 0..<8 {
                let store = writer.isMultiple(of: 2) ? first : second
                let order = (shared + manySubmissions(5)).shuffled()
                let size = 3 + writer * 2
                group.addTask {
                    var outcomes: [IngestOutcome] = []
                    var start = 0
                    while start < order.count {
                        outcomes += try await store.record(Array(order[start..<min(order.count, start + size)]))
                        start += size
                    }
                    return outcomes
                }
            }
            var all: [IngestOutcome] = []
            for try await outcomes in group { all += outcomes }
            return all
        }
    }

    // MARK: - Schema and statistics

    static func passwordsAndSessions(_ backend: Backend) async throws {
        try await withFreshStore(backend) { store, _ in
            let created = Date(timeIntervalSince1970: 1_700_000_000)
            let account = UserAccount(name: "王敏", role: .unitStaff, jurisdiction: ["高邮市", "临泽镇"], createdAt: created)
            try await store.addUser(account, tokenHash: String(repeating: "a", count: 64))
            #expect(try await store.credentials(user: "王敏")?.passwordHash == nil, "no password until one is set")
            #expect(try await store.setPassword(user: "王敏", hash: "$2b$04$hash"))
            #expect(try await store.setPassword(user: "nobody", hash: "$2b$04$hash") == false)
            #expect(try await store.credentials(user: "王敏") == Credentials(account: account, passwordHash: "$2b$04$hash"))

            let session = WebSession(tokenHash: String(repeating: "b", count: 64), userName: "王敏", createdAt: created,
                                     expiresAt: created.addingTimeInterval(3600))
            try await store.openSession(session)
            #expect(try await store.user(sessionHash: session.tokenHash, at: created.addingTimeInterval(60)) == account)
            #expect(try await store.user(sessionHash: session.tokenHash, at: created.addingTimeInterval(3601)) == nil, "expired")
            #expect(try await store.user(sessionHash: String(repeating: "c", count: 64), at: created) == nil)
            try await store.closeSession(tokenHash: session.tokenHash)
            #expect(try await store.user(sessionHash: session.tokenHash, at: created.addingTimeInterval(60)) == nil, "signed out")

            // A new password, and a revoked user, end every session.
            try await store.openSession(session)
            #expect(try await store.setPassword(user: "王敏", hash: "$2b$04$other"))
            #expect(try await store.user(sessionHash: session.tokenHash, at: created.addingTimeInterval(60)) == nil)
            try await store.openSession(WebSession(tokenHash: String(repeating: "d", count: 64), userName: "王敏", createdAt: created,
                                                   expiresAt: created.addingTimeInterval(3600)))
            #expect(try await store.revokeUser(named: "王敏", at: created.addingTimeInterval(10)))
            #expect(try await store.user(sessionHash: String(repeating: "d", count: 64), at: created.addingTimeInterval(60)) == nil)
            #expect(try await store.credentials(user: "王敏") == nil)
        }
    }

    static func recordAppendsItsAuditEntries(_ backend: Backend) async throws {
        try await withFreshStore(backend) { store, _ in
            let intakes = Fixtures.validIntakes(store: store) + Fixtures.invalidIntakes(store: store).prefix(2)
            let outcomes = try await store.record(intakes) { outcomes in
                outcomes.map { AuditEntry(at: Date(timeIntervalSince1970: 1_700_000_000), user: "王敏", action: $0.name, subject: "batch") }
            }
            let log = try await store.auditLog(limit: 1000)
            #expect(log.count == outcomes.count && log.allSatisfy { $0.user == "王敏" && $0.subject == "batch" })
            #expect(log.map(\.action).sorted() == outcomes.map(\.name).sorted())
        }
    }

    static func quarantineByUploader(_ backend: Backend) async throws {
        try await withFreshStore(backend) { store, _ in
            let rejected = Fixtures.invalidIntakes(store: store)
            _ = try await store.record(rejected)
            let first = rejected[0].sha256
            try await store.audit([AuditEntry(at: Date(), user: "王敏", action: "reject", subject: first)])
            #expect(try await store.quarantine(limit: 100, rejectedFor: "王敏").map(\.sha256) == [first])
            #expect(try await store.quarantine(limit: 100, rejectedFor: "李强").isEmpty)
            #expect(try await store.quarantine(limit: 100).count == Set(rejected.map(\.sha256)).count)
            let file = try #require(try await store.quarantinedFile(sha256: first, rejectedFor: "王敏"))
            #expect(file.entry.sha256 == first)
            #expect(file.findingsJSON.hasPrefix("["), "the findings as a JSON array")
            #expect(try await store.quarantinedFile(sha256: first, rejectedFor: nil) != nil)
            #expect(try await store.quarantinedFile(sha256: first, rejectedFor: "李强") == nil, "not the file of another user")
            #expect(try await store.quarantinedFile(sha256: String(repeating: "0", count: 64), rejectedFor: nil) == nil)
        }
    }

    static func migrationsAreIdempotent(_ backend: Backend) async throws {
        let database = try backend.makeDatabase()
        defer { database.drop() }
        try await database.withStore { store in
            let first = try await store.migrate()
            #expect(first == [1, 2, 3, 4, 5, 6, 7, 8, 9])
            #expect(try await store.migrate() == [])
        }
        // A new connection finds the schema in place.
        try await database.withStore { store async throws -> Void in
            #expect(try await store.migrate() == [])
            #expect(try await store.stats().schemaVersion == 9)
        }
    }

    static func statsCountEveryTable(_ backend: Backend) async throws {
        try await withFreshStore(backend) { store, _ in
            let empty = try await store.stats()
            #expect(empty.tables.map(\.table) == [
                "submissions", "enterprises", "item_results", "hazards", "rectification_findings", "verifications", "violations",
                "activities", "accidents", "notices", "quarantine",
            ])
            #expect(empty.tables.allSatisfy { $0.rows == 0 })

            let valid = Fixtures.validIntakes(store: store)
            let submissions = valid.compactMap { intake -> Submission? in
                if case let .accepted(accepted) = intake { accepted.submission } else { nil }
            }
            _ = try await store.record(valid + Fixtures.invalidIntakes(store: store))
            let stats = try await store.stats()
            #expect(stats.count("submissions") == 12)
            #expect(stats.count("enterprises") == Set(submissions.map(\.enterprise.key)).count)
            #expect(stats.count("item_results") == submissions.reduce(0) { $0 + $1.itemResults.count })
            #expect(stats.count("rectification_findings") == submissions.reduce(0) { $0 + ($1.rectification?.findings.count ?? 0) })
            #expect(stats.count("verifications") == submissions.reduce(0) { $0 + ($1.rectification?.verifications.count ?? 0) })
            #expect(stats.count("violations") == submissions.reduce(0) { $0 + ($1.monitoring?.violations?.violations.count ?? 0) })
            #expect(stats.count("activities") == submissions.reduce(0) { $0 + ($1.assessment?.activities.count ?? 0) })
            #expect(stats.count("accidents") == submissions.reduce(0) { $0 + ($1.assessment?.accidentSummary.accidents.count ?? 0) })
            #expect(stats.count("notices") == submissions.count { $0.kind == .hazardRectification })
            let linked = submissions.reduce(0) { $0 + ($1.rectification?.findings.filter { $0.sourceSubmission != nil }.count ?? 0) }
            #expect(stats.count("hazards") == submissions.reduce(0) { $0 + $1.hazards.count } - linked)
            #expect(stats.count("quarantine") > 20)
            #expect(stats.hazardsByStatus.values.reduce(0, +) == stats.count("hazards"))
            #expect(try await store.integrityCheck() == [])

            // Assessments carry their score; listings filter by enterprise and kind.
            let assessments = try await store.submissions(SubmissionQuery(kind: .ankangCupAssessment))
            #expect(assessments.count == 4)
            #expect(assessments.allSatisfy { $0.receipt.scoreTotal != nil && $0.receipt.grade != nil })
            let key = try #require(submissions.first?.enterprise.key)
            let byEnterprise = try await store.submissions(SubmissionQuery(enterpriseKey: key))
            #expect(!byEnterprise.isEmpty && byEnterprise.allSatisfy { $0.receipt.enterpriseKey == key })
        }
    }

    // MARK: - Report facts

    /// The report queries, written once for both dialects, read the same facts from either database,
    /// and those facts are the samples' own.
    static func reportFactsMatchTheSamples(_ backend: Backend) async throws {
        let scope = ReportScope(from: CivilDate(iso: "2011-01-01")!, to: CivilDate(iso: "2012-12-31")!, withScoreDetails: true,
                                peersFrom: CivilDate(iso: "2011-01-01")!, withNotices: true)
        let reference = try await withSQLiteSamples { try await $0.reportFacts(scope) }
        try await withFreshStore(backend) { store, _ in
            _ = try await store.record(Fixtures.validIntakes(store: store))
            let facts = try await store.reportFacts(scope)
            #expect(Set(facts.enterprises) == Set(reference.enterprises))
            // The explained score is the same JSON document (PostgreSQL's jsonb re-spaces and reorders keys).
            func withoutScore(_ submissions: [SubmissionFact]) -> Set<SubmissionFact> {
                Set(submissions.map { var fact = $0; fact.scoreJSON = nil; return fact })
            }
            func scores(_ submissions: [SubmissionFact]) throws -> [UUID: Score] {
                try Dictionary(uniqueKeysWithValues: submissions.compactMap { fact in
                    try fact.scoreJSON.map { (fact.id, try StoredJSON.decoder().decode(Score.self, from: Data($0.utf8))) }
                })
            }
            #expect(withoutScore(facts.submissions) == withoutScore(reference.submissions))
            let stored = try scores(facts.submissions)
            let referenceScores = try scores(reference.submissions)
            #expect(stored.count == 4 && stored == referenceScores)
            #expect(Set(facts.hazards) == Set(reference.hazards))
            #expect(Set(facts.failedItems) == Set(reference.failedItems))
            #expect(Set(facts.violations) == Set(reference.violations))
            #expect(Set(facts.accidents) == Set(reference.accidents))
            #expect(Set(facts.activities) == Set(reference.activities))
            #expect(Set(facts.notices) == Set(reference.notices))
            #expect(Set(facts.peerScores) == Set(reference.peerScores))

            let submissions = Fixtures.samplePaths("valid").map { Fixtures.submission("valid/" + URL(fileURLWithPath: $0).lastPathComponent) }
            #expect(facts.submissions.count == 12)
            #expect(facts.notices.count == submissions.count { $0.kind == .hazardRectification })
            #expect(facts.accidents.count == submissions.reduce(0) { $0 + ($1.assessment?.accidentSummary.accidents.count ?? 0) })
            #expect(facts.peerScores.count == submissions.count { $0.kind == .ankangCupAssessment })
            let tiers = facts.submissions.compactMap(\.tier)
            #expect(tiers.count == submissions.count { $0.kind == .monitoringRecord })
            #expect(Set(tiers) == Set(submissions.compactMap { $0.monitoring?.tier.level }))
            // The escalated sample's hazards carry the escalation; its notice names where it went.
            let escalated = try #require(facts.notices.first { $0.escalatedOn != nil })
            #expect(escalated.escalatedTo?.isEmpty == false)
            #expect(facts.hazards.contains { $0.escalated })
            // A slice narrows every table to the enterprise.
            let one = try #require(facts.enterprises.first)
            var narrow = scope
            narrow.enterprise = one.name
            let sliced = try await store.reportFacts(narrow)
            #expect(sliced.enterprises == [one])
            #expect(sliced.submissions.allSatisfy { $0.enterpriseKey == one.key } && !sliced.submissions.isEmpty)
            #expect(sliced.hazards.allSatisfy { $0.enterpriseKey == one.key })
        }
    }

    /// Runs `body` on a fresh SQLite store holding the valid samples.
    private static func withSQLiteSamples<T>(_ body: (any InspectionStore) async throws -> T) async throws -> T {
        let database = try Backend.sqlite.makeDatabase()
        defer { database.drop() }
        return try await database.withStore { store in
            try await store.migrate()
            _ = try await store.record(Fixtures.validIntakes(store: store))
            return try await body(store)
        }
    }
}
