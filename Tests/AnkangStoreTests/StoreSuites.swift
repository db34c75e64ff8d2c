import Testing

/// The storage contract against SQLite store.
@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test func acceptsThenReturnsTheOriginalReceipt() async throws { try await StoreContract.acceptsThenReturnsTheOriginalReceipt(.sqlite) }
    @Test func sameIdOtherBytesIsAConflictNamingBothHashes() async throws { try await StoreContract.sameIdOtherBytesIsAConflictNamingBothHashes(.sqlite) }
    @Test func rejectedFilesAreQuarantinedOnce() async throws { try await StoreContract.rejectedFilesAreQuarantinedOnce(.sqlite) }
    @Test func aCorrectionSupersedesAndKeepsHistory() async throws { try await StoreContract.aCorrectionSupersedesAndKeepsHistory(.sqlite) }
    @Test func deferredSyncRecordsTheSame() async throws { try await StoreContract.deferredSyncRecordsTheSame(.sqlite) }
    @Test func hazardStatusFollowsRectificationAndVerification() async throws { try await StoreContract.hazardStatusFollowsRectificationAndVerification(.sqlite) }
    @Test func hazardStateWhenTheFollowUpArrivesFirst() async throws { try await StoreContract.hazardStateWhenTheFollowUpArrivesFirst(.sqlite) }
    @Test func samplesLinkHazardsWhateverTheOrder() async throws { try await StoreContract.samplesLinkHazardsWhateverTheOrder(.sqlite) }
    @Test func concurrentWritersNeverDuplicate() async throws { try await StoreContract.concurrentWritersNeverDuplicate(.sqlite) }
    @Test func passwordsAndSessions() async throws { try await StoreContract.passwordsAndSessions(.sqlite) }
    @Test func quarantineByUploader() async throws { try await StoreContract.quarantineByUploader(.sqlite) }
    @Test func recordAppendsItsAuditEntries() async throws { try await StoreContract.recordAppendsItsAuditEntries(.sqlite) }
    @Test func migrationsAreIdempotent() async throws { try await StoreContract.migrationsAreIdempotent(.sqlite) }
    @Test func statsCountEveryTable() async throws { try await StoreContract.statsCountEveryTable(.sqlite) }
    @Test func reportFactsMatchTheSamples() async throws { try await StoreContract.reportFactsMatchTheSamples(.sqlite) }
}

/// The storage contract against PostgreSQL store.
@Suite("PostgreSQL store", .enabled(if: PostgresServer.enabled, Comment(rawValue: PostgresServer.skipMessage)))
struct PostgresStoreTests {
    @Test func acceptsThenReturnsTheOriginalReceipt() async throws { try await StoreContract.acceptsThenReturnsTheOriginalReceipt(.postgres) }
    @Test func sameIdOtherBytesIsAConflictNamingBothHashes() async throws { try await StoreContract.sameIdOtherBytesIsAConflictNamingBothHashes(.postgres) }
    @Test func rejectedFilesAreQuarantinedOnce() async throws { try await StoreContract.rejectedFilesAreQuarantinedOnce(.postgres) }
    @Test func aCorrectionSupersedesAndKeepsHistory() async throws { try await StoreContract.aCorrectionSupersedesAndKeepsHistory(.postgres) }
    @Test func deferredSyncRecordsTheSame() async throws { try await StoreContract.deferredSyncRecordsTheSame(.postgres) }
    @Test func hazardStatusFollowsRectificationAndVerification() async throws { try await StoreContract.hazardStatusFollowsRectificationAndVerification(.postgres) }
    @Test func hazardStateWhenTheFollowUpArrivesFirst() async throws { try await StoreContract.hazardStateWhenTheFollowUpArrivesFirst(.postgres) }
    @Test func samplesLinkHazardsWhateverTheOrder() async throws { try await StoreContract.samplesLinkHazardsWhateverTheOrder(.postgres) }
    @Test func concurrentWritersNeverDuplicate() async throws { try await StoreContract.concurrentWritersNeverDuplicate(.postgres) }
    @Test func passwordsAndSessions() async throws { try await StoreContract.passwordsAndSessions(.postgres) }
    @Test func quarantineByUploader() async throws { try await StoreContract.quarantineByUploader(.postgres) }
    @Test func recordAppendsItsAuditEntries() async throws { try await StoreContract.recordAppendsItsAuditEntries(.postgres) }
    @Test func migrationsAreIdempotent() async throws { try await StoreContract.migrationsAreIdempotent(.postgres) }
    @Test func statsCountEveryTable() async throws { try await StoreContract.statsCountEveryTable(.postgres) }
    @Test func reportFactsMatchTheSamples() async throws { try await StoreContract.reportFactsMatchTheSamples(.postgres) }
}
