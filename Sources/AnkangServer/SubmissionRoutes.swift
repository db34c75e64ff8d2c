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
        /// The grade's name in the page's language (web uploads only).
        var gradeLabel: String?
    }

    private func upload(_ request: Request, context: AnkangRequestContext, store: Bool) async throws -> Response {
        let user = try context.requireUser()
        var request = request
        let body = try await Uploads.collect(&request, environment: environment)
        // Many files at once: one answer per part, each with the status a single upload would have had.
        if let parts = try FormPart.parse(body, contentType: request.headers[.contentType]) {
            let files = parts.filter { $0.fileName != nil || $0.contentType != nil }
            return JSONBody.response(.ok, ["files": await Uploads.submit(files, user: user, store: store, environment: environment)])
        }
        let (status, answer) = try await Uploads.submit(
            Array(buffer: body), fileName: request.headers[.init("X-File-Name")!], contentType: request.headers[.contentType], user: user,
            store: store, environment: environment)
        return JSONBody.response(status, answer)
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
