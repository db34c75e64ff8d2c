import AnkangModel
import AnkangXML
import Dispatch
import Foundation
import Synchronization

/// Ankang's trusted schemas and data, compiled once and shared by every thread: the three submission
/// schemas, the catalogue schema, and every checklist catalogue (validated against its schema at load).
///
/// The default bundle is embedded in the binary at build time from `schemas/`, so validation works
/// offline from any directory; ``init(directory:)`` loads another folder of the same layout instead.
///
/// The embedded bundle compiles each submission schema on first use, so a run that checks one kind of
/// document compiles one schema, reads the scoring profiles only when something scores, and loads the
/// catalogues (with their schema) on a background thread from the start, ready when the first semantic rules
/// need them. A folder given with ``init(directory:)`` is
/// compiled and loaded in full at once, so a broken folder is reported at load.
public final class SchemaBundle: Sendable {
    /// Namespace of the submission schemas, version 1.
    public static let submissionNamespace = "urn:ankang:inspection:1"
    /// Namespace of the checklist catalogue schema, version 1.
    public static let catalogueNamespace = "urn:ankang:catalogue:1"
    /// Namespace of the scoring profile schema, version 1.
    public static let profileNamespace = ProfileReader.namespace

    /// Main schema file of each document kind.
    static let schemaFiles: [DocumentKind: String] = [
        .ankangCupAssessment: "ankang-cup-assessment-1.xsd",
        .monitoringRecord: "monitoring-record-1.xsd",
        .hazardRectification: "hazard-rectification-1.xsd",
    ]
    static let catalogueSchemaFile = "checklist-catalogue-1.xsd"
    static let profileSchemaFile = "scoring-profile-1.xsd"

    /// Where the files came from: "embedded" or a folder path.
    public let origin: String
    let files: TrustedSchemaFiles
    /// The submission schemas, each compiled on first use.
    private let schemas: [DocumentKind: Lazy<Result<CompiledSchema, SchemaCompilationError>>]
    /// The catalogues (validated against their schema), loaded once.
    private let catalogueSet: Lazy<Result<CatalogueSet, any Error>>
    /// Checklist catalogues by version (year).
    public var catalogues: [String: ChecklistCatalogue] {
        Self.bundled(loadedCatalogues(), "catalogues").catalogues
    }
    /// The profile schema and the bundled profiles, loaded once.
    private let profileSet: Lazy<Result<ProfileSet, any Error>>
    /// Scoring profiles by id, from `profiles/*.xml` (validated against their schema at load).
    public var profiles: [String: ScoringProfile] {
        Self.bundled(profileSet.value, "profiles").profiles
    }

