import GRDB
import Logging

/// Copies the write-ahead log back into the database file on a connection of its own, after commits, so
/// that no commit waits for it.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses the threshold: that writer copies the
/// whole log into the database file and syncs it before its callers hear back, while every other writer
/// queues behind it. Here the writer only checkpoints when the log has grown far past the usual size (the
/// backstop, for a checkpointer that falls behind); after a commit this actor runs a passive checkpoint,
/// at most one per `interval`, which neither blocks nor waits for readers and writers. Durability does not
/// change: a commit is durable once it is in the synced log, and SQLite makes the copy crash-safe.
actor WALCheckpointer {
    /// The writer's own checkpoint threshold, in pages (16 KiB each): only reached if this actor falls behind.
    static let backstopPages = 8_192

    private let connection: DatabaseQueue
    private let interval: Duration
    private let logger: Logger
    private var scheduled = false

    /// A checkpointer for the database at `path` (which must exist), at most one checkpoint per `interval`.
    init(path: String, interval: Duration = .milliseconds(100), logger: Logger) throws {
        var configuration = Configuration()
        configuration.label = "ankang.checkpoint"
        configuration.busyMode = .timeout(5)
        connection = try DatabaseQueue(path: path, configuration: configuration)
        self.interval = interval
        self.logger = logger
    }

    /// Notes a commit: a checkpoint runs within `interval` unless one is already due.
    nonisolated func didCommit() {
        Task { await schedule() }
    }

    private func schedule() {
        guard !scheduled else { return }
        scheduled = true
        Task {
            try? await Task.sleep(for: interval)
            await checkpoint()
        }
    }

    private func checkpoint() async {
        scheduled = false
        do {
            let (logged, copied) = try await connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            logger.trace("checkpoint", metadata: ["logFrames": "\(logged)", "copiedFrames": "\(copied)"])
        } catch {
            // A busy or full disk: the next commit schedules another try, and the writer's backstop remains.
            logger.debug("checkpoint failed", metadata: ["error": "\(error)"])
        }
    }
}
