import AnkangDocuments
import AnkangIntake
import AnkangStore
import AnkangXML
import Foundation
import Hummingbird

/// The one upload path of the service (REST, multipart parts and OpenRosa alike): check the bytes are
/// XML, validate and score, check the jurisdiction, record, audit, count.
enum Uploads {
    /// The request body, or a 413 past the service's limit (a multipart body may hold several files of that size).
    static func collect(_ request: inout Request, environment: ServiceEnvironment) async throws -> ByteBuffer {
        let multipart = request.headers[.contentType]?.lowercased().hasPrefix("multipart/") == true
        let limit = multipart ? environment.maxUploadBytes * 16 : environment.maxUploadBytes
        do {
            return try await request.collectBody(upTo: limit)
        } catch {
            environment.metrics.upload("too_large")
            throw APIError.tooLarge(limit)
        }
    }

    /// One file's answer within a multipart upload.
    struct FileAnswer: Encodable {
        var file: String
        var status: Int
        var answer: SubmissionRoutes.UploadAnswer
    }

    /// How many files of a multipart body are validated and stored at a time: it bounds the memory their
    /// validated contents hold.
    static let partsAtATime = 64

    /// Takes in the files of a multipart body; each gets the answer a single upload would have had, a refusal
    /// (403, 413, 415) included. The files are checked and validated on as many tasks as there are cores, and
    /// the valid ones go to the log together, in the body's order (a transaction per ``partsAtATime`` files,
    /// not one per file).
    static func submit(_ parts: [FormPart], user: UserAccount, store: Bool, environment: ServiceEnvironment) async -> [FileAnswer] {
        var answers: [FileAnswer] = []
        for start in stride(from: 0, to: parts.count, by: partsAtATime) {
            let chunk = Array(parts[start..<min(start + partsAtATime, parts.count)])
            answers += await submitTogether(chunk, user: user, store: store, environment: environment)
        }
        return answers
    }

    /// Checks and validates `parts` in parallel, then stores the valid ones together, in order.
    private static func submitTogether(_ parts: [FormPart], user: UserAccount, store: Bool, environment: ServiceEnvironment) async -> [FileAnswer] {
        var checked = [Result<PreparedFile, APIError>?](repeating: nil, count: parts.count)
        await withTaskGroup(of: (Int, Result<PreparedFile, APIError>).self) { group in
            var next = 0
            func startNext() {
                guard next < parts.count else { return }
                let (index, part) = (next, parts[next])
                group.addTask {
                    (index, await check(part.bytes, fileName: part.fileName, contentType: part.contentType, user: user, store: store,
                                        environment: environment))
                }
                next += 1
            }
            for _ in 0..<SubmissionValidator.defaultWorkers { startNext() }
            for await (index, result) in group {
                checked[index] = result
                startNext()
            }
        }
        let results = checked.map { $0! }  // the group ran every part
        var recorded: Result<[IngestOutcome], APIError> = .success([])
        if store {
            do {
                recorded = .success(try await record(results.compactMap { try? $0.get() }, user: user, environment: environment))
            } catch {
                recorded = .failure(error)
            }
        }
        var outcomes = ((try? recorded.get()) ?? []).makeIterator()
        return zip(parts, results).map { part, result in
            let (status, answer) = switch (result, recorded) {
            case let (.failure(refused), _), let (.success, .failure(refused)): refusal(refused)
            case let (.success(prepared), .success): store ? Self.answer(outcomes.next()!, diagnostics: prepared.diagnostics) : validationAnswer(prepared)
            }
            return FileAnswer(file: part.fileName ?? part.name ?? "", status: Int(status.code), answer: answer)
        }
    }

    /// Takes in one file; `store: false` validates and scores only. Throws an ``APIError`` for 403/413/415.
    static func submit(
        _ bytes: [UInt8], fileName: String?, contentType: String?, user: UserAccount, store: Bool, environment: ServiceEnvironment
    ) async throws -> (HTTPResponse.Status, SubmissionRoutes.UploadAnswer) {
        let prepared = try await check(bytes, fileName: fileName, contentType: contentType, user: user, store: store, environment: environment).get()
        guard store else { return validationAnswer(prepared) }
        return answer(try await record([prepared], user: user, environment: environment)[0], diagnostics: prepared.diagnostics)
    }

    /// Checks one file (role, size, XML, jurisdiction) and validates and scores it; fails with the refusal (403, 413, 415).
    private static func check(
        _ bytes: [UInt8], fileName: String?, contentType: String?, user: UserAccount, store: Bool, environment: ServiceEnvironment
    ) async -> Result<PreparedFile, APIError> {
        if store, !user.role.mayUpload {
            environment.metrics.upload("denied")
            return .failure(.forbidden("只读用户不能上传", "a read-only user cannot upload"))
        }
        guard bytes.count <= environment.maxUploadBytes else {
            environment.metrics.upload("too_large")
            return .failure(.tooLarge(environment.maxUploadBytes))
        }
        guard looksLikeXML(bytes, contentType: contentType) else {
            environment.metrics.upload("not_xml")
            return .failure(.unsupportedMediaType())
        }
        let started = ContinuousClock.now
        let prepared = environment.intake.prepare(bytes, fileName: fileName)
        environment.metrics.validation(seconds: (ContinuousClock.now - started).inSeconds)

        if case let .accepted(accepted) = prepared.intake {
            let jurisdiction = accepted.submission.enterprise.jurisdiction
            let place = "\(jurisdiction.city.name)/\(jurisdiction.unit.name)"
            guard user.covers([jurisdiction.city.name, jurisdiction.unit.name]) else {
                environment.metrics.upload("denied")
                try? await environment.store.audit([AuditEntry(at: Date(), user: user.name, action: "denied",
                                                               subject: accepted.submission.id.uuidString.lowercased(), detail: place)])
                let mine = user.jurisdiction.joined(separator: "/")
                return .failure(.forbidden("\(place) 不在您的管辖范围（\(mine)）内", "\(place) is outside your jurisdiction (\(mine))"))
            }
        }
        return .success(prepared)
    }

