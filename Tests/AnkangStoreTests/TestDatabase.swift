import AnkangStore
import Foundation
import Testing

/// The two implementations the storage contract runs against.
enum Backend: String, Sendable {
    case sqlite
    case postgres

    /// Creates an empty database for one test.
    func makeDatabase() throws -> TestDatabase {
        switch self {
        case .sqlite:
            let path = Fixtures.temporaryDatabasePath()
            return TestDatabase(location: .sqlite(SQLiteLocation(path: path))) {
                try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
            }
        case .postgres:
            return try PostgresServer.makeDatabase()
        }
    }
}

/// An empty database that one test owns; `drop` removes it.
struct TestDatabase: Sendable {
    let location: StoreLocation
    let drop: @Sendable () -> Void

    /// Opens a store on the database (a PostgreSQL client runs only meanwhile).
    func withStore<T>(_ body: (any InspectionStore) async throws -> T) async throws -> T {
        try await location.withStore(body)
    }

    /// Opens two independent stores (two connection pools, like two processes) at once.
    func withTwoStores<T>(_ body: (any InspectionStore, any InspectionStore) async throws -> T) async throws -> T {
        try await location.withStore { first in try await location.withStore { second in try await body(first, second) } }
    }
}

/// The PostgreSQL server the tests use: `ANKANG_TEST_POSTGRES_URL` (tools/with-postgres sets it).
enum PostgresServer {
    static let url = ProcessInfo.processInfo.environment["ANKANG_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let inCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" && $0 != "0" } ?? false

    /// Run the PostgreSQL suite when a server is configured, and always in CI (where a missing server fails).
    static var enabled: Bool { url != nil || inCI }

    static let skipMessage = "PostgreSQL store tests skipped: no server (set ANKANG_TEST_POSTGRES_URL, e.g. run under tools/with-postgres)"

    /// Creates a fresh database on the server for one test.
    static func makeDatabase() throws -> TestDatabase {
        guard let url else {
            throw SetupFailure(message: "CI requires a PostgreSQL server: ANKANG_TEST_POSTGRES_URL is not set (run the tests under tools/with-postgres)")
        }
        guard case let .postgres(admin) = try StoreLocation(parsing: url) else {
            throw SetupFailure(message: "ANKANG_TEST_POSTGRES_URL is not a postgres:// URL: \(url)")
        }
        let name = "ankang_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try psql(admin, "CREATE DATABASE \(name)")
        var location = admin
        location.database = name
        return TestDatabase(location: .postgres(location)) {
            try? psql(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    /// Runs one SQL command with psql against the admin database.
    static func psql(_ location: PostgresLocation, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", location.unixSocketDirectory ?? location.host,
                         "-p", String(location.port), "-U", location.user, "-d", location.database, "-c", sql]
        var environment = ProcessInfo.processInfo.environment
        if let password = location.password { environment["PGPASSWORD"] = password }
        environment["PGSSLMODE"] = location.tls == .require ? "require" : "prefer"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SetupFailure(message: "psql \(sql): \(message)")
        }
    }

    /// Why a PostgreSQL test database could not be made.
    struct SetupFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
