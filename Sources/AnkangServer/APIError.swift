import Foundation
import Hummingbird

/// An API failure: an HTTP status, a stable code, and a message in Chinese and English. Every error body
/// is `{"error": {"code": …, "zh": …, "en": …}}`, with more fields for some (findings, hashes).
struct APIError: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var code: String
    var zh: String
    var en: String
    var headers: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.response(status, ErrorBody(error: .init(code: code, zh: zh, en: en)), headers: headers)
    }

    static func unauthorized() -> APIError {
        APIError(status: .unauthorized, code: "ANK-API-401", zh: "需要有效的访问令牌", en: "a valid API token is required",
                 headers: [.wwwAuthenticate: "Bearer realm=\"ankang\""])
    }

    static func forbidden(_ zh: String, _ en: String) -> APIError {
        APIError(status: .forbidden, code: "ANK-API-403", zh: zh, en: en)
    }

    static func badRequest(_ zh: String, _ en: String) -> APIError {
        APIError(status: .badRequest, code: "ANK-API-400", zh: zh, en: en)
    }

    static func notFound(_ what: String) -> APIError {
        APIError(status: .notFound, code: "ANK-API-404", zh: "没有找到\(what)", en: "no such \(what)")
    }

    static func tooLarge(_ limit: Int) -> APIError {
        APIError(status: .contentTooLarge, code: "ANK-API-413", zh: "文件超过大小上限 \(limit) 字节", en: "the body is over the size limit of \(limit) bytes")
    }

    static func unsupportedMediaType() -> APIError {
        APIError(status: .unsupportedMediaType, code: "ANK-API-415", zh: "请求体不是 XML 文档", en: "the body is not an XML document")
    }

    static func unavailable(_ error: some Error) -> APIError {
        APIError(status: .serviceUnavailable, code: "ANK-API-503", zh: "数据库暂不可用：\(error)", en: "the database is unavailable: \(error)")
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            var code: String
            var zh: String
            var en: String
        }
        var error: Detail
    }
}

/// JSON responses, encoded the same way everywhere (sorted keys, ISO 8601 dates).
enum JSONBody {
    static func response(_ status: HTTPResponse.Status, _ value: some Encodable, headers: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
