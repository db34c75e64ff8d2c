import AnkangReports
import AnkangStore
import Foundation
import Hummingbird

/// OpenRosa form submission (`HEAD`/`POST /submission`), so mobile data-collection clients can send Ankang
/// XML: `X-OpenRosa-Version: 1.0` required, HTTP Basic authentication (user name and API token as the
/// password), the document in the multipart part `xml_submission_file`, answers in an `OpenRosaResponse`.
struct OpenRosaRoutes {
    let environment: ServiceEnvironment

    func register(on router: Router<AnkangRequestContext>) {
        router.on("submission", method: .head) { request, _ in
            _ = try await authenticate(request)
            return Response(status: .noContent, headers: headers([.init("X-OpenRosa-Accept-Content-Length")!: String(environment.maxUploadBytes)]))
        }
        router.post("submission") { request, _ in
            let user = try await authenticate(request)
            var request = request
            let body = try await Uploads.collect(&request, environment: environment)
            guard let parts = try FormPart.parse(body, contentType: request.headers[.contentType]),
                  let file = parts.first(where: { $0.name == "xml_submission_file" }) else {
                return response(.badRequest, nature: "error", "缺少 xml_submission_file 部分", "no xml_submission_file part")
            }
            do {
                let (status, answer) = try await Uploads.submit(file.bytes, fileName: file.fileName, contentType: file.contentType ?? "text/xml",
                                                                user: user, store: true, environment: environment)
                switch status {
                case .created, .ok:
                    // OpenRosa clients retry until they see 201: an identical retry answers 201 with the original receipt.
                    let id = answer.receipt?.submissionID.uuidString.lowercased() ?? ""
                    return response(.created, nature: "submit_success", "已接收，编号 \(id)", "received, id \(id)", receipt: id)
                default:
                    let findings = answer.findings.filter { $0.severity == .error }.prefix(5).map { finding in
                        "\(finding.line.map { "line \($0): " } ?? "")\(finding.code) \(finding.zh) — \(finding.en)"
                    }
                    return response(status == .conflict ? .conflict : .badRequest, nature: "error",
                                    (answer.error?.zh ?? "未接收") + "：" + findings.joined(separator: "；"),
                                    (answer.error?.en ?? "not accepted") + ": " + findings.joined(separator: "; "))
                }
            } catch let error as APIError {
                return response(error.status, nature: "error", error.zh, error.en)
            }
        }
    }

    /// The user named by Basic credentials whose password is their API token; a 401 challenge otherwise.
    private func authenticate(_ request: Request) async throws -> UserAccount {
        guard request.headers[.init("X-OpenRosa-Version")!] == "1.0" else {
            throw APIError.badRequest("需要 X-OpenRosa-Version: 1.0 请求头", "the X-OpenRosa-Version: 1.0 header is required")
        }
        let challenge = APIError(status: .unauthorized, code: "ANK-API-401", zh: "需要用户名和访问令牌", en: "a user name and API token are required",
                                 headers: [.wwwAuthenticate: "Basic realm=\"ankang\", charset=\"UTF-8\""])
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("basic "),
              let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let credentials = String(data: decoded, encoding: .utf8), let colon = credentials.firstIndex(of: ":") else {
            throw challenge
        }
        let name = String(credentials[..<colon])
        let token = String(credentials[credentials.index(after: colon)...])
        let user: UserAccount?
        do {
            user = try await environment.store.user(tokenHash: APIToken.hash(token))
        } catch {
            throw APIError.unavailable(error)
        }
        guard let user, user.name == name else { throw challenge }
        return user
    }

    private func headers(_ extra: HTTPFields = [:]) -> HTTPFields {
        var fields = extra
        fields[.init("X-OpenRosa-Version")!] = "1.0"
        return fields
    }

    /// An `OpenRosaResponse` document.
    private func response(_ status: HTTPResponse.Status, nature: String, _ zh: String, _ en: String, receipt: String? = nil) -> Response {
        let message = XMLText.escape("\(zh) — \(en)")
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <OpenRosaResponse xmlns="http://openrosa.org/http/response"><message nature="\(nature)">\(message)</message>\
            \(receipt.map { "<submissionMetadata xmlns=\"http://www.opendatakit.org/xforms\" instanceID=\"uuid:\($0)\"/>" } ?? "")</OpenRosaResponse>

            """
        return Response(status: status, headers: headers([.contentType: "text/xml; charset=utf-8"]),
                        body: ResponseBody(byteBuffer: ByteBuffer(string: xml)))
    }
}
