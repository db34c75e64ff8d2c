import AnkangStore
import Testing

@Suite struct StoreLocationTests {
    @Test func sqliteForms() throws {
        #expect(try StoreLocation(parsing: "sqlite:/tmp/a.sqlite") == .sqlite(SQLiteLocation(path: "/tmp/a.sqlite")))
        #expect(try StoreLocation(parsing: "sqlite:///tmp/a.sqlite") == .sqlite(SQLiteLocation(path: "/tmp/a.sqlite")))
        #expect(try StoreLocation(parsing: "data/log.sqlite") == .sqlite(SQLiteLocation(path: "data/log.sqlite")))
        #expect(try StoreLocation(parsing: "sqlite:x.db?mode=ro&max-pages=100")
            == .sqlite(SQLiteLocation(path: "x.db", readOnly: true, maxPageCount: 100)))
        #expect(throws: StoreError.self) { try StoreLocation(parsing: "sqlite:x.db?cache=shared") }
        #expect(throws: StoreError.self) { try StoreLocation(parsing: "mysql://host/db") }
    }

    @Test func postgresURL() throws {
        guard case let .postgres(location) = try StoreLocation(parsing: "postgres://ankang:s%40cret@db.example:6543/log?sslmode=require") else {
            Issue.record("not postgres")
            return
        }
        #expect(location.user == "ankang")
        #expect(location.password == "s@cret")
        #expect(location.host == "db.example")
        #expect(location.port == 6543)
        #expect(location.database == "log")
        #expect(location.tls == .require)
        #expect(!location.description.contains("cret"), "the password is never shown")

        guard case let .postgres(defaults) = try StoreLocation(parsing: "postgresql://postgres@localhost/ankang") else {
            Issue.record("not postgres")
            return
        }
        #expect(defaults.port == 5432 && defaults.password == nil && defaults.tls == .prefer)
    }

    @Test func defaultLocation() throws {
        #expect(try StoreLocation.defaultLocation(environment: ["HOME": "/home/u"])
            == .sqlite(SQLiteLocation(path: "/home/u/.local/share/ankang/ankang.sqlite")))
        #expect(try StoreLocation.defaultLocation(environment: ["HOME": "/home/u", "XDG_DATA_HOME": "/data"])
            == .sqlite(SQLiteLocation(path: "/data/ankang/ankang.sqlite")))
        #expect(try StoreLocation.defaultLocation(environment: ["HOME": "/home/u", "ANKANG_DB": "sqlite:/srv/log.sqlite"])
            == .sqlite(SQLiteLocation(path: "/srv/log.sqlite")))
    }
}
