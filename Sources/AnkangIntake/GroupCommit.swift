import AnkangStore
import Synchronization

/// Group commit for many concurrent writers (the server's uploads): intakes that arrive while a write is
/// under way wait, and go to the store together in the next transaction. Every caller gets its own
/// outcome only after the transaction holding its intake is durable, so an acknowledgement still
/// means "stored durably"; the cost of a commit is shared instead of paid once per upload, and the next
/// transaction is written while the last one is synced (``InspectionStore/recordAwaitingDurability(_:audit:)``).
///
/// Each intake may bring the audit entry its outcome calls for; the batch's entries are appended in the
/// same transaction.
///
/// If a batch fails as a whole (for example one intake trips an unexpected database error), each of its
/// intakes is retried in a transaction of its own, so one bad file never fails the others.
public actor GroupCommit {
    private let store: any InspectionStore
    private let maxBatch: Int
    /// Builds the audit entry for an outcome (nil: nothing to audit).
    public typealias Audit = @Sendable (IngestOutcome) -> AuditEntry?
    private var waiting: [(intake: Intake, audit: Audit, deliver: @Sendable (Result<IngestOutcome, any Error>) -> Void)] = []
    private var writing = false
    private let onCommit: CommitObserver

    /// Told of every durable transaction: how many intakes it held, and the seconds from the start of its write
    /// until it was durable (the server's metrics).
    public typealias CommitObserver = @Sendable (_ intakes: Int, _ seconds: Double) -> Void

    /// A committer writing to `store`, at most `maxBatch` intakes per transaction.
    public init(store: any InspectionStore, maxBatch: Int = 64, onCommit: @escaping CommitObserver = { _, _ in }) {
        self.store = store
        self.maxBatch = maxBatch
        self.onCommit = onCommit
    }

    /// Records one intake together with whatever else is waiting, and its audit entry; returns its outcome
    /// once both are committed.
    public func record(_ intake: Intake, audit: @escaping Audit = { _ in nil }) async throws -> IngestOutcome {
        try await record([(intake, audit)])[0]
    }

    /// Records several intakes, in this order, together with whatever else is waiting (a multipart upload's
    /// files); returns their outcomes in the same order once all are committed, or the first error.
    public func record(_ items: [(intake: Intake, audit: Audit)]) async throws -> [IngestOutcome] {
        guard !items.isEmpty else { return [] }
        return try await withCheckedThrowingContinuation { continuation in
            let outcomes = Outcomes(count: items.count, continuation: continuation)
            for (index, item) in items.enumerated() {
                waiting.append((item.intake, item.audit, { outcomes.deliver($0, at: index) }))
            }
            if !writing {
                writing = true
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(maxBatch))
            waiting.removeFirst(batch.count)
            let started = ContinuousClock.now
            do {
                let audits = batch.map(\.audit)
                // The next batch is written while this one's commit reaches the disk; its callers hear back after.
                let (outcomes, durable) = try await store.recordAwaitingDurability(batch.map(\.intake)) { outcomes in
                    zip(audits, outcomes).compactMap { audit, outcome in audit(outcome) }
                }
                Task { [onCommit] in
                    do {
                        try await durable()
                        onCommit(batch.count, (ContinuousClock.now - started).inSeconds)
                        for (entry, outcome) in zip(batch, outcomes) { entry.deliver(.success(outcome)) }
                    } catch {
                        for entry in batch { entry.deliver(.failure(error)) }
                    }
                }
            } catch {
                guard batch.count > 1 else {
                    batch[0].deliver(.failure(error))
                    continue
                }
                for entry in batch {
                    do {
                        let audit = entry.audit
                        let outcome = try await store.record([entry.intake]) { outcomes in outcomes.compactMap(audit) }[0]
                        onCommit(1, (ContinuousClock.now - started).inSeconds)
                        entry.deliver(.success(outcome))
                    } catch {
                        entry.deliver(.failure(error))
                    }
                }
            }
        }
        writing = false
    }
}

/// The outcomes of one call's intakes as their transactions finish: the call resumes once every intake has one,
/// or at the first failure.
private final class Outcomes: Sendable {
    private struct State {
        var outcomes: [IngestOutcome?]
        var missing: Int
        var continuation: CheckedContinuation<[IngestOutcome], any Error>?
    }

    private let state: Mutex<State>

    init(count: Int, continuation: CheckedContinuation<[IngestOutcome], any Error>) {
        state = Mutex(State(outcomes: Array(repeating: nil, count: count), missing: count, continuation: continuation))
    }

    func deliver(_ result: Result<IngestOutcome, any Error>, at index: Int) {
        let finished: (CheckedContinuation<[IngestOutcome], any Error>, Result<[IngestOutcome], any Error>)? = state.withLock { state in
            guard let continuation = state.continuation else { return nil }
            switch result {
            case let .success(outcome):
                state.outcomes[index] = outcome
                state.missing -= 1
                guard state.missing == 0 else { return nil }
                state.continuation = nil
                return (continuation, .success(state.outcomes.map { $0! }))
            case let .failure(error):
                state.continuation = nil
                return (continuation, .failure(error))
            }
        }
        if let (continuation, result) = finished { continuation.resume(with: result) }
    }
}
