import CLibXML2

/// One error as libxml2 raised it, copied out before the document is freed.
struct RawError {
    var domain: Int32
    var code: Int32
    var isWarning: Bool
    var message: String
    var line: Int
    /// Column from the parser (libxml2 gives 0 for schema errors).
    var column: Int
    /// The node the error is about (schema errors), valid while the document lives.
    var node: UnsafeMutableRawPointer?
}

/// Collects libxml2's structured errors for one document or schema, up to a limit.
///
/// It is installed as the calling thread's structured error handler (a thread-local setting in libxml2) for
/// the duration of one synchronous parse, and as the validation context's handler; nothing is printed.
final class ErrorCollector {
    let limit: Int
    private(set) var errors: [RawError] = []
    /// Errors beyond `limit`, counted but not kept.
    private(set) var dropped = 0
    /// Set by the DOCTYPE hook.
    var sawDoctype = false

    init(limit: Int) { self.limit = limit }

    func add(_ error: xmlError) {
        guard errors.count < limit else {
            dropped += 1
            return
        }
        var message = error.message.map { String(cString: $0) } ?? ""
        while message.last == "\n" || message.last == " " { message.removeLast() }
        errors.append(RawError(
            domain: error.domain, code: error.code, isWarning: error.level == XML_ERR_WARNING,
            message: message, line: Int(error.line), column: Int(error.int2), node: error.node))
    }

    /// Routes the current thread's libxml2 errors here until ``uninstall()``.
    func install() {
        ankang_xml_silence_generic_errors()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(self).toOpaque(), Self.handler)
    }

    func uninstall() { xmlSetStructuredErrorFunc(nil, nil) }

    /// The C callback; `context` is an unretained `ErrorCollector`.
    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
    }
}
