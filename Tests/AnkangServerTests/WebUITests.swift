import AnkangServer
import AnkangStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The web UI over the live test server: sign-in with a bcrypt password, the session cookie, sign-out,
/// cross-site posts, and pages bounded by the user's jurisdiction.
@Suite("Web UI")
struct WebUITests {
    /// Sets passwords for two users (cost 4 keeps the test quick; the cost is read from the hash) and signs
    /// them in through the form, returning their `Cookie` header values.
    static func signIn(_ client: any TestClientProtocol, _ store: any InspectionStore, _ names: [String]) async throws -> [String: String] {
        var cookies: [String: String] = [:]
        for name in names {
            #expect(try await store.setPassword(user: name, hash: try await Passwords.hash("password of \(name)", cost: 4)))
            let response = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "name=\(name)&password=password+of+\(name)&next=%2Fupload"))
            #expect(response.status == .seeOther && response.headers[.location] == "/upload")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            cookies[name] = String(cookie.prefix { $0 != ";" })
        }
        return cookies
    }

    @Test func signInWithAPasswordAndOut() async throws {
        try await ServerTests.withService { client, _, store in
            let anonymous = try await client.execute(uri: "/enterprises", method: .get)
            #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/login?next=/enterprises")
            let wrong = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "name=linze&password=guess"))
            #expect(wrong.status == .unauthorized && wrong.headers[.setCookie] == nil)
            #expect(String(buffer: wrong.body).contains("用户名或密码不正确"))

            let cookie = try #require(try await Self.signIn(client, store, ["linze"])["linze"])
            let page = try await client.execute(uri: "/upload", method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok && String(buffer: page.body).contains("id=\"drop-zone\""))
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)

            let out = try await client.execute(uri: "/logout", method: .post, headers: [.cookie: cookie])
            #expect(out.status == .seeOther && out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await client.execute(uri: "/upload", method: .get, headers: [.cookie: cookie])
            #expect(after.status == .seeOther, "the session ended on the server, not only in the browser")

            let actions = try await store.auditLog(limit: 10).map(\.action)
            #expect(actions.contains("login") && actions.contains("login_failed"))
        }
    }

    @Test func repeatedWrongPasswordsLockTheName() async throws {
        try await ServerTests.withService { client, _, store in
            #expect(try await store.setPassword(user: "linze", hash: try await Passwords.hash("the right one", cost: 4)))
            let attempt = { (password: String) in
                try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: "name=linze&password=\(password)"))
            }
            for _ in 0..<5 { #expect(try await attempt("guess").status == .unauthorized) }
            let locked = try await attempt("the+right+one")
            #expect(locked.status == .tooManyRequests && locked.headers[.setCookie] == nil, "even the right password waits")
            #expect(String(buffer: locked.body).contains("15 分钟"))
            #expect(try await store.auditLog(limit: 10).contains { $0.action == "login_failed" && $0.detail == "locked" })
        }
    }

    @Test func crossSitePostsAndForeignRedirectsAreRefused() async throws {
        try await ServerTests.withService { client, _, store in
            let cookie = try #require(try await Self.signIn(client, store, ["linze"])["linze"])
            let forged = try await client.execute(
                uri: "/upload/file", method: .post, headers: [.cookie: cookie, .origin: "https://evil.example", .contentType: "application/xml"],
                body: ServerTests.sample("valid/assessment-2011-linze-huayun-selfcheck.xml"))
            #expect(forged.status == .forbidden)
            #expect(try await store.stats().count("submissions") == 0)
            _ = try await store.setPassword(user: "city", hash: try await Passwords.hash("city password", cost: 4))
            let away = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "name=city&password=city+password&next=%2F%2Fevil.example%2F"))
            #expect(away.headers[.location] == "/", "never sent to another site after signing in")
        }
    }

    @Test func pagesStayInTheJurisdiction() async throws {
        try await ServerTests.withService { client, _, store in
            let cookies = try await Self.signIn(client, store, ["linze", "tangzhuang", "city"])
            // 临泽镇 uploads its own file through the page; 汤庄镇 may not upload it.
            let upload = { (user: String) in
                try await client.execute(
                    uri: "/upload/file", method: .post,
                    headers: [.cookie: cookies[user]!, .contentType: "application/xml", .init("X-File-Name")!: "%E5%8D%8E%E9%9F%B5.xml"],
                    body: ServerTests.sample("valid/assessment-2011-linze-huayun-selfcheck.xml"))
            }
            #expect(try await upload("tangzhuang").status == .forbidden)
            let accepted = try await upload("linze")
            #expect(accepted.status == .created)
            let answer = try ServerTests.json(accepted)
            #expect(answer["gradeLabel"] as? String == "优胜单位候选")
            #expect((answer["receipt"] as? [String: Any])?["scoreTotal"] as? Double == 97.2)
            let invalid = try await client.execute(
                uri: "/upload/file", method: .post, headers: [.cookie: cookies["linze"]!, .contentType: "application/xml"],
                body: ServerTests.sample("invalid/xsd-004-bad-date.xml"))
            #expect(invalid.status == .unprocessableContent)

            let list = { (user: String) in String(buffer: try await client.execute(uri: "/enterprises?period=2011", method: .get, headers: [.cookie: cookies[user]!]).body) }
            #expect(try await list("linze").contains("高邮市华韵服饰有限公司"))
            #expect(try await list("city").contains("高邮市华韵服饰有限公司"))
            #expect(try await !list("tangzhuang").contains("高邮市华韵服饰有限公司"))
            #expect(try await !list("linze").contains("format="), "the enterprise list has no downloads")

            // The quarantine: a unit user sees what they uploaded; the city sees everything.
            let quarantine = { (user: String) in String(buffer: try await client.execute(uri: "/quarantine", method: .get, headers: [.cookie: cookies[user]!]).body) }
            #expect(try await quarantine("linze").contains("/quarantine/"))
            #expect(try await !quarantine("tangzhuang").contains("/quarantine/"))
            #expect(try await quarantine("city").contains("/quarantine/"))

            // The dashboard is the trend report with the site's navigation, in English on request.
            let dashboard = try await client.execute(uri: "/?period=2011&lang=en", method: .get, headers: [.cookie: cookies["linze"]!])
            let page = String(buffer: dashboard.body)
            #expect(dashboard.status == .ok && page.contains("<header class=\"site\">") && page.contains("Sign out") && page.contains("<svg"))
            #expect(dashboard.headers[.setCookie]?.contains("ankang_lang=en") == true)
            #expect(page.contains("/reports/trends?format=xlsx&amp;lang=en&amp;period=2011&amp;by=month"), "downloads of the same report")
        }
    }
}
