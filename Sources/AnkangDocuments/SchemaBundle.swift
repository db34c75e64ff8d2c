import AnkangModel
import AnkangXML
import Foundation

/// Ankang's trusted schemas and data, compiled once and shared by every thread: the three submission
/// schemas, the catalogue schema, and every checklist catalogue (validated against its schema at load).
///
/// The default bundle is embedded in the binary at build time from `schemas/`, so validation works
/// offline from any directory; ``init(directory:)`` loads another folder of the same layout instead.
public final class SchemaBundle: Sendable {
    /// Namespace of the submission schemas, version 1.
    public static let submissionNamespace = "urn:ankang:inspection:1"
    /// Namespace of the checklist catalogue schema, version 1.
    public static let catalogueNamespace = "urn:ankang:catalogue:1"

    /// Main schema file of each document kind.
    static let schemaFiles: [DocumentKind: String] = [
        .ankangCupAssessment: "ankang-cup-assessment-1.xsd",
        .monitoringRecord: "monitoring-record-1.xsd",
        .hazardRectification: "hazard-rectification-1.xsd",
    ]
    static let catalogueSchemaFile = "checklist-catalogue-1.xsd"

    /// Where the files came from: "embedded" or a folder path.
    public let origin: String
    let files: TrustedSchemaFiles
    let schemas: [DocumentKind: CompiledSchema]
    let catalogueSchema: CompiledSchema
    /// Checklist catalogues by version (year).
    public let catalogues: [String: ChecklistCatalogue]

    /// The bundle embedded in this binary; compiled on first use.
    public static func embedded() throws -> SchemaBundle { try embeddedBundle.get() }
    private static let embeddedBundle = Result { try SchemaBundle(files: EmbeddedSchemaFiles.files, origin: "embedded") }

    /// Loads every `.xsd` and `.xml` file under `directory` (the layout of the repository's `schemas/`).
    public convenience init(directory: URL) throws {
        var files: [String: [UInt8]] = [:]
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw SchemaBundleError.unreadable(directory.path)
        }
        for case let url as URL in enumerator where ["xsd", "xml"].contains(url.pathExtension) {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            let relative = String(path.dropFirst(root.path.count + 1))
            files[relative] = Array(try Data(contentsOf: url))
        }
        try self.init(files: files, origin: root.path)
    }

    init(files raw: [String: [UInt8]], origin: String) throws {
        self.origin = origin
        let files = TrustedSchemaFiles(raw)
        self.files = files
        var schemas: [DocumentKind: CompiledSchema] = [:]
        for (kind, file) in Self.schemaFiles {
            schemas[kind] = try CompiledSchema(file, from: files)
        }
        self.schemas = schemas
        let catalogueSchema = try CompiledSchema(Self.catalogueSchemaFile, from: files)
        self.catalogueSchema = catalogueSchema
        var catalogues: [String: ChecklistCatalogue] = [:]
        for (name, bytes) in raw where name.hasPrefix("catalogue/") && name.hasSuffix(".xml") {
            let result = XMLValidator().validate(bytes, selectSchema: { _ in .validate(catalogueSchema) }) { root, diagnostics in
                CatalogueReader.read(root, diagnostics: &diagnostics)
            }
            guard result.isValid, let catalogue = result.value ?? nil else {
                throw SchemaBundleError.invalidCatalogue(name, result.diagnostics)
            }
            if catalogues[catalogue.version] != nil { throw SchemaBundleError.duplicateCatalogue(catalogue.version) }
            catalogues[catalogue.version] = catalogue
        }
        self.catalogues = catalogues
    }

    /// The compiled schema of a document kind.
    public func schema(for kind: DocumentKind) -> CompiledSchema { schemas[kind]! }

    /// The raw bytes of a bundled file, e.g. `catalogue/catalogue-2011.xml`.
    public func file(_ relativePath: String) -> [UInt8]? { files.files[relativePath] }
}

/// Why a schema folder could not be used.
public enum SchemaBundleError: Error, CustomStringConvertible {
    case unreadable(String)
    case invalidCatalogue(String, [Diagnostic])
    case duplicateCatalogue(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read schema folder \(path)"
        case .invalidCatalogue(let name, let diagnostics):
            "catalogue \(name) is invalid: " + diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.en)" }.joined(separator: "; ")
        case .duplicateCatalogue(let version): "two catalogues have version \(version)"
        }
    }
}