    /// Records prepared files in the log, in order, each with its audit line; counts their outcomes. A failure of
    /// the log is a 503.
    private static func record(_ files: [PreparedFile], user: UserAccount, environment: ServiceEnvironment) async throws(APIError) -> [IngestOutcome] {
        let items = files.map { file -> (intake: Intake, audit: GroupCommit.Audit) in
            let (sha256, diagnostics) = (file.intake.sha256, file.diagnostics)
            return (file.intake, { outcome in auditEntry(for: outcome, user: user.name, sha256: sha256, diagnostics: diagnostics) })
        }
        let outcomes: [IngestOutcome]
        do {
            outcomes = try await environment.committer.record(items)
        } catch {
            throw APIError.unavailable(error)
        }
        for outcome in outcomes { environment.metrics.upload(outcome.name) }
        return outcomes
    }

    /// The answer of a validation without storing: 200 valid, 422 invalid.
    private static func validationAnswer(_ prepared: PreparedFile) -> (HTTPResponse.Status, SubmissionRoutes.UploadAnswer) {
        if case .accepted = prepared.intake { return (.ok, .init(outcome: "valid", findings: prepared.diagnostics)) }
        return (.unprocessableContent, .init(outcome: "invalid", findings: prepared.diagnostics))
    }

    /// The answer of a stored file: 201 accepted, 200 identical retry, 409 conflict, 422 rejected.
    private static func answer(_ outcome: IngestOutcome, diagnostics: [Diagnostic]) -> (HTTPResponse.Status, SubmissionRoutes.UploadAnswer) {
        typealias Answer = SubmissionRoutes.UploadAnswer
        switch outcome {
        case let .accepted(receipt):
            return (.created, Answer(outcome: "accepted", receipt: receipt, findings: diagnostics))
        case let .duplicate(receipt):
            return (.ok, Answer(outcome: "duplicate", receipt: receipt, findings: diagnostics))
        case let .conflict(conflict):
            return (.conflict, Answer(
                outcome: "conflict", storedSHA256: conflict.storedSHA256, offeredSHA256: conflict.offeredSHA256, findings: diagnostics,
                error: .init(code: "ANK-API-409", zh: "提交编号已存在，但内容不同", en: "the submission id exists with different bytes")))
        case .rejected:
            return (.unprocessableContent, Answer(
                outcome: "rejected", findings: diagnostics,
                error: .init(code: "ANK-API-422", zh: "文件未通过校验，已存入隔离区", en: "the file is invalid and was quarantined")))
        }
    }

    /// A file's refusal as its answer within a multipart upload.
    private static func refusal(_ error: APIError) -> (HTTPResponse.Status, SubmissionRoutes.UploadAnswer) {
        (error.status, .init(outcome: "refused", findings: [], error: .init(code: error.code, zh: error.zh, en: error.en)))
    }

    /// The audit line of an upload's outcome: accept, supersede, duplicate, conflict or reject.
    static func auditEntry(for outcome: IngestOutcome, user: String, sha256: String, diagnostics: [Diagnostic]) -> AuditEntry {
        var audit = AuditEntry(at: Date(), user: user, action: outcome.name, subject: sha256)
        switch outcome {
        case let .accepted(receipt):
            audit.action = receipt.supersedes == nil ? "accept" : "supersede"
            audit.subject = receipt.submissionID.uuidString.lowercased()
            audit.detail = receipt.supersedes.map { "supersedes \($0.uuidString.lowercased())" } ?? receipt.kind.rawValue
        case let .duplicate(receipt):
            audit.subject = receipt.submissionID.uuidString.lowercased()
        case let .conflict(conflict):
            audit.subject = conflict.submissionID.uuidString.lowercased()
            audit.detail = "stored \(conflict.storedSHA256), offered \(conflict.offeredSHA256)"
        case .rejected:
            audit.action = "reject"
            audit.detail = Set(diagnostics.filter { $0.severity == .error }.map(\.code)).sorted().joined(separator: " ")
        }
        return audit
    }

    /// XML, as far as the first bytes tell: a byte order mark or `<` after white space. A declared
    /// content type other than XML or octet-stream is refused too.
    static func looksLikeXML(_ bytes: [UInt8], contentType: String?) -> Bool {
        if let type = contentType?.lowercased().split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces) }),
           !(type.hasSuffix("/xml") || type.hasSuffix("+xml") || type == "application/octet-stream") {
            return false
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        return bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "<")
    }
}
