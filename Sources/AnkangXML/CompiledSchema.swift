import CLibXML2
import Synchronization

/// A set of trusted schema documents held in memory, served to libxml2 by Ankang's entity loader.
///
/// Files refer to each other with relative `xs:include` locations; nothing is read from disk while
/// compiling, so the set that was loaded (embedded in the binary, or read from `--schemas DIR`) is
/// exactly the set that is used.
public struct TrustedSchemaFiles: Sendable {
    /// Base URL under which the files are registered with the entity loader.
    let base: String
    /// File names (relative paths such as `monitoring-record-1.xsd`) to their bytes.
    public let files: [String: [UInt8]]

    public init(_ files: [String: [UInt8]]) {
        LibXML.ensureInitialized()
        self.files = files
        self.base = TrustedSchemaStore.register(files)
    }
}

/// Why a trusted schema did not compile. A bug in Ankang's own schemas, not in a submission.
public struct SchemaCompilationError: Error, CustomStringConvertible {
    public let schema: String
    public let messages: [String]
    public var description: String { "schema \(schema) does not compile: " + messages.joined(separator: "; ") }
}

/// One compiled XSD, shared read-only by every thread. Each validation creates its own validation context.
///
/// libxml2 2.9.14 may validate many documents against one compiled schema concurrently; it may not compile
/// schemas concurrently, so compilation is serialised here.
public final class CompiledSchema: @unchecked Sendable {
    /// The main file's name within its ``TrustedSchemaFiles``.
    public let name: String
    let pointer: xmlSchemaPtr
    private let document: xmlDocPtr

    private static let compilationLock = Mutex<Void>(())

    /// Compiles `mainFile` of `files`; includes resolve within `files` only.
    public init(_ mainFile: String, from files: TrustedSchemaFiles) throws(SchemaCompilationError) {
        LibXML.ensureInitialized()
        guard let bytes = files.files[mainFile] else {
            throw SchemaCompilationError(schema: mainFile, messages: ["no such file in the schema set"])
        }
        let collector = ErrorCollector(limit: 50)
        let result: Compiled? = Self.compilationLock.withLock { _ in
            collector.install()
            defer { collector.uninstall() }
            let url = files.base + mainFile
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
            guard let document = bytes.withUnsafeBufferPointer({ buffer in
                buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), url, nil, options) }
            }) else { return nil }
            guard let context = xmlSchemaNewDocParserCtxt(document) else {
                xmlFreeDoc(document)
                return nil
            }
            defer { xmlSchemaFreeParserCtxt(context) }
            xmlSchemaSetParserStructuredErrors(context, ErrorCollector.handler, Unmanaged.passUnretained(collector).toOpaque())
            guard let schema = xmlSchemaParse(context) else {
                xmlFreeDoc(document)
                return nil
            }
            return Compiled(document: document, schema: schema)
        }
        guard let result else {
            throw SchemaCompilationError(schema: mainFile, messages: collector.errors.map { "\($0.line): \($0.message)" })
        }
        self.name = mainFile
        self.document = result.document
        self.pointer = result.schema
    }

    /// The libxml2 objects made by one compilation, handed out of the compilation lock.
    private struct Compiled: @unchecked Sendable {
        let document: xmlDocPtr
        let schema: xmlSchemaPtr
    }

    deinit {
        xmlSchemaFree(pointer)
        xmlFreeDoc(document)
    }
}
