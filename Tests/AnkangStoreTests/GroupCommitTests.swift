import AnkangIntake
import AnkangStore
import Foundation
import Synchronization
import Testing

/// The server's group commit: concurrent callers share transactions and each hears its own outcome.
@Suite("Group commit")
struct GroupCommitTests {
    @Test func concurrentCallersEachGetTheirOutcomeSQLite() async throws { try await Self.concurrentCallersEachGetTheirOutcome(.sqlite) }

    @Test(.enabled(if: PostgresServer.enabled, Comment(rawValue: PostgresServer.skipMessage)))
    func concurrentCallersEachGetTheirOutcomePostgres() async throws { try await Self.concurrentCallersEachGetTheirOutcome(.postgres) }

    /// 60 distinct files, 20 copies of one more and 3 invalid files at once, in transactions of at most 16; every
    /// transaction reported to the observer.
    static func concurrentCallersEachGetTheirOutcome(_ backend: Backend) async throws {
        try await StoreContract.withFreshStore(backend) { store, _ in
            let commits = Mutex<[Int]>([])
            let committer = GroupCommit(store: store, maxBatch: 16) { intakes, seconds in
                #expect(seconds > 0)
                commits.withLock { $0.append(intakes) }
            }
            let distinct = StoreContract.manySubmissions(60)
            let same = StoreContract.manySubmissions(1)[0]
            let intakes = distinct + Array(repeating: same, count: 20) + Fixtures.invalidIntakes(store: store).prefix(3)
            let outcomes = try await withThrowingTaskGroup(of: (Int, IngestOutcome).self) { group in
                for (index, intake) in intakes.enumerated() {
                    group.addTask {
                        (index, try await committer.record(intake) { outcome in
                            AuditEntry(at: Date(), user: "caller \(index)", action: outcome.name, subject: intake.sha256)
                        })
                    }
                }
                var outcomes = [IngestOutcome?](repeating: nil, count: intakes.count)
                for try await (index, outcome) in group { outcomes[index] = outcome }
                return outcomes.compactMap { $0 }
            }
            #expect(outcomes.count == intakes.count)
            #expect(outcomes.prefix(60).allSatisfy { $0.name == "accepted" })
            #expect(Set(outcomes.prefix(60).compactMap(\.receipt?.submissionID)).count == 60, "each caller got its own receipt")
            let retries = outcomes[60..<80]
            #expect(retries.filter { $0.name == "accepted" }.count == 1 && retries.filter { $0.name == "duplicate" }.count == 19)
            #expect(Set(retries.compactMap(\.receipt)).count == 1, "one receipt for all twenty")
            #expect(outcomes.suffix(3).allSatisfy { $0.name == "rejected" })
            let stats = try await store.stats()
            #expect(stats.count("submissions") == 61)
            let log = try await store.auditLog(limit: 1000)
            #expect(Set(log.compactMap(\.user)) == Set(intakes.indices.map { "caller \($0)" }), "every caller's audit entry, once")
            #expect(log.count == intakes.count)
            let sizes = commits.withLock { $0 }
            #expect(sizes.reduce(0, +) == intakes.count && sizes.allSatisfy { (1...16).contains($0) }, "transactions: \(sizes)")
            #expect(sizes.count < intakes.count, "some transactions held several intakes: \(sizes)")
        }
    }
}
