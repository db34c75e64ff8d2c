@testable import AnkangStore
import Foundation
import Testing

/// The log syncer shares `fdatasync` calls among commits and reports a log it cannot sync.
@Suite struct LogSyncerTests {
    @Test func concurrentCommitsAllBecomeDurable() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ankang-logsync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("log.sqlite").path
        #expect(FileManager.default.createFile(atPath: database + "-wal", contents: Data("frames".utf8)))
        let syncer = LogSyncer(databasePath: database)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 {
                group.addTask { try await syncer.sync(through: syncer.didCommit()) }
            }
            try await group.waitForAll()
        }
        // A commit already covered by a finished sync returns at once, as does an older one.
        let generation = syncer.didCommit()
        try await syncer.sync(through: generation)
        try await syncer.sync(through: generation)
        try await syncer.sync(through: 1)
    }

    @Test func aMissingLogIsAnError() async throws {
        let syncer = LogSyncer(databasePath: "/nonexistent/ankang-\(UUID().uuidString).sqlite")
        await #expect(throws: (any Error).self) { try await syncer.sync(through: syncer.didCommit()) }
    }
}
