import Foundation

/// Why the store could not do what was asked. Every case has a Chinese and an English message a
/// person can act on; ``detail`` carries the database's own words.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The database is opened read-only or refuses writes.
        case readOnly
        /// The disk, or the database's size limit, is full.
        case full
        /// The database cannot be opened or reached.
        case unavailable
        /// The database file is damaged or not a database.
        case corrupt
        /// The `--db` location cannot be understood.
        case invalidLocation
        /// The database schema is newer than this program.
        case schemaTooNew
        /// Anything else.
        case other
    }

    /// The kind of failure.
    public var reason: Reason
    /// The underlying message (from SQLite, PostgreSQL or the operating system).
    public var detail: String

    /// Creates an error.
    public init(_ reason: Reason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }

    /// The message in Chinese.
    public var zh: String {
        switch reason {
        case .readOnly: "数据库只读，无法写入"
        case .full: "磁盘或数据库已满"
        case .unavailable: "无法打开或连接数据库"
        case .corrupt: "数据库文件损坏或不是数据库"
        case .invalidLocation: "数据库位置无效"
        case .schemaTooNew: "数据库结构版本比本程序新，请升级程序"
        case .other: "数据库错误"
        }
    }

    /// The message in English.
    public var en: String {
        switch reason {
        case .readOnly: "database is read-only"
        case .full: "disk or database full"
        case .unavailable: "cannot open or reach the database"
        case .corrupt: "the database is damaged or not a database"
        case .invalidLocation: "invalid database location"
        case .schemaTooNew: "the database schema is newer than this program; upgrade ankang"
        case .other: "database error"
        }
    }

    /// `中文（detail）— English (detail)`.
    public var description: String { "\(zh)（\(detail)）— \(en) (\(detail))" }
}
