@testable import AnkangStore
import Foundation
import GRDB
import Testing

/// Values bound through SQLite's C API are stored exactly as GRDB's `execute(arguments:)` stores them, and
/// failures surface as GRDB's `DatabaseError` with SQLite's extended result code.
@Suite struct SQLiteBindingTests {
    private func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (k INTEGER PRIMARY KEY, a, b, c, d, e, f, g, h)")
        }
        return queue
    }

    @Test func valuesAreStoredAsGRDBStoresThem() throws {
        let queue = try database()
        let nothing: String? = nil
        let someText: String? = "卸甲镇"
        let bytes: [UInt8] = [0, 1, 0xFF]
        try queue.write { db in
            try db.cachedStatement(sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").executeBinding {
                $0.bind(1); $0.bind("临泽镇 配电箱"); $0.bind(""); $0.bind(2.5); $0.bind(true); $0.bind(nothing)
                $0.bind(someText); $0.bind(bytes: bytes); $0.bind(bytes: [])
            }
            try db.execute(sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [2, "临泽镇 配电箱", "", 2.5, true, nothing, someText, Data(bytes), Data()])
        }
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT typeof(a), a, typeof(b), b, typeof(c), c, typeof(d), d, typeof(e), typeof(f), f, typeof(g), hex(g), typeof(h), length(h)
                FROM t ORDER BY k
                """)
        }
        #expect(rows.count == 2)
        #expect(rows[0] == rows[1], "\(rows[0]) differs from GRDB's \(rows[1])")
        #expect(rows[0][1] == "临泽镇 配电箱")
        #expect(rows[0][4] == "real")
        #expect(rows[0][12] == "0001FF")
    }

    @Test func failuresAreDatabaseErrors() throws {
        let queue = try database()
        try queue.write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO t (k, a) VALUES (?, ?)")
            try insert.executeBinding { $0.bind(1); $0.bind("first") }
            do {
                try insert.executeBinding { $0.bind(1); $0.bind("again") }
                Issue.record("a duplicate key was accepted")
            } catch let error as DatabaseError {
                #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY)
                #expect(error.sql?.contains("INSERT INTO t") == true)
            }
            // The statement is usable again after a failure.
            try insert.executeBinding { $0.bind(2); $0.bind("second") }
            #expect(try String.fetchAll(db, sql: "SELECT a FROM t ORDER BY k") == ["first", "second"])
            do {
                try insert.executeBinding { $0.bind(3); $0.bind("a"); $0.bind("one too many") }
                Issue.record("binding a third parameter to two placeholders succeeded")
            } catch let error as DatabaseError {
                #expect(error.resultCode == .SQLITE_RANGE)
            }
        }
    }
}
