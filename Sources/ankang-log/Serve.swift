import AnkangCommandLine
import AnkangDocuments
import AnkangIntake
import AnkangModel
import AnkangReports
import AnkangServer
import AnkangStore
import ArgumentParser
import Foundation
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: InspectionLogCommand.serve.abstract,
        discussion: """
            GET /health and /metrics (Prometheus) need no token; everything under /api/v1 needs \
            `Authorization: Bearer TOKEN` (create users and tokens with `ankang users add`):
              POST /api/v1/submissions   an XML body: 201 receipt, 200 identical retry, 409 conflict, 422 findings, 413, 415
              POST /api/v1/validate      the same checks and score, nothing stored
              GET  /api/v1/submissions[?enterprise=&unit=&kind=&from=&to=&limit=]
              GET  /api/v1/submissions/ID[/xml]
              GET  /api/v1/reports/trends?period=2012&by=month&org=高邮市/临泽镇&format=html|csv|xlsx|json&lang=zh|en
              GET  /api/v1/reports/scorecards/CODE?period=2012&format=…
            The web UI (Chinese; English with ?lang=en) is at / after signing in at /login with a password \
            (`ankang users passwd NAME`): hazard trends, upload, enterprises with scorecards, quarantine.
            Migrations run on start. SIGTERM or SIGINT stops accepting connections and finishes the requests in flight.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var schemaOptions: SchemaOptions

    @Option(help: "监听地址 (address to listen on).")
    var host = "127.0.0.1"

    @Option(help: "端口，0 为任选 (port; 0 picks a free one).")
    var port = 8080

    @Option(help: ArgumentHelp("连接空闲多久即关闭（慢速客户端、未发完的请求体）(close a connection idle this long: slow clients, half-sent bodies).", valueName: "SECONDS"))
    var idleTimeout: Double = 30

    @Option(help: ArgumentHelp("安康杯评分方案 (scoring profile for assessments).", valueName: "NAME"))
    var profile: String = IntakeScorings.defaultProfileID

    func run() async throws {
        let validator = try schemaOptions.makeValidator()
        let scoring = try SchemaOptions.scoring(profile: profile, bundle: validator.bundle)
        let reportContext = try ReportOptions.context(bundle: validator.bundle)
        var logger = Logger(label: "ankang.serve")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let host = host
        let port = port
        let maxBytes = schemaOptions.maxBytes
        let idle = Duration.milliseconds(Int64(idleTimeout * 1000))
        try await database.withStore { location, store in
            let environment = ServiceEnvironment(
                store: store, intake: SubmissionIntake(validator: validator, store: store, scoring: scoring), reportContext: reportContext,
                maxUploadBytes: maxBytes)
            let application = AnkangService.application(environment, host: host, port: port, idleTimeout: idle, logger: logger) { bound in
                // Written straight to the descriptor: a supervisor or a test reads the port from it at once.
                FileHandle.standardOutput.write(Data("Ankang 服务已启动 — listening on http://\(host):\(bound) (\(location))\n".utf8))
            }
            try await application.runService()
        }
    }
}

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: InspectionLogCommand.users.abstract,
        subcommands: [Add.self, Passwd.self, List.self, Revoke.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "新建用户并打印其访问令牌（只显示一次）(add a user and print their API token, shown once).")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "用户名 (user name).") var name: String
        @Option(help: "角色 (role): inspector | unitStaff | cityDepartment | auditor.") var role: String
        @Option(help: ArgumentHelp("管辖范围：市[/乡镇·园区·系统] (jurisdiction: city[/unit]).", valueName: "PATH")) var jurisdiction: String

        func run() async throws {
            guard let role = UserRole(rawValue: role) else {
                throw ValidationError("--role: inspector, unitStaff, cityDepartment or auditor, not \(role)")
            }
            let path = jurisdiction.split(separator: "/").map(String.init)
            guard (1...2).contains(path.count) else { throw ValidationError("--jurisdiction: 市 or 市/乡镇·园区·系统, e.g. 高邮市/临泽镇") }
            let token = APIToken.generate()
            try await database.withStore { _, store in
                try await store.addUser(UserAccount(name: name, role: role, jurisdiction: path, createdAt: Date()), tokenHash: APIToken.hash(token))
            }
            print(token)
            FileHandle.standardError.write(Data("已创建用户 \(name)（\(role.zh)，\(jurisdiction)）；令牌只显示这一次 — user \(name) added; the token is shown only once\n".utf8))
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: "设置网页登录密码 (set a user's password for the web UI).",
            discussion: """
                Reads the new password from standard input (the first line), or asks for it, unechoed, on a terminal. \
                It is stored as a bcrypt hash; setting it signs the user's browsers out. At least \(Passwords.minimumLength) characters.
                """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "用户名 (user name).") var name: String

        func run() async throws {
            let password: String?
            if isatty(STDIN_FILENO) == 1 {
                password = getpass("新密码 (new password): ").map { String(cString: $0) }
            } else {
                password = readLine(strippingNewline: true)
            }
            guard let password, password.count >= Passwords.minimumLength else {
                throw ValidationError("密码至少 \(Passwords.minimumLength) 个字符 (the password needs at least \(Passwords.minimumLength) characters)")
            }
            let hash = try await Passwords.hash(password)
            let updated = try await database.withStore { _, store in try await store.setPassword(user: name, hash: hash) }
            guard updated else {
                FileHandle.standardError.write(Data("ankang: 没有有效用户 \(name) (no active user \(name))\n".utf8))
                throw ExitStatus.invalid
            }
            print("已设置 \(name) 的密码 — password set for \(name)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出用户 (list users).")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let users = try await database.withStore { _, store in try await store.users() }
            for user in users {
                let state = user.revokedAt == nil ? "active" : "revoked"
                print("\(user.name)\t\(user.role.rawValue)\t\(user.jurisdiction.joined(separator: "/"))\t\(state)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "停用用户及其全部令牌 (revoke a user and all their tokens).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "用户名 (user name).") var name: String

        func run() async throws {
            let revoked = try await database.withStore { _, store in try await store.revokeUser(named: name, at: Date()) }
            guard revoked else {
                FileHandle.standardError.write(Data("ankang: 没有有效用户 \(name) (no active user \(name))\n".utf8))
                throw ExitStatus.invalid
            }
            print("已停用 \(name) — revoked \(name)")
        }
    }
}
