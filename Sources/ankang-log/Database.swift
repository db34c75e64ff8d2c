import AnkangCommandLine
import AnkangStore
import ArgumentParser
import Foundation

/// The `--db` option shared by every command that uses the inspection log.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("""
        检查记录数据库 (the inspection log): sqlite:PATH, a bare PATH, or postgres://USER[:PASS]@HOST[:PORT]/DB. \
        SQLite options: ?mode=ro (read-only), ?max-pages=N (size cap). \
        Default: $ANKANG_DB, else $XDG_DATA_HOME/ankang/ankang.sqlite, else ~/.local/share/ankang/ankang.sqlite.
        """, valueName: "LOCATION"))
    var db: String?

    /// The location given, or the default one.
    func location() throws -> StoreLocation {
        do throws(StoreError) {
            if let db { return try StoreLocation(parsing: db) }
            return try StoreLocation.defaultLocation()
        } catch {
            Self.report(error)
            throw ExitStatus.usageOrIO
        }
    }

    /// Opens the log, brings its schema up to date (unless `migrate` is false), and runs `body` with it;
    /// a store failure is printed (Chinese and English) and becomes exit status 2.
    func withStore<T>(migrate: Bool = true, _ body: (StoreLocation, any InspectionStore) async throws -> T) async throws -> T {
        let location = try location()
        do {
            return try await location.withStore { store in
                if migrate { try await store.migrate() }
                return try await body(location, store)
            }
        } catch let error as StoreError {
            Self.report(error)
            throw ExitStatus.usageOrIO
        }
    }

    /// `ankang: 中文（detail）— English (detail)` on standard error.
    static func report(_ error: StoreError) {
        FileHandle.standardError.write(Data("ankang: \(error)\n".utf8))
    }
}

/// `ankang db …`: look after the inspection log.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: InspectionLogCommand.db.abstract,
        subcommands: [Migrate.self, Stats.self, Check.self]
    )

    /// `ankang db migrate`.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "升级数据库结构 (apply the schema migrations not yet applied; every command also does this on start).")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await database.withStore(migrate: false) { location, store in
                let applied = try await store.migrate()
                let version = try await store.stats().schemaVersion
                if !applied.isEmpty {
                    let list = applied.map(String.init).joined(separator: ", ")
                    print("已应用迁移 \(list) — applied migrations \(list)")
                }
                print("数据库结构版本 \(version)，已是最新 — schema is up to date at version \(version): \(location)")
            }
        }
    }

    /// `ankang db stats`.
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stats", abstract: "各表记录数 (row counts per table).")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "输出格式 (output format): text | json.")
        var format: OutputOptions.Format = .text

        func run() async throws {
            try await database.withStore { location, store in
                let stats = try await store.stats()
                switch format {
                case .json:
                    struct Document: Encodable {
                        var database: String
                        var schemaVersion: Int
                        var tables: [String: Int]
                        var supersededSubmissions: Int
                        var hazardsByStatus: [String: Int]
                    }
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    let document = Document(
                        database: location.description, schemaVersion: stats.schemaVersion,
                        tables: Dictionary(uniqueKeysWithValues: stats.tables.map { ($0.table, $0.rows) }),
                        supersededSubmissions: stats.supersededSubmissions, hazardsByStatus: stats.hazardsByStatus)
                    print(String(decoding: try encoder.encode(document), as: UTF8.self))
                case .text:
                    print("数据库 — database: \(location) (结构版本 schema version \(stats.schemaVersion))")
                    let width = stats.tables.map(\.table.count).max() ?? 0
                    for count in stats.tables {
                        print(count.table.padding(toLength: width + 2, withPad: " ", startingAt: 0) + String(count.rows))
                    }
                    print("被更正取代的提交 — superseded submissions: \(stats.supersededSubmissions)")
                    let statuses = stats.hazardsByStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                    print("隐患状态 — hazards by status: " + (statuses.isEmpty ? "—" : statuses.joined(separator: ", ")))
                }
            }
        }
    }

    /// `ankang db check`.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "数据库完整性检查 (integrity check: exit 0 when it passes, 1 when it finds problems).")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let problems = try await database.withStore { location, store in
                let problems = try await store.integrityCheck()
                for problem in problems { print(problem) }
                print(problems.isEmpty
                    ? "完整性检查通过 — integrity check passed: \(location)"
                    : "完整性检查发现 \(problems.count) 个问题 — integrity check found \(problems.count) problems: \(location)")
                return problems
            }
            if !problems.isEmpty { throw ExitStatus.invalid }
        }
    }
}
