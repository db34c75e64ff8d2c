import Foundation
import Hummingbird
import MultipartKit

/// One part of a `multipart/form-data` body.
struct FormPart: Sendable {
    /// The form field (`name=`), e.g. `xml_submission_file`.
    var name: String?
    /// The file name (`filename=`), if the part is a file.
    var fileName: String?
    var contentType: String?
    var bytes: [UInt8]

    /// The parts of `body`, whose `Content-Type` is `multipart/form-data; boundary=…`; nil for another type.
    static func parse(_ body: ByteBuffer, contentType: String?) throws -> [FormPart]? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        guard let boundary = parameter("boundary", of: contentType), !boundary.isEmpty else {
            throw APIError.badRequest("multipart 请求缺少 boundary", "the multipart body has no boundary")
        }
        var parts: [FormPart] = []
        var current = FormPart(bytes: [])
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { field, value in
            switch field.lowercased() {
            case "content-disposition":
                current.name = parameter("name", of: value)
                current.fileName = parameter("filename", of: value)
            case "content-type":
                current.contentType = value
            default:
                break
            }
        }
        parser.onBody = { buffer in current.bytes += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            parts.append(current)
            current = FormPart(bytes: [])
        }
        do {
            try parser.execute(body)
        } catch {
            throw APIError.badRequest("multipart 请求格式错误", "the multipart body is malformed")
        }
        return parts
    }

    /// A `key=value` or `key="value"` parameter of a header value.
    static func parameter(_ key: String, of header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            return pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
        }
        return nil
    }
}
