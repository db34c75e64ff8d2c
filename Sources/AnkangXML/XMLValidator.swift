import CLibXML2
import Synchronization

/// What to do with a well-formed document, decided from its root element.
public enum SchemaSelection {
    /// Validate against this schema.
    case validate(CompiledSchema)
    /// Refuse the document with this finding (unknown type, unsupported version, …).
    case reject(Diagnostic)
}

/// The outcome of validating one document.
public struct XMLValidationResult<Value> {
    /// Every finding, in the order found (capped by ``XMLLimits/maxDiagnostics``).
    public var diagnostics: [Diagnostic]
    /// What the `inspect` closure returned; `nil` unless the document was well-formed and schema-valid.
    public var value: Value?
    /// The encoding the document was read in, once known.
    public var encoding: SourceEncoding?

    /// True when no finding is an error.
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// Hardened parsing and XSD validation of untrusted submissions.
///
/// Per document: size cap → format and encoding checks → Ankang's markup scan (DOCTYPE, depth, attribute
/// count) → libxml2 parse from memory (no entities, no DTD, no network; DOCTYPE hook as a second line) →
/// schema chosen from the root element → XSD validation with a fresh context → `inspect` on the tree.
/// Safe to call from many threads at once.
public struct XMLValidator: Sendable {
    public var limits: XMLLimits

    public init(limits: XMLLimits = .standard) {
        LibXML.ensureInitialized()
        self.limits = limits
    }

    /// libxml2 parser options: never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE.
    static let parseOptions = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

    /// `parseOptions`, plus dropping the whitespace-only text between elements (indentation) unless the
    /// scan saw a comment, PI or CDATA inside an element: there libxml2's heuristic would also drop
    /// whitespace that belongs to a value, and the verdict could differ from a plain parse. The
    /// indentation is ~40 % of a generated submission's nodes; the schemas allow no text there anyway.
    static func parseOptions(for scanner: MarkupScanner) -> Int32 {
        scanner.hasMarkupInsideElements ? parseOptions : parseOptions | Int32(XML_PARSE_NOBLANKS.rawValue)
    }

    /// Validates `bytes`. `selectSchema` sees the root element of a well-formed document; `inspect` runs on
    /// a schema-valid document and may add findings of its own (semantic rules).
    public func validate<Value>(
        _ bytes: [UInt8],
        selectSchema: (ElementView) -> SchemaSelection,
        inspect: (ElementView, inout [Diagnostic]) -> Value
    ) -> XMLValidationResult<Value> {
        if bytes.count > limits.maxBytes {
            return XMLValidationResult(diagnostics: [Diagnostic(.error, .tooLarge,
                zh: "文件大小 \(bytes.count) 字节，超过上限 \(limits.maxBytes) 字节",
                en: "the file is \(bytes.count) bytes, over the limit of \(limits.maxBytes) bytes")], value: nil)
        }
        let input: SniffedInput
        switch InputSniffer.sniff(bytes) {
        case .failure(let diagnostic): return XMLValidationResult(diagnostics: [diagnostic], value: nil)
        case .success(let sniffed): input = sniffed
        }
        var scanner = MarkupScanner(bytes: input.scanBytes, encoding: input.encoding == .gb18030 ? .gb18030 : .utf8, limits: limits)
        if let refusal = scanner.scan(from: input.scanOffset) {
            return XMLValidationResult(diagnostics: [refusal], value: nil, encoding: input.encoding)
        }
        let collector = ErrorCollector(limit: limits.maxDiagnostics)
        return withExtendedLifetime(collector) {
            var result = run(bytes, input: input, scanner: scanner, collector: collector, selectSchema: selectSchema, inspect: inspect)
            result.encoding = input.encoding
            return result
        }
    }

    private func run<Value>(
        _ bytes: [UInt8], input: SniffedInput, scanner: MarkupScanner, collector: ErrorCollector,
        selectSchema: (ElementView) -> SchemaSelection,
        inspect: (ElementView, inout [Diagnostic]) -> Value
    ) -> XMLValidationResult<Value> {
        // Everything libxml2 makes for this document (context, dictionary, tree, validation state) lives in
        // the thread's document arena and is freed inside it; schema selection and `inspect` run with it paused.
        DocumentArena.withArena {
            guard let parser = xmlNewParserCtxt() else { return internalFailure("xmlNewParserCtxt failed") }
            // Runs last (defers run in reverse order), after the document made with this context is freed.
            defer { xmlFreeParserCtxt(parser) }
            return parse(bytes, input: input, parser: parser, scanner: scanner, collector: collector, selectSchema: selectSchema, inspect: inspect)
        }
    }

