import AnkangIntake
import AnkangModel
import AnkangStore
import AnkangXML
import Foundation
import Hummingbird

/// Uploads (`POST /submissions`, `POST /validate`) and reads of the log (`GET /submissions…`).
struct SubmissionRoutes {
    let environment: ServiceEnvironment

    func register(on group: RouterGroup<AnkangRequestContext>) {
        group.post("submissions") { request, context in try await upload(request, context: context, store: true) }
        group.post("validate") { request, context in try await upload(request, context: context, store: false) }
        group.get("submissions") { request, context in try await list(request, context: context) }
        group.get("submissions/:id") { _, context in try await one(context: context, original: false) }
        group.get("submissions/:id/xml") { _, context in try await one(context: context, original: true) }
    }

    /// What an upload answers: the receipt (or why not) and the validator's findings.
    struct UploadAnswer: Encodable {
        var outcome: String
        var receipt: Receipt?
        var storedSHA256: String?
        var offeredSHA256: String?
        var findings: [Diagnostic]
        var error: APIError.ErrorBody.Detail?
    }

    private func upload(_ request: Request, context: AnkangRequestContext, store: Bool) async throws -> Response {
        let user = try context.requireUser()
        if store, !user.role.mayUpload {
            environment.metrics.upload("denied")
            throw APIError.forbidden("只读用户不能上传", "a read-only user cannot upload")
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: environment.maxUploadBytes)
        } catch {
            environment.metrics.upload("too_large")
            throw APIError.tooLarge(environment.maxUploadBytes)
        }
        let bytes = Array(buffer: body)
        guard Self.looksLikeXML(bytes, contentType: request.headers[.contentType]) else {
            environment.metrics.upload("not_xml")
            throw APIError.unsupportedMediaType()
        }
        let started = ContinuousClock.now
        let prepared = environment.intake.prepare(bytes, fileName: request.headers[.init("X-File-Name")!])
        let elapsed = ContinuousClock.now - started
        environment.metrics.validation(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)

