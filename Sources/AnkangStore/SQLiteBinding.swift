import GRDB
import GRDBSQLite

/// SQLite's "copy the value now" destructor, `SQLITE_TRANSIENT` in C (a macro Swift cannot import).
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

extension Statement {
    /// Runs this statement once with parameters bound in order by `bind`, through SQLite's C API
    /// (`sqliteStatement`, GRDB's escape hatch for it). The writer's per-row inserts use this instead of
    /// `execute(arguments:)`, which builds an array of boxed `DatabaseValue`s for every row: about a third of
    /// the writer's instructions per submission. Values are stored exactly as GRDB stores them (text, integer,
    /// real, blob; a `Bool` as 0 or 1; `nil` as NULL). Errors are GRDB's `DatabaseError`, as from `execute`.
    func executeBinding(_ bind: (inout SQLiteBinder) -> Void) throws {
        let handle = sqliteStatement
        sqlite3_reset(handle)
        var binder = SQLiteBinder(handle: handle)
        bind(&binder)
        if binder.status == SQLITE_OK { binder.status = sqlite3_step(handle) }
        let status = binder.status
        guard status == SQLITE_DONE || status == SQLITE_ROW else {
            let connection = sqlite3_db_handle(handle)
            let message = String(cString: sqlite3_errmsg(connection))
            // The extended code, as GRDB reports it (SQLITE_FULL, SQLITE_CONSTRAINT_PRIMARYKEY, …).
            let code = sqlite3_extended_errcode(connection)
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code == SQLITE_OK ? status : code), message: message, sql: sql)
        }
        sqlite3_reset(handle)
    }
}

/// Binds the parameters of one statement execution, left to right (see ``GRDB/Statement/executeBinding(_:)``).
struct SQLiteBinder {
    fileprivate let handle: SQLiteStatement
    fileprivate var index: CInt = 0
    /// The first failing `sqlite3_bind_*` result, else `SQLITE_OK`.
    fileprivate var status: CInt = SQLITE_OK

    fileprivate init(handle: SQLiteStatement) { self.handle = handle }

    private mutating func next(_ bind: (SQLiteStatement, CInt) -> CInt) {
        index += 1
        guard status == SQLITE_OK else { return }
        status = bind(handle, index)
    }

    mutating func bind(_ value: String) {
        next { handle, index in value.withCString { sqlite3_bind_text(handle, index, $0, CInt(value.utf8.count), transient) } }
    }

    mutating func bind(_ value: Int) { next { sqlite3_bind_int64($0, $1, Int64(value)) } }

    mutating func bind(_ value: Double) { next { sqlite3_bind_double($0, $1, value) } }

    mutating func bind(_ value: Bool) { bind(value ? 1 : 0) }

    /// A blob (never NULL, also when empty).
    mutating func bind(bytes: [UInt8]) {
        next { handle, index in
            bytes.isEmpty ? sqlite3_bind_zeroblob(handle, index, 0)
                : bytes.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, CInt($0.count), transient) }
        }
    }

    mutating func bind(_ value: String?) { if let value { bind(value) } else { bindNull() } }
    mutating func bind(_ value: Int?) { if let value { bind(value) } else { bindNull() } }
    mutating func bind(_ value: Double?) { if let value { bind(value) } else { bindNull() } }
    mutating func bind(_ value: Bool?) { if let value { bind(value) } else { bindNull() } }

    private mutating func bindNull() { next { sqlite3_bind_null($0, $1) } }
}