    /// The bundle embedded in this binary; compiled on first use.
    public static func embedded() throws -> SchemaBundle { try embeddedBundle.get() }
    private static let embeddedBundle = Result { try SchemaBundle(files: EmbeddedSchemaFiles.files, origin: "embedded", eager: false) }

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
        try self.init(files: files, origin: root.path, eager: true)
    }

    /// `eager`: compile every schema and load the catalogues now, throwing what fails; otherwise each part
    /// is compiled or loaded on first use (for the embedded files, which the tests check).
    init(files raw: [String: [UInt8]], origin: String, eager: Bool) throws {
        self.origin = origin
        let files = TrustedSchemaFiles(raw)
        self.files = files
        var schemas: [DocumentKind: Lazy<Result<CompiledSchema, SchemaCompilationError>>] = [:]
        for (kind, file) in Self.schemaFiles {
            schemas[kind] = Lazy { Result { () throws(SchemaCompilationError) in try CompiledSchema(file, from: files) } }
        }
        self.schemas = schemas
        self.catalogueSet = Lazy { Result { try Self.loadCatalogues(raw, files: files) } }
        self.profileSet = Lazy { Result { try ProfileSet(raw, files: files) } }
        if eager {
            for (kind, _) in Self.schemaFiles { _ = try schemas[kind]!.value.get() }
            _ = try catalogueSet.value.get()
            _ = try profileSet.value.get()
        } else {
            // Nearly every run needs the catalogues (for the semantic rules of any schema-valid submission):
            // load them on another thread now, while this one goes on to the files.
            let catalogueSet = self.catalogueSet
            DispatchQueue.global(qos: .userInitiated).async { _ = catalogueSet.value }
        }
    }

    /// Reads a scoring profile from outside the bundle (`--profile PATH`), validated against the profile
    /// schema; throws ``ProfileLoadError`` with the findings when it is not a valid profile.
    public func loadProfile(_ bytes: [UInt8], source: String = "<profile>") throws(ProfileLoadError) -> ScoringProfile {
        try ProfileReader.load(bytes, schema: Self.bundled(profileSet.value, "profile schema").schema, source: source)
    }

    /// The compiled schema of a document kind (compiled now if this is its first use).
    public func schema(for kind: DocumentKind) -> CompiledSchema {
        Self.bundled(compiledSchema(for: kind), "schema")
    }

    /// The compiled schema of a document kind, or why it does not compile (only possible for the lazily
    /// compiled embedded files, which the tests check).
    func compiledSchema(for kind: DocumentKind) -> Result<CompiledSchema, SchemaCompilationError> { schemas[kind]!.value }

    /// A lazily loaded part of the bundle. The embedded files are checked by the tests, so a failure here is a
    /// build that shipped broken schemas: stop, naming the part.
    private static func bundled<Part>(_ result: Result<Part, some Error>, _ part: String) -> Part {
        switch result {
        case .success(let value): value
        case .failure(let error): fatalError("bundled \(part): \(error)")
        }
    }

    /// The catalogues and the per-item facts the semantic rules look up, loaded on first use, or why they
    /// do not load (only possible for the lazily loaded embedded files, which the tests check).
    func loadedCatalogues() -> Result<CatalogueSet, any Error> { catalogueSet.value }

    /// Compiles the catalogue schema and reads every `catalogue/*.xml` file, validated against it (the
    /// compiled schema is freed afterwards: nothing else uses it).
    private static func loadCatalogues(_ raw: [String: [UInt8]], files: TrustedSchemaFiles) throws -> CatalogueSet {
        let catalogueSchema = try CompiledSchema(Self.catalogueSchemaFile, from: files)
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
        return CatalogueSet(catalogues: catalogues)
    }

    /// The raw bytes of a bundled file, e.g. `catalogue/catalogue-2011.xml`.
    public func file(_ relativePath: String) -> [UInt8]? { files.files[relativePath] }
}

/// The catalogues of a bundle, with the look-up tables of the semantic rules.
struct CatalogueSet: Sendable {
    let catalogues: [String: ChecklistCatalogue]
    let index: CatalogueIndex

    init(catalogues: [String: ChecklistCatalogue]) {
        self.catalogues = catalogues
        self.index = CatalogueIndex(catalogues)
    }
}

/// The profile schema and the profiles of a bundle, validated against it.
struct ProfileSet: Sendable {
    let schema: CompiledSchema
    let profiles: [String: ScoringProfile]

    init(_ raw: [String: [UInt8]], files: TrustedSchemaFiles) throws {
        schema = try CompiledSchema(SchemaBundle.profileSchemaFile, from: files)
        var profiles: [String: ScoringProfile] = [:]
        for (name, bytes) in raw.sorted(by: { $0.key < $1.key }) where name.hasPrefix("profiles/") && name.hasSuffix(".xml") {
            let profile = try ProfileReader.load(bytes, schema: schema, source: name)
            guard profiles.updateValue(profile, forKey: profile.id) == nil else { throw ProfileReader.duplicate(profile.id, source: name) }
        }
        self.profiles = profiles
    }
}

/// A value computed on first use, once, by whichever thread asks first (the others wait for it).
final class Lazy<Value: Sendable>: Sendable {
    private let state: Mutex<Value?>
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.state = Mutex(nil)
        self.make = make
    }

    var value: Value {
        state.withLock { value in
            if let value { return value }
            let made = make()
            value = made
            return made
        }
    }
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
