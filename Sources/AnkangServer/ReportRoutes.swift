import AnkangModel
import AnkangReports
import AnkangStore
import Foundation
import Hummingbird

/// Trend reports and scorecards in every format (`GET /reports/trends`, `GET /reports/scorecards/:enterprise`).
struct ReportRoutes {
    let environment: ServiceEnvironment
    /// In the web UI: HTML reports carry the site's navigation and a period form, and `/` is the trend report.
    var web = false

    func register(on group: RouterGroup<AnkangRequestContext>) {
        group.get("reports/trends") { request, context in try await trends(request, context: context) }
        group.get("reports/scorecards/:enterprise") { request, context in try await scorecard(request, context: context) }
        if web {
            group.get("/") { request, context in try await trends(request, context: context) }
        }
    }

    private func trends(_ request: Request, context: AnkangRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let parameters = request.uri.queryParameters
        let today = environment.today()
        let period = try Self.period(parameters.get("period"), today: today)
        let org = parameters.get("org").map { $0.split(separator: "/").map(String.init) } ?? user.jurisdiction
        guard user.covers(org) else {
            throw APIError.forbidden("\(org.joined(separator: "/")) 不在您的管辖范围内", "\(org.joined(separator: "/")) is outside your jurisdiction")
        }
        let granularity = parameters.get("by").flatMap(Granularity.init(rawValue:)) ?? .month
        let trendRequest = TrendRequest(from: period.from, to: period.to, granularity: granularity, orgPath: org,
                                        industry: parameters.get("industry"), today: today)
        let facts: ReportFacts
        do {
            facts = try await environment.store.reportFacts(trendRequest.scope)
        } catch {
            throw APIError.unavailable(error)
        }
        let report = await TrendReport(trendRequest, facts: facts, context: environment.reportContext)
        return try await export(report, name: "trends-\(period.label)", request: request, user: user, section: "dashboard")
    }

    private func scorecard(_ request: Request, context: AnkangRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let parameters = request.uri.queryParameters
        guard let enterprise = context.parameters.get("enterprise") else { throw APIError.notFound("企业 (enterprise)") }
        let period = try Self.period(parameters.get("period"), today: environment.today())
        let scorecardRequest = ScorecardRequest(period: period, today: environment.today())
        let facts: ReportFacts
        do {
            facts = try await environment.store.reportFacts(scorecardRequest.scope(enterprise: enterprise))
        } catch {
            throw APIError.unavailable(error)
        }
        guard let found = facts.enterprises.first,
              let card = Scorecard(enterpriseKey: found.key, scorecardRequest, facts: facts, context: environment.reportContext) else {
            throw APIError.notFound("企业 (enterprise) \(enterprise)")
        }
        guard user.covers([found.city, found.jurisdictionUnit]) else {
            throw APIError.forbidden("该企业不在您的管辖范围内", "the enterprise is outside your jurisdiction")
        }
        return try await export(card, name: "scorecard-\(found.key)-\(period.label)", request: request, user: user, section: "enterprises")
    }

    /// Renders in the requested format (`format=html|csv|xlsx|json`, `lang=zh|en`) and logs the export.
    private func export(_ report: some RenderableReport, name: String, request: Request, user: UserAccount, section: String) async throws -> Response {
        let parameters = request.uri.queryParameters
        let format = parameters.get("format").flatMap(ReportFormat.init(rawValue:)) ?? .html
        let language = WebRequest.language(request)
        try? await environment.store.audit([AuditEntry(at: Date(), user: user.name, action: "export", subject: name, detail: format.rawValue)])
        if web, format == .html {
            let header = WebPage.navigation(language: language, user: user, current: section) + Self.toolbar(request, language: language)
            return WebPage.html(report.htmlPage(language, siteHeader: header), policy: Self.reportPolicy)
        }
        let bytes = try report.rendered(as: format, language: language)
        let type = switch format {
        case .html: "text/html; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .json: "application/json; charset=utf-8"
        }
        var headers: HTTPFields = [.contentType: type]
        if format != .html { headers[.contentDisposition] = "attachment; filename=\"\(name).\(format.fileExtension)\"" }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Report pages allow their own inline styles and SVG and nothing else; forms post only here.
    static let reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// Above a report in the web UI: choose the period (and the trend's granularity), download the other formats
    /// (`exports: false` on pages that have none).
    static func toolbar(_ request: Request, language l: ReportLanguage, exports: Bool = true) -> String {
        let parameters = request.uri.queryParameters
        let period = parameters.get("period") ?? ""
        let by = parameters.get("by") ?? "month"
        let trends = request.uri.path == "/" || request.uri.path.hasSuffix("/reports/trends")
        var markup = "<form class=\"toolbar\" method=\"get\">\n<label>\(WebPage.text(l.pick("统计期", "Period"))) "
            + "<input name=\"period\" value=\"\(WebPage.text(period))\" placeholder=\"2012 / 2012-Q3 / 2012-06\"></label>\n"
        if trends {
            markup += "<label>\(WebPage.text(l.pick("粒度", "By"))) <select name=\"by\">"
            for (value, label) in [("month", l.pick("月", "month")), ("quarter", l.pick("季", "quarter")), ("year", l.pick("年", "year"))] {
                markup += "<option value=\"\(value)\"\(value == by ? " selected" : "")>\(WebPage.text(label))</option>"
            }
            markup += "</select></label>\n"
        }
        markup += "<button type=\"submit\">\(WebPage.text(l.pick("查看", "Show")))</button>\n"
        for format in exports ? [ReportFormat.csv, .xlsx, .json] : [] {
            var query = ["format=\(format.rawValue)", "lang=\(l.rawValue)"]
            if !period.isEmpty { query.append("period=" + WebRequest.percentEncoded(period)) }
            if trends { query.append("by=" + WebRequest.percentEncoded(by)) }
            let path = request.uri.path == "/" ? "/reports/trends" : request.uri.path
            markup += "<a href=\"\(WebPage.text(path + "?" + query.joined(separator: "&")))\" download>\(format.rawValue.uppercased())</a>\n"
        }
        return markup + "</form>\n"
    }

    /// `period=2012|2012-Q3|2012-06`; default the current year.
    static func period(_ text: String?, today: CivilDate) throws -> ReportPeriod {
        let label = text.flatMap { $0.isEmpty ? nil : $0 } ?? String(today.year)
        guard let period = ReportPeriod(parsing: label) else {
            throw APIError.badRequest("统计期格式应为 YYYY、YYYY-Qn 或 YYYY-MM：\(label)", "period must be YYYY, YYYY-Qn or YYYY-MM: \(label)")
        }
        return period
    }
}
