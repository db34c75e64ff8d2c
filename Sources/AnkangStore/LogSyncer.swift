import Dispatch
import Foundation

/// Makes commits of the write-ahead log durable after the write lock is released, so the writer can write
/// the next batch while the last one reaches the disk (group commit with early lock release).
///
/// A transaction committed with `synchronous = NORMAL` is in the log file but maybe only in the page cache;
/// `fdatasync` of the log file (any descriptor of the file will do) makes it durable. Syncs are shared: one
/// `fdatasync` covers every commit made before it started, so a caller waits for at most the running one and
/// the next. If power fails before the sync, SQLite's recovery drops the unsynced tail of the log; nothing
/// acknowledged is lost, because callers acknowledge only after ``sync(through:)`` returns. Log resets do not
/// interfere: SQLite restarts the log only after a checkpoint has copied it into the database file and, at
/// `NORMAL`, synced that file.
final class LogSyncer: @unchecked Sendable {
    private let path: String
    private let queue = DispatchQueue(label: "ankang.log-sync")
    private let lock = NSLock()
    // Guarded by `lock`:
    private var descriptor: Int32 = -1
    private var committed = 0
    private var synced = 0
    private var syncing = false
    private var waiters: [(generation: Int, continuation: CheckedContinuation<Void, any Error>)] = []

    /// A syncer for the log of the database at `path` (`path-wal`).
    init(databasePath path: String) {
        self.path = path + "-wal"
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Notes a commit (call it after the transaction committed); returns its generation for ``sync(through:)``.
    func didCommit() -> Int {
        lock.withLock {
            committed += 1
            return committed
        }
    }

    /// Returns once an `fdatasync` of the log that started after commit `generation` has completed.
    func sync(through generation: Int) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            enum Next { case done, wait, startSyncing }
            let next: Next = lock.withLock {
                if synced >= generation { return .done }
                waiters.append((generation, continuation))
                if syncing { return .wait }
                syncing = true
                return .startSyncing
            }
            switch next {
            case .done: continuation.resume()
            case .wait: break
            case .startSyncing: queue.async { self.syncLoop() }
            }
        }
    }

    /// Runs `fdatasync` until no waiter is left, resuming each waiter whose commit the last sync covered.
    private func syncLoop() {
        while true {
            let (target, fd): (Int, Int32) = lock.withLock {
                if descriptor < 0 { descriptor = open(path, O_RDWR | O_CLOEXEC) }
                return (committed, descriptor)
            }
            let failure: StoreError? = fd < 0 || fdatasync(fd) != 0
                ? StoreError(errno == ENOSPC ? .full : .unavailable, "\(path): the log could not be synced (errno \(errno))")
                : nil
            let (ready, finished): ([CheckedContinuation<Void, any Error>], Bool) = lock.withLock {
                if failure == nil { synced = max(synced, target) }
                let covered = waiters.filter { $0.generation <= target }.map(\.continuation)
                waiters.removeAll { $0.generation <= target }
                if waiters.isEmpty { syncing = false }
                return (covered, !syncing)
            }
            for continuation in ready {
                if let failure { continuation.resume(throwing: failure) } else { continuation.resume() }
            }
            if finished { return }
        }
    }
}
