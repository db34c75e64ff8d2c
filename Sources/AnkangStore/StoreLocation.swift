import Foundation
import Logging

/// Where the inspection log lives, as given to `--db`:
///
/// - `sqlite:PATH` or a bare `PATH`: a SQLite file (created if missing). Options after `?`:
///   `mode=ro` opens it read-only; `max-pages=N` caps its size at N pages (a write past the cap fails
///   like a full disk).
/// - `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (or `postgresql://`): a PostgreSQL server.
///   Options: `sslmode=disable|prefer|require` (default `prefer`), `host=/socket/dir` for a Unix socket.
///
/// The default (``defaultLocation(environment:)``) is `$ANKANG_DB` if set, else
/// `$XDG_DATA_HOME/ankang/ankang.sqlite`, else `~/.local/share/ankang/ankang.sqlite`.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// A SQLite database file.
    case sqlite(SQLiteLocation)
    /// A PostgreSQL database.
    case postgres(PostgresLocation)

    /// Parses a `--db` value.
    public init(parsing text: String) throws(StoreError) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(url: text))
            return
        }
        var rest = text
        if lowered.hasPrefix("sqlite:") {
            rest = String(text.dropFirst("sqlite:".count))
            if rest.hasPrefix("///") { rest = String(rest.dropFirst(2)) }
        } else if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy({ $0.isLetter }), text[..<colon].count > 1,
                  text[colon...].hasPrefix("://") {
            throw StoreError(.invalidLocation, "unknown scheme in \(text); use sqlite:PATH or postgres://…")
        }
        var options: [String: String] = [:]
        if let question = rest.lastIndex(of: "?") {
            for pair in rest[rest.index(after: question)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                options[parts[0]] = parts.count > 1 ? parts[1] : ""
            }
            rest = String(rest[..<question])
        }
        guard !rest.isEmpty else { throw StoreError(.invalidLocation, "empty SQLite path in \(text)") }
        var location = SQLiteLocation(path: rest)
        for (name, value) in options {
            switch (name, value) {
            case ("mode", "ro"): location.readOnly = true
            case ("mode", "rw"), ("mode", "rwc"): location.readOnly = false
            case ("max-pages", _):
                guard let pages = Int(value), pages > 0 else { throw StoreError(.invalidLocation, "max-pages must be a positive number: \(value)") }
                location.maxPageCount = pages
            default: throw StoreError(.invalidLocation, "unknown SQLite option \(name)=\(value) (known: mode=ro, max-pages=N)")
            }
        }
        self = .sqlite(location)
    }

    /// `$ANKANG_DB` if set, else `$XDG_DATA_HOME/ankang/ankang.sqlite`, else `$HOME/.local/share/ankang/ankang.sqlite`.
    public static func defaultLocation(environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) -> StoreLocation {
        if let configured = environment["ANKANG_DB"], !configured.isEmpty { return try StoreLocation(parsing: configured) }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return .sqlite(SQLiteLocation(path: dataHome + "/ankang/ankang.sqlite"))
    }

    /// The location for people: the password, if any, is hidden.
    public var description: String {
        switch self {
        case let .sqlite(location): location.description
        case let .postgres(location): location.description
        }
    }

    /// Opens the store, runs `body` with it, and closes it (a PostgreSQL client runs only meanwhile).
    public func withStore<T>(
        logger: Logger = Logger(label: "ankang.store"), _ body: (any InspectionStore) async throws -> T
    ) async throws -> T {
        switch self {
        case let .sqlite(location):
            let store = try SQLiteStore(path: location.path, readOnly: location.readOnly, maxPageCount: location.maxPageCount, logger: logger)
            return try await body(store)
        case let .postgres(location):
            let store = try PostgresStore(location: location, logger: logger)
            return try await store.withRunningClient { try await body(store) }
        }
    }
}

/// A SQLite database file and how to open it.
public struct SQLiteLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path.
    public var path: String
    /// Open with SQLite's read-only flag.
    public var readOnly: Bool
    /// The size cap in pages, if any.
    public var maxPageCount: Int?

    /// Creates a location.
    public init(path: String, readOnly: Bool = false, maxPageCount: Int? = nil) {
        self.path = path
        self.readOnly = readOnly
        self.maxPageCount = maxPageCount
    }

    /// `sqlite:PATH` with its options.
    public var description: String {
        var options: [String] = []
        if readOnly { options.append("mode=ro") }
        if let maxPageCount { options.append("max-pages=\(maxPageCount)") }
        return "sqlite:\(path)" + (options.isEmpty ? "" : "?" + options.joined(separator: "&"))
    }
}

/// A PostgreSQL server, database and credentials.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// TLS use, as libpq's `sslmode`.
    public enum TLSMode: String, Sendable, Hashable {
        /// Never.
        case disable
        /// When the server offers it.
        case prefer
        /// Always; fail without it.
        case require
    }

    /// Host name or address (ignored when `unixSocketDirectory` is set).
    public var host: String
    /// TCP port (also names the Unix socket file).
    public var port: Int
    /// User name.
    public var user: String
    /// Password, if any.
    public var password: String?
    /// Database name.
    public var database: String
    /// TLS use.
    public var tls: TLSMode
    /// A directory holding the server's Unix socket, instead of TCP.
    public var unixSocketDirectory: String?

    /// Parses `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…&host=/dir]`.
    public init(url text: String) throws(StoreError) {
        guard let components = URLComponents(string: text) else { throw StoreError(.invalidLocation, "not a URL: \(Self.redacted(text))") }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = components.port ?? 5432
        user = components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = components.password
        let name = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = name.isEmpty ? user : name
        tls = .prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                switch item.value {
                case "disable", "allow": tls = .disable
                case "prefer", nil: tls = .prefer
                case "require", "verify-ca", "verify-full": tls = .require
                case let other?: throw StoreError(.invalidLocation, "unknown sslmode \(other)")
                }
            case "host" where item.value?.hasPrefix("/") == true:
                unixSocketDirectory = item.value
            default:
                throw StoreError(.invalidLocation, "unknown PostgreSQL option \(item.name) (known: sslmode, host=/socket/dir)")
            }
        }
    }

    /// The URL with the password hidden.
    public var description: String {
        let credentials = user + (password == nil ? "" : ":***")
        var text = "postgres://\(credentials)@\(host):\(port)/\(database)"
        var options: [String] = []
        if tls != .prefer { options.append("sslmode=\(tls.rawValue)") }
        if let unixSocketDirectory { options.append("host=\(unixSocketDirectory)") }
        if !options.isEmpty { text += "?" + options.joined(separator: "&") }
        return text
    }

    private static func redacted(_ text: String) -> String {
        text.replacing(#/:[^:@/]*@/#, with: ":***@")
    }
}

/// The JSON coding of stored documents (the model, scores, findings): dates as UTC timestamps with
/// milliseconds, so what the intake writes the reports can read back.
public enum StoredJSON {
    /// `value` as compact JSON, the way the log stores documents (a fast streaming encoder; the result
    /// reads back with ``decoder()``).
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        try CompactJSONEncoder.encode(value)
    }

    /// A new Foundation encoder with the same date format, for output people read (pretty-printed JSON).
    /// Encoders are not thread-safe: one per task.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.text(date))
        }
        return encoder
    }

    /// A new decoder for what ``encoder()`` writes.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.date(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a timestamp: \(text)")
            }
            return date
        }
        return decoder
    }
}