    private func parse<Value>(
        _ bytes: [UInt8], input: SniffedInput, parser: xmlParserCtxtPtr, scanner: MarkupScanner, collector: ErrorCollector,
        selectSchema: (ElementView) -> SchemaSelection,
        inspect: (ElementView, inout [Diagnostic]) -> Value
    ) -> XMLValidationResult<Value> {
        let collectorPointer = Unmanaged.passUnretained(collector).toOpaque()
        parser.pointee._private = collectorPointer
        parser.pointee.sax.pointee.internalSubset = rejectDoctype
        collector.install()
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlCtxtReadMemory(parser, $0.baseAddress, Int32($0.count), nil, nil, Self.parseOptions(for: scanner)) }
        }
        collector.uninstall()
        if collector.sawDoctype {
            if let parsed { DocumentArena.free(parsed) }
            return XMLValidationResult(diagnostics: [Diagnostic(.error, .doctypeForbidden,
                zh: "提交文件不得包含 DOCTYPE 声明（文档类型定义和实体都不受理）",
                en: "a submission must not contain a DOCTYPE declaration (no DTDs or entities are accepted)")], value: nil)
        }
        guard let document = parsed, parser.pointee.wellFormed != 0, let rootNode = xmlDocGetRootElement(document) else {
            if let parsed { DocumentArena.free(parsed) }
            if input.encoding == .utf8, let mismatch = InputSniffer.utf8Mismatch(bytes, declared: input.declaredEncoding) {
                return XMLValidationResult(diagnostics: [mismatch], value: nil)
            }
            var diagnostics = collector.errors.filter { !$0.isWarning }.map { error -> Diagnostic in
                let (zh, en) = ErrorTranslation.parserError(code: error.code, message: error.message)
                return Diagnostic(.error, .notWellFormed, zh: zh, en: en,
                                  line: error.line > 0 ? error.line : nil, column: error.column > 0 ? error.column : nil)
            }
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(.error, .notWellFormed, zh: "XML 格式错误：文档没有根元素", en: "the document has no root element"))
            }
            return XMLValidationResult(diagnostics: diagnostics, value: nil)
        }
        defer { DocumentArena.free(document) }
        let source = SourceMap(scanner: scanner, root: rootNode)
        // Element views hold the source map unowned: keep it alive while any view may be used.
        return withExtendedLifetime(source) {
            validateTree(document, root: ElementView(node: rootNode, source: source), source: source, collector: collector,
                     collectorPointer: collectorPointer, selectSchema: selectSchema, inspect: inspect)
        }
    }

    private func validateTree<Value>(
        _ document: xmlDocPtr, root: ElementView, source: SourceMap, collector: ErrorCollector, collectorPointer: UnsafeMutableRawPointer,
        selectSchema: (ElementView) -> SchemaSelection,
        inspect: (ElementView, inout [Diagnostic]) -> Value
    ) -> XMLValidationResult<Value> {
        let schema: CompiledSchema
        switch DocumentArena.paused({ selectSchema(root) }) {
        case .reject(let diagnostic):
            var located = diagnostic
            if located.line == nil {
                let position = root.position
                (located.line, located.column, located.path) = (position.line, position.column, position.path)
            }
            return XMLValidationResult(diagnostics: [located], value: nil)
        case .validate(let selected):
            schema = selected
        }

        guard let validation = xmlSchemaNewValidCtxt(schema.pointer) else { return internalFailure("xmlSchemaNewValidCtxt failed") }
        defer { xmlSchemaFreeValidCtxt(validation) }
        xmlSchemaSetValidStructuredErrors(validation, ErrorCollector.handler, collectorPointer)
        collector.install()
        let status = xmlSchemaValidateDoc(validation, document)
        collector.uninstall()

        var diagnostics = collector.errors.map { error -> Diagnostic in
            let (code, zh, en) = ErrorTranslation.schemaError(code: error.code, message: error.message)
            var position = source.position(of: error.node, attribute: ErrorTranslation.attributeSubject(of: error.message))
            if position.path == nil, error.line > 0, let element = ErrorTranslation.elementSubject(of: error.message),
               let found = source.position(ofElementNamed: element, endingOnLine: error.line) {
                position = found
            }
            return Diagnostic(error.isWarning ? .warning : .error, code, zh: zh, en: en,
                              line: position.line ?? (error.line > 0 ? error.line : nil), column: position.column, path: position.path)
        }
        if status < 0 {
            diagnostics.append(Diagnostic(.error, .internalError,
                zh: "校验器内部错误，文件未通过校验", en: "internal validator error; the file was not accepted"))
        } else if status > 0, !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(Diagnostic(.error, .schemaOther, zh: "文件不符合架构", en: "the document is not valid against the schema"))
        }
        var value: Value?
        if status == 0 {
            value = DocumentArena.paused { inspect(root, &diagnostics) }
        }
        if collector.dropped > 0 || diagnostics.count > limits.maxDiagnostics {
            let hidden = collector.dropped + max(0, diagnostics.count - limits.maxDiagnostics)
            diagnostics = Array(diagnostics.prefix(limits.maxDiagnostics))
            diagnostics.append(Diagnostic(.warning, .tooManyFindings,
                zh: "另有 \(hidden) 条问题未列出（每个文件最多列出 \(limits.maxDiagnostics) 条）",
                en: "\(hidden) more findings not shown (at most \(limits.maxDiagnostics) per file)"))
        }
        return XMLValidationResult(diagnostics: diagnostics, value: value)
    }

    private func internalFailure<Value>(_ what: String) -> XMLValidationResult<Value> {
        XMLValidationResult(diagnostics: [Diagnostic(.error, .internalError,
            zh: "校验器内部错误（\(what)），文件未通过校验", en: "internal validator error (\(what)); the file was not accepted")], value: nil)
    }
}

/// SAX hook called at `<!DOCTYPE`, before its internal subset is read: stop the parser at once.
private let rejectDoctype: internalSubsetSAXFunc = { context, _, _, _ in
    guard let context else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    if let collector = parser.pointee._private {
        Unmanaged<ErrorCollector>.fromOpaque(collector).takeUnretainedValue().sawDoctype = true
    }
    xmlStopParser(parser)
}
