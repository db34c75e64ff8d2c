import AnkangReports
import AnkangStore
import Foundation
import Hummingbird
import HummingbirdBcrypt
import NIOPosix

/// Passwords: bcrypt, hashed and checked on NIO's blocking thread pool, never on an event loop.
public enum Passwords {
    /// The shortest password `ankang users passwd` accepts.
    public static let minimumLength = 10

    /// The bcrypt hash of `password` (cost 12: about a quarter of a second on this kind of machine).
    public static func hash(_ password: String, cost: UInt8 = 12) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`; with no hash (no such user, or no password set) the same work
    /// is done against a stand-in, so the answer's timing tells nothing about which names exist.
    static func verify(_ password: String, hash: String?) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive {
            let matches = Bcrypt.verify(password, hash: hash ?? standIn)
            return matches && hash != nil
        }
    }

    private static let standIn = Bcrypt.hash("no such user: \(UUID())", cost: 12)
}

/// The browser session cookie: a random token whose SHA-256 the store keeps with its user and expiry.
enum SessionCookie {
    static let name = "ankang_session"
    /// A working day: a session started in the morning lasts the day.
    static let lifetime: TimeInterval = 10 * 3600

    static func issue(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: token, maxAge: Int(lifetime), path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func cleared(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}

/// The web UI's pages and sign-in refuse a state-changing request whose `Origin` names another site (the
/// session cookie is `SameSite=Lax` too).
struct RefuseCrossSitePosts: RouterMiddleware {
    typealias Context = AnkangRequestContext

    func handle(_ request: Request, context: AnkangRequestContext, next: (Request, AnkangRequestContext) async throws -> Response) async throws -> Response {
        if request.method != .get, request.method != .head, !WebRequest.isSameOrigin(request) {
            throw APIError.forbidden("跨站请求被拒绝", "a cross-site request was refused")
        }
        return try await next(request, context)
    }
}

/// Puts the user of the session cookie into the context. Without a valid session, a page request is sent
/// to the sign-in page (and comes back after), anything else gets a 401.
struct SessionAuthenticator: RouterMiddleware {
    let store: any InspectionStore

    func handle(_ request: Request, context: AnkangRequestContext, next: (Request, AnkangRequestContext) async throws -> Response) async throws -> Response {
        if let token = request.cookies[SessionCookie.name]?.value, !token.isEmpty {
            let user: UserAccount?
            do {
                user = try await store.user(sessionHash: APIToken.hash(token), at: Date())
            } catch {
                throw APIError.unavailable(error)
            }
            if let user {
                var context = context
                context.user = user
                context.logger[metadataKey: "user"] = .string(user.name)
                return try await next(request, context)
            }
        }
        guard request.method == .get || request.method == .head else { throw APIError.unauthorized() }
        let target = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
        return Response.redirect(to: "/login?next=" + WebRequest.percentEncoded(target))
    }
}

/// Sign-in and sign-out pages (`GET`/`POST /login`, `POST /logout`).
struct LoginRoutes {
    let environment: ServiceEnvironment
    let throttle = LoginThrottle()

    func register(on router: RouterGroup<AnkangRequestContext>) {
        router.get("login") { request, _ in
            page(request, name: "", next: request.uri.queryParameters.get("next") ?? "", failed: false, status: .ok)
        }
        router.post("login") { request, context in try await signIn(request, context: context) }
        router.post("logout") { request, _ in try await signOut(request) }
    }

    struct Form: Decodable {
        var name: String
        var password: String
        var next: String?
    }

    private func signIn(_ request: Request, context: AnkangRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 16 * 1024)
        guard let form = try? URLEncodedFormDecoder().decode(Form.self, from: String(buffer: body)) else {
            throw APIError.badRequest("请填写用户名和密码", "a user name and a password are required")
        }
        guard await throttle.allows(form.name, now: Date()) else {
            try? await environment.store.audit([AuditEntry(at: Date(), user: nil, action: "login_failed", subject: form.name, detail: "locked")])
            return page(request, name: form.name, next: form.next ?? "", failed: true, status: .tooManyRequests)
        }
        let credentials: Credentials?
        do {
            credentials = try await environment.store.credentials(user: form.name)
        } catch {
            throw APIError.unavailable(error)
        }
        guard try await Passwords.verify(form.password, hash: credentials?.passwordHash), let account = credentials?.account else {
            await throttle.failed(form.name, now: Date())
            try? await environment.store.audit([AuditEntry(at: Date(), user: nil, action: "login_failed", subject: form.name)])
            context.logger.notice("sign-in failed", metadata: ["name": .string(form.name)])
            var response = page(request, name: form.name, next: form.next ?? "", failed: true, status: .unauthorized)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        await throttle.succeeded(form.name)
        let token = APIToken.generate()
        let now = Date()
        do {
            try await environment.store.openSession(WebSession(tokenHash: APIToken.hash(token), userName: account.name, createdAt: now,
                                                               expiresAt: now.addingTimeInterval(SessionCookie.lifetime)))
            try await environment.store.audit([AuditEntry(at: now, user: account.name, action: "login", subject: account.name)])
        } catch {
            throw APIError.unavailable(error)
        }
        var response = Response.redirect(to: WebRequest.localTarget(form.next))
        response.setCookie(SessionCookie.issue(token, secure: WebRequest.isHTTPS(request)))
        return response
    }

    private func signOut(_ request: Request) async throws -> Response {
        if let token = request.cookies[SessionCookie.name]?.value, !token.isEmpty {
            do {
                try await environment.store.closeSession(tokenHash: APIToken.hash(token))
            } catch {
                throw APIError.unavailable(error)
            }
        }
        var response = Response.redirect(to: "/login")
        response.setCookie(SessionCookie.cleared(secure: WebRequest.isHTTPS(request)))
        return response
    }

    private func page(_ request: Request, name: String, next: String, failed: Bool, status: HTTPResponse.Status) -> Response {
        let l = WebRequest.language(request)
        var page = WebPage(language: l, title: l.pick("登录", "Sign in"), user: nil, current: "")
        page.raw("<form class=\"login\" method=\"post\" action=\"/login\">\n")
        page.raw("<h1>\(WebPage.text(l.pick("安康杯 · 劳动保护监督检查", "Ankang · labour-protection inspections")))</h1>\n")
        if status == .tooManyRequests {
            page.raw("<p class=\"error\" role=\"alert\">\(WebPage.text(l.pick("密码错误次数过多，请 15 分钟后再试。", "Too many wrong passwords; try again in 15 minutes.")))</p>\n")
        } else if failed {
            page.raw("<p class=\"error\" role=\"alert\">\(WebPage.text(l.pick("用户名或密码不正确。", "Wrong user name or password.")))</p>\n")
        }
        page.raw("""
            <label>\(WebPage.text(l.pick("用户名", "User name")))<input name="name" autocomplete="username" required value="\(WebPage.text(name))"></label>
            <label>\(WebPage.text(l.pick("密码", "Password")))<input name="password" type="password" autocomplete="current-password" required></label>
            <input type="hidden" name="next" value="\(WebPage.text(next))">
            <button type="submit">\(WebPage.text(l.pick("登录", "Sign in")))</button>
            </form>

            """)
        return page.response(status: status)
    }
}

/// Wrong passwords for one user name: after five within 15 minutes the name may not try again until the
/// oldest of them is 15 minutes old. Kept per process (each server counts its own); the audit log has them all.
actor LoginThrottle {
    private let limit = 5
    private let window: TimeInterval = 15 * 60
    private var failures: [String: [Date]] = [:]

    func allows(_ name: String, now: Date) -> Bool { recent(name, now).count < limit }

    func failed(_ name: String, now: Date) {
        if failures.count > 10_000 { failures = failures.filter { !recent($0.key, now).isEmpty } }
        failures[name] = recent(name, now) + [now]
    }

    func succeeded(_ name: String) { failures[name] = nil }

    private func recent(_ name: String, _ now: Date) -> [Date] {
        failures[name]?.filter { now.timeIntervalSince($0) < window } ?? []
    }
}

/// `?lang=zh|en` on any page is remembered in a cookie for the pages after it.
struct RememberLanguage: RouterMiddleware {
    typealias Context = AnkangRequestContext

    func handle(_ request: Request, context: AnkangRequestContext, next: (Request, AnkangRequestContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if let language = request.uri.queryParameters.get("lang").flatMap(ReportLanguage.init(rawValue:)) {
            response.setCookie(Cookie(name: WebRequest.languageCookie, value: language.rawValue, maxAge: 365 * 86400, path: "/",
                                      httpOnly: true, sameSite: .lax))
        }
        return response
    }
}

/// What the web pages read from a request: language, origin, safe redirect targets.
enum WebRequest {
    static let languageCookie = "ankang_lang"

    /// `?lang=` first, then the language cookie, then Chinese.
    static func language(_ request: Request) -> ReportLanguage {
        request.uri.queryParameters.get("lang").flatMap(ReportLanguage.init(rawValue:))
            ?? request.cookies[languageCookie].flatMap { ReportLanguage(rawValue: $0.value) } ?? .zh
    }

    /// Whether the request came through a TLS-terminating proxy (so cookies must be `Secure`).
    static func isHTTPS(_ request: Request) -> Bool {
        request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// True without an `Origin` header (same-origin form posts from older browsers, tools) or when it
    /// names this host.
    static func isSameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }

    /// A path on this site to go to after signing in; anything else (another site, `//host`) becomes `/`.
    static func localTarget(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\") else { return "/" }
        return next
    }

    static func percentEncoded(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
    }
}
