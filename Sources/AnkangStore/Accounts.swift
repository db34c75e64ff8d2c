import Foundation

/// What a user of the service may do.
public enum UserRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// 劳动保护监督检查员: uploads and reads in the jurisdiction.
    case inspector
    /// 乡镇·园区·系统工会工作人员: uploads and reads in the jurisdiction.
    case unitStaff
    /// 市总工会劳动保护部: uploads and reads everything in the jurisdiction, manages nothing more.
    case cityDepartment
    /// 审计（只读）: reads in the jurisdiction, never uploads.
    case auditor

    /// Whether the role may upload submissions.
    public var mayUpload: Bool { self != .auditor }

    /// The Chinese name.
    public var zh: String {
        switch self {
        case .inspector: "监督检查员"
        case .unitStaff: "乡镇·园区·系统工会"
        case .cityDepartment: "市劳动保护部"
        case .auditor: "审计（只读）"
        }
    }
}

/// A user of the service: a role and a jurisdiction, a node of the union hierarchy (`高邮市`,
/// `高邮市/临泽镇`), whose subtree bounds what the user may upload and read.
public struct UserAccount: Sendable, Hashable, Codable {
    public var name: String
    public var role: UserRole
    /// City, then township/park/system: the path of the node.
    public var jurisdiction: [String]
    public var createdAt: Date
    public var revokedAt: Date?

    /// Creates an account.
    public init(name: String, role: UserRole, jurisdiction: [String], createdAt: Date, revokedAt: Date? = nil) {
        self.name = name
        self.role = role
        self.jurisdiction = jurisdiction
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// Whether `path` (city, unit, …) lies in the user's jurisdiction.
    public func covers(_ path: [String]) -> Bool {
        path.count >= jurisdiction.count && Array(path.prefix(jurisdiction.count)) == jurisdiction
    }
}

/// One line of the append-only audit log.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var at: Date
    /// The user, or nil for an anonymous attempt.
    public var user: String?
    /// `accept`, `duplicate`, `conflict`, `reject`, `supersede`, `login`, `export`, `denied`.
    public var action: String
    /// What it was about: a submission id, a file hash, a report.
    public var subject: String
    public var detail: String

    /// Creates an entry.
    public init(at: Date, user: String?, action: String, subject: String, detail: String = "") {
        self.at = at
        self.user = user
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}

/// A user's stored login: the account and the bcrypt hash of their password, if one is set.
public struct Credentials: Sendable, Hashable {
    public var account: UserAccount
    public var passwordHash: String?

    /// Creates credentials.
    public init(account: UserAccount, passwordHash: String?) {
        self.account = account
        self.passwordHash = passwordHash
    }
}

/// A signed-in browser: the SHA-256 of the cookie's random token, whose it is, and until when.
public struct WebSession: Sendable, Hashable {
    public var tokenHash: String
    public var userName: String
    public var createdAt: Date
    public var expiresAt: Date

    /// Creates a session.
    public init(tokenHash: String, userName: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userName = userName
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// The accounts tables, the same in both dialects apart from types.
enum AccountsSchema {
    static func statements(_ dialect: SQLDialect) -> [String] {
        let (text, time) = (dialect.textType, dialect.instantType)
        let serial = dialect == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        let appendOnly: [String] = dialect == .sqlite
            ? ["UPDATE", "DELETE"].map { event in
                "CREATE TRIGGER audit_log_no_\(event.lowercased()) BEFORE \(event) ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
            }
            : [
                """
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$
                """,
                "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
            ]
        return [
            """
            CREATE TABLE users (
                name \(text) PRIMARY KEY,
                role \(text) NOT NULL,
                jurisdiction \(text) NOT NULL,
                created_at \(time) NOT NULL,
                revoked_at \(time))
            """,
            """
            CREATE TABLE api_tokens (
                token_hash \(text) PRIMARY KEY,
                user_name \(text) NOT NULL REFERENCES users(name),
                created_at \(time) NOT NULL)
            """,
            "CREATE INDEX api_tokens_user ON api_tokens(user_name)",
            """
            CREATE TABLE audit_log (
                seq \(serial),
                at \(time) NOT NULL,
                user_name \(text),
                action \(text) NOT NULL,
                subject \(text) NOT NULL,
                detail \(text) NOT NULL)
            """,
        ] + appendOnly
    }

    /// Migration 5: passwords (bcrypt) and browser sessions, kept in the database so every server sharing it
    /// knows every session.
    static func webLogin(_ dialect: SQLDialect) -> [String] {
        let (text, time) = (dialect.textType, dialect.instantType)
        return [
            "ALTER TABLE users ADD COLUMN password_hash \(text)",
            """
            CREATE TABLE sessions (
                token_hash \(text) PRIMARY KEY,
                user_name \(text) NOT NULL REFERENCES users(name),
                created_at \(time) NOT NULL,
                expires_at \(time) NOT NULL)
            """,
            "CREATE INDEX sessions_expiry ON sessions(expires_at)",
        ]
    }
}
