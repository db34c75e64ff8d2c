import AnkangModel
import AnkangReports
import AnkangStore
import Foundation
import Hummingbird
import NIOCore

/// A page of the web UI: the site's navigation, then the page's own markup. Server-rendered, usable
/// without JavaScript (the upload page's script only adds drag and drop and live results), one column
/// on a phone.
struct WebPage {
    let language: ReportLanguage
    let title: String
    let user: UserAccount?
    /// The navigation entry to mark as current (`dashboard`, `upload`, `enterprises`, `quarantine`).
    let current: String
    /// Scripts of this site to load, e.g. `/assets/upload.js`.
    var scripts: [String] = []
    private(set) var body = ""

    init(language: ReportLanguage, title: String, user: UserAccount?, current: String) {
        self.language = language
        self.title = title
        self.user = user
        self.current = current
    }

    /// Escaped text.
    static func text(_ value: String) -> String { XMLText.escape(value) }

    /// Appends trusted markup.
    mutating func raw(_ markup: String) { body += markup }

    /// The finished document.
    var document: String {
        """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.text(title)) · \(Self.text(language.pick("安康", "Ankang")))</title>
        \(scripts.map { "<script src=\"\(Self.text($0))\" defer></script>" }.joined(separator: "\n"))
        </head>
        <body>
        \(Self.navigation(language: language, user: user, current: current))<main class="site">
        \(body)</main>
        </body>
        </html>

        """
    }

    /// The page as a response: HTML, never cached, under a policy that allows this site's own scripts and
    /// inline styles and nothing from anywhere else.
    func response(status: HTTPResponse.Status = .ok) -> Response {
        Self.html(document, status: status, policy: Self.policy)
    }

    static let policy = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// An HTML response with the headers every page gets.
    static func html(_ document: String, status: HTTPResponse.Status = .ok, policy: String) -> Response {
        Response(status: status, headers: [
            .contentType: "text/html; charset=utf-8", .cacheControl: "no-store", .contentSecurityPolicy: policy,
            .init("X-Content-Type-Options")!: "nosniff", .init("Referrer-Policy")!: "same-origin",
        ], body: ResponseBody(byteBuffer: ByteBuffer(string: document)))
    }

    /// The site's header: brand, sections, who is signed in, the language switch and sign-out. It carries
    /// its own stylesheet so it also sits on top of report pages, whose policy allows inline styles only.
    static func navigation(language l: ReportLanguage, user: UserAccount?, current: String) -> String {
        var markup = "<style>\(style)</style>\n<header class=\"site\"><nav>\n"
        markup += "<a class=\"brand\" href=\"/\">\(text(l.pick("安康", "Ankang")))</a>\n"
        if let user {
            let sections = [
                ("dashboard", "/", l.pick("隐患趋势", "Hazard trends")),
                ("upload", "/upload", l.pick("上传", "Upload")),
                ("enterprises", "/enterprises", l.pick("企业评分", "Enterprises")),
                ("quarantine", "/quarantine", l.pick("隔离区", "Quarantine")),
            ]
            for (key, href, label) in sections {
                markup += "<a href=\"\(href)\"\(key == current ? " aria-current=\"page\"" : "")>\(text(label))</a>\n"
            }
            let place = user.jurisdiction.joined(separator: " / ")
            markup += "<span class=\"who\">\(text(user.name)) · \(text(place))</span>\n"
        }
        let other: ReportLanguage = l == .zh ? .en : .zh
        markup += "<a class=\"lang\" href=\"?lang=\(other.rawValue)\" lang=\"\(other == .zh ? "zh-CN" : "en")\">\(other == .zh ? "中文" : "English")</a>\n"
        if user != nil {
            markup += "<form method=\"post\" action=\"/logout\"><button type=\"submit\">\(text(l.pick("退出", "Sign out")))</button></form>\n"
        }
        return markup + "</nav></header>\n"
    }

    /// The site's stylesheet (report pages bring their own for the report itself).
    static let style = """
        header.site { background: #8c1d18; color: #fff; font: 15px/1.4 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
        header.site nav { max-width: 1080px; margin: 0 auto; padding: 6px 12px; display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; }
        header.site a { color: #fff; text-decoration: none; padding: 4px 0; }
        header.site a[aria-current] { border-bottom: 2px solid #fff; }
        header.site .brand { font-weight: bold; font-size: 17px; margin-right: 8px; }
        header.site .who { margin-left: auto; opacity: .85; font-size: 13px; }
        header.site form { margin: 0; }
        header.site button { background: none; color: #fff; border: 1px solid #fff8; border-radius: 4px; padding: 2px 8px; font: inherit; cursor: pointer; }
        main.site { max-width: 1080px; margin: 0 auto; padding: 16px;
          font: 14px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1f2328; }
        main.site h1 { font-size: 21px; margin: 4px 0 12px; }
        main.site table { border-collapse: collapse; width: 100%; font-size: 13px; }
        main.site th, main.site td { border-bottom: 1px solid #d0d7de; padding: 4px 6px; text-align: left; vertical-align: top; }
        main.site th { background: #f6f8fa; }
        main.site td.n { text-align: right; font-variant-numeric: tabular-nums; }
        main.site .muted { color: #59636e; font-size: 12px; }
        main.site .error { color: #b42318; font-weight: bold; }
        main.site .ok { color: #1a7f37; font-weight: bold; }
        main.site .warn { color: #9a6700; font-weight: bold; }
        main.site code { font-size: 12px; word-break: break-all; }
        form.login { max-width: 360px; margin: 40px auto; display: grid; gap: 12px; }
        form.login label { display: grid; gap: 4px; }
        form.login input, form.upload input, main.site select { font: inherit; padding: 6px; }
        main.site button { font: inherit; padding: 6px 16px; background: #8c1d18; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
        .drop { border: 2px dashed #8c1d18; border-radius: 8px; padding: 28px 12px; text-align: center; margin: 12px 0; background: #fdf6f5; }
        .drop.over { background: #f7dcd9; }
        ol.results { padding-left: 20px; }
        ol.results li { margin: 8px 0; }
        ol.results ul { margin: 4px 0; padding-left: 18px; font-size: 12px; }
        .toolbar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; max-width: 1080px; margin: 8px auto 0; padding: 0 16px;
          font: 13px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
        .toolbar input { font: inherit; width: 8em; padding: 3px; }
        @media (max-width: 600px) { header.site .who { margin-left: 0; width: 100%; } main.site { padding: 8px; } }
        @media print { header.site, .toolbar { display: none; } }

        """
}
