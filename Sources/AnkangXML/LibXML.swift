import CLibXML2
import Synchronization

/// Process-wide libxml2 set-up, done exactly once before any document or schema is touched.
///
/// libxml2 2.9.14 keeps several process-global settings that are not locked (the external entity loader,
/// the nesting limit, the schema type tables). Ankang sets them once, here, and never again:
/// - libxml2's allocation functions, so each document's work lives in a ``DocumentArena`` (not under the
///   fuzzer, whose AddressSanitizer checks libxml2's heap use);
/// - `xmlInitParser()` and `xmlSchemaInitTypes()` (the latter is not thread-safe in 2.9.14);
/// - an external entity loader that serves only the trusted, in-memory schema documents registered in
///   ``TrustedSchemaStore`` and refuses everything else: no file, no network, ever;
/// - GB2312 and GBK decoded as GB18030 (their superset; real files labelled GB2312 often hold GBK characters).
public enum LibXML {
    /// The libxml2 version this process runs, e.g. "20914".
    public static var runtimeVersion: String {
        ensureInitialized()
        return String(cString: ankang_xml_runtime_version())
    }

    /// Idempotent and thread-safe; every public entry point of AnkangXML calls it.
    public static func ensureInitialized() { _ = initialization }

    private static let initialization: Void = {
        #if !ANKANG_SYSTEM_ALLOCATOR
        DocumentArena.install()
        #endif
        xmlInitParser()
        xmlSchemaInitTypes()
        xmlSetExternalEntityLoader(trustedOnlyEntityLoader)
        xmlAddEncodingAlias("GB18030", "GB2312")
        xmlAddEncodingAlias("GB18030", "GBK")
        xmlAddEncodingAlias("GB18030", "CP936")
    }()

    /// True when the process-wide entity loader is still Ankang's own (nothing else replaced it).
    public static var entityLoaderIsTrustedOnly: Bool {
        ensureInitialized()
        guard let current = xmlGetExternalEntityLoader() else { return false }
        return unsafeBitCast(current, to: UnsafeRawPointer.self) == unsafeBitCast(trustedOnlyEntityLoader, to: UnsafeRawPointer.self)
    }

    /// How many loads the entity loader refused since start-up (for tests: an attack must show up here
    /// as a refusal, or not reach the loader at all).
    public static var refusedLoads: Int { TrustedSchemaStore.refusals.load(ordering: .relaxed) }
}

/// The in-memory documents the entity loader may serve, keyed by URL (`ankang-schema://SET/NAME`).
/// Only schema compilation asks for them; untrusted submissions never reach the loader (DOCTYPE is refused).
enum TrustedSchemaStore {
    static let documents = Mutex<[String: [UInt8]]>([:])
    static let refusals = Atomic<Int>(0)
    static let nextSetID = Atomic<Int>(0)

    static func register(_ files: [String: [UInt8]]) -> String {
        let id = nextSetID.add(1, ordering: .relaxed).newValue
        let base = "ankang-schema://set\(id)/"
        documents.withLock { store in
            for (name, bytes) in files { store[base + name] = bytes }
        }
        return base
    }

    static func bytes(for url: String) -> [UInt8]? { documents.withLock { $0[url] } }
}

private let trustedOnlyEntityLoader: xmlExternalEntityLoader = { url, _, context in
    guard let url, let context else {
        TrustedSchemaStore.refusals.add(1, ordering: .relaxed)
        return nil
    }
    let location = String(cString: url)
    guard location.hasPrefix("ankang-schema://"), let bytes = TrustedSchemaStore.bytes(for: location),
          bytes.count < Int(Int32.max)
    else {
        TrustedSchemaStore.refusals.add(1, ordering: .relaxed)
        return nil
    }
    return bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
            ankang_xml_input_from_memory(context, url, chars.baseAddress, Int32(chars.count))
        }
    }
}