        if case let .accepted(accepted) = prepared.intake {
            let jurisdiction = accepted.submission.enterprise.jurisdiction
            guard user.covers([jurisdiction.city.name, jurisdiction.unit.name]) else {
                environment.metrics.upload("denied")
                try? await environment.store.audit([AuditEntry(at: Date(), user: user.name, action: "denied", subject: accepted.submission.id.uuidString.lowercased(),
                                                               detail: "\(jurisdiction.city.name)/\(jurisdiction.unit.name)")])
                throw APIError.forbidden("\(jurisdiction.city.name)/\(jurisdiction.unit.name) 不在您的管辖范围（\(user.jurisdiction.joined(separator: "/"))）内",
                                         "\(jurisdiction.city.name)/\(jurisdiction.unit.name) is outside your jurisdiction (\(user.jurisdiction.joined(separator: "/")))")
            }
        }
        guard store else {
            let valid: Bool
            if case .accepted = prepared.intake { valid = true } else { valid = false }
            return JSONBody.response(valid ? .ok : .unprocessableContent,
                                     UploadAnswer(outcome: valid ? "valid" : "invalid", findings: prepared.diagnostics))
        }
        let outcome: IngestOutcome
        do {
            outcome = try await environment.store.record([prepared.intake])[0]
        } catch {
            throw APIError.unavailable(error)
        }
        environment.metrics.upload(outcome.name)
        var audit = AuditEntry(at: Date(), user: user.name, action: outcome.name, subject: prepared.intake.sha256)
        let response: Response
        switch outcome {
        case let .accepted(receipt):
            audit.action = receipt.supersedes == nil ? "accept" : "supersede"
            audit.subject = receipt.submissionID.uuidString.lowercased()
            audit.detail = receipt.supersedes.map { "supersedes \($0.uuidString.lowercased())" } ?? receipt.kind.rawValue
            response = JSONBody.response(.created, UploadAnswer(outcome: "accepted", receipt: receipt, findings: prepared.diagnostics))
        case let .duplicate(receipt):
            audit.subject = receipt.submissionID.uuidString.lowercased()
            response = JSONBody.response(.ok, UploadAnswer(outcome: "duplicate", receipt: receipt, findings: prepared.diagnostics))
        case let .conflict(conflict):
            audit.subject = conflict.submissionID.uuidString.lowercased()
            audit.detail = "stored \(conflict.storedSHA256), offered \(conflict.offeredSHA256)"
            response = JSONBody.response(.conflict, UploadAnswer(
                outcome: "conflict", storedSHA256: conflict.storedSHA256, offeredSHA256: conflict.offeredSHA256, findings: prepared.diagnostics,
                error: .init(code: "ANK-API-409", zh: "提交编号已存在，但内容不同", en: "the submission id exists with different bytes")))
        case .rejected:
            audit.action = "reject"
            audit.detail = Set(prepared.diagnostics.filter { $0.severity == .error }.map(\.code)).sorted().joined(separator: " ")
            response = JSONBody.response(.unprocessableContent, UploadAnswer(
                outcome: "rejected", findings: prepared.diagnostics,
                error: .init(code: "ANK-API-422", zh: "文件未通过校验，已存入隔离区", en: "the file is invalid and was quarantined")))
        }
        try? await environment.store.audit([audit])
        return response
    }

    /// XML, as far as the first bytes tell: a byte order mark or `<` after white space. A declared
    /// content type other than XML (or none, or octet-stream) is refused too.
    static func looksLikeXML(_ bytes: [UInt8], contentType: String?) -> Bool {
        if let type = contentType?.lowercased().split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces) }),
           !(type.hasSuffix("/xml") || type.hasSuffix("+xml") || type == "application/octet-stream") {
            return false
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        return bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "<")
    }

    private func list(_ request: Request, context: AnkangRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let parameters = request.uri.queryParameters
        var query = SubmissionQuery(limit: min(max(parameters.get("limit", as: Int.self) ?? 100, 1), 1000))
        query.enterpriseKey = parameters.get("enterprise")
        query.kind = parameters.get("kind").flatMap(DocumentKind.init(rawValue:))
        query.from = parameters.get("from").flatMap(CivilDate.init(iso:))
        query.to = parameters.get("to").flatMap(CivilDate.init(iso:))
        query.jurisdictionUnit = parameters.get("unit")
        // A unit-level user sees only that unit; a city-level user may narrow to one.
        if user.jurisdiction.count >= 2 {
            if let unit = query.jurisdictionUnit, unit != user.jurisdiction[1] {
                throw APIError.forbidden("\(unit) 不在您的管辖范围内", "\(unit) is outside your jurisdiction")
            }
            query.jurisdictionUnit = user.jurisdiction[1]
        }
        do {
            let rows = try await environment.store.submissions(query)
            return JSONBody.response(.ok, ["submissions": rows])
        } catch {
            throw APIError.unavailable(error)
        }
    }

    private func one(context: AnkangRequestContext, original: Bool) async throws -> Response {
        let user = try context.requireUser()
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw APIError.notFound("提交 (submission)") }
        do {
            guard let receipt = try await environment.store.receipt(for: id),
                  let summary = try await environment.store.submissions(SubmissionQuery(enterpriseKey: receipt.enterpriseKey, includeSuperseded: true, limit: 1000))
                    .first(where: { $0.receipt.submissionID == id }) else {
                throw APIError.notFound("提交 (submission)")
            }
            guard user.jurisdiction.count < 2 || summary.jurisdictionUnit == user.jurisdiction[1] else {
                throw APIError.forbidden("该提交不在您的管辖范围内", "the submission is outside your jurisdiction")
            }
            guard original else { return JSONBody.response(.ok, summary) }
            let bytes = try await environment.store.originalBytes(of: id) ?? []
            return Response(status: .ok, headers: [.contentType: "application/xml"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.unavailable(error)
        }
    }
}
