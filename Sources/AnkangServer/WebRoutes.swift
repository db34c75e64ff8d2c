import AnkangModel
import AnkangReports
import AnkangStore
import AnkangXML
import Foundation
import Hummingbird
import NIOCore

/// The web UI's own pages (signed in with the session cookie): upload, the enterprise list with grades and
/// the watchlist, the quarantine. Trend reports and scorecards come from ``ReportRoutes`` in web mode.
struct WebRoutes {
    let environment: ServiceEnvironment
    /// Grade band names by code, from the bundled scoring profiles (in profile id order, the first name wins).
    private let gradeNames: [String: LocalizedText]

    init(environment: ServiceEnvironment) {
        self.environment = environment
        var names: [String: LocalizedText] = [:]
        for profile in environment.intake.validator.bundle.profiles.values.sorted(by: { $0.id < $1.id }) {
            let bands: [GradeBand] = switch profile.rules {
            case let .ankangCup(rules): rules.grades
            case let .monitoringCompliance(rules): rules.grades
            }
            for band in bands where names[band.code] == nil { names[band.code] = band.label }
        }
        gradeNames = names
    }

    func register(on group: RouterGroup<AnkangRequestContext>) {
        group.get("upload") { request, context in try uploadPage(request, user: context.requireUser()) }
        group.post("upload") { request, context in try await uploadForm(request, user: context.requireUser()) }
        group.post("upload/file") { request, context in try await uploadFile(request, user: context.requireUser()) }
        group.get("enterprises") { request, context in try await enterprises(request, user: context.requireUser()) }
        group.get("quarantine") { request, context in try await quarantine(request, user: context.requireUser()) }
        group.get("quarantine/:sha256") { request, context in try await quarantined(request, context: context) }
    }

    // MARK: - Upload

    private func uploadPage(_ request: Request, user: UserAccount) -> Response {
        let l = WebRequest.language(request)
        var page = WebPage(language: l, title: l.pick("上传检查记录", "Upload inspection files"), user: user, current: "upload")
        page.scripts = ["/assets/upload.js"]
        page.raw("<h1>\(WebPage.text(l.pick("上传检查记录", "Upload inspection files")))</h1>\n")
        page.raw(uploadForm(l))
        return page.response()
    }

    private func uploadForm(_ l: ReportLanguage) -> String {
        let labels: [(String, String)] = [
            ("accepted", l.pick("已接收", "Accepted")), ("duplicate", l.pick("重复提交（已存在相同文件）", "Duplicate (already stored)")),
            ("rejected", l.pick("未通过校验，已存入隔离区", "Invalid, quarantined")), ("conflict", l.pick("编号冲突", "Id conflict")),
            ("refused", l.pick("被拒绝", "Refused")), ("score", l.pick("得分", "Score")), ("grade", l.pick("等级", "Grade")),
            ("sending", l.pick("正在上传…", "Uploading…")), ("failed", l.pick("上传失败", "Upload failed")), ("lang", l.rawValue),
        ]
        let data = labels.map { "data-\($0.0)=\"\(WebPage.text($0.1))\"" }.joined(separator: " ")
        return """
            <form class="upload" id="upload-form" method="post" action="/upload" enctype="multipart/form-data">
            <div class="drop" id="drop-zone">
            <p>\(WebPage.text(l.pick("把 XML 文件拖到这里，或选择文件（可多选）", "Drop XML files here, or choose files (several at once)")))</p>
            <input type="file" id="files" name="files" accept=".xml,application/xml,text/xml" multiple>
            </div>
            <button type="submit" id="upload-submit">\(WebPage.text(l.pick("上传", "Upload")))</button>
            <span class="muted">\(WebPage.text(l.pick("每个文件单独校验、评分并入库；结果逐个显示。", "Each file is validated, scored and stored on its own; results appear as they arrive.")))</span>
            </form>
            <ol class="results" id="results" aria-live="polite" \(data)></ol>

            """
    }

    /// The page's script sends each file on its own here (`X-File-Name` percent-encoded) and shows the answer.
    private func uploadFile(_ request: Request, user: UserAccount) async throws -> Response {
        var request = request
        let body = try await Uploads.collect(&request, environment: environment)
        let name = request.headers[.init("X-File-Name")!].flatMap { $0.removingPercentEncoding }
        var (status, answer) = try await Uploads.submit(
            Array(buffer: body), fileName: name, contentType: request.headers[.contentType], user: user, store: true, environment: environment)
        answer.gradeLabel = answer.receipt?.grade.map { gradeLabel($0, WebRequest.language(request)) }
        return JSONBody.response(status, answer)
    }

    /// Without JavaScript the form posts every file at once; the answer is a page of results.
    private func uploadForm(_ request: Request, user: UserAccount) async throws -> Response {
        let l = WebRequest.language(request)
        var request = request
        let body = try await Uploads.collect(&request, environment: environment)
        guard let parts = try FormPart.parse(body, contentType: request.headers[.contentType]) else {
            throw APIError.badRequest("请用表单上传文件", "upload the files with the form")
        }
        var page = WebPage(language: l, title: l.pick("上传结果", "Upload results"), user: user, current: "upload")
        page.raw("<h1>\(WebPage.text(l.pick("上传结果", "Upload results")))</h1>\n<ol class=\"results\">\n")
        let files = parts.filter { part in part.fileName.map { !$0.isEmpty } ?? false }
        for file in await Uploads.submit(files, user: user, store: true, environment: environment) {
            page.raw(resultItem(file: file.file, answer: file.answer, language: l))
        }
        page.raw("</ol>\n<p><a href=\"/upload\">\(WebPage.text(l.pick("继续上传", "Upload more")))</a></p>\n")
        return page.response()
    }

    private func resultItem(file: String, answer: SubmissionRoutes.UploadAnswer, language l: ReportLanguage) -> String {
        if answer.outcome == "refused", let error = answer.error {
            return "<li><strong>\(WebPage.text(file))</strong> <span class=\"error\">\(WebPage.text(l.pick(error.zh, error.en)))</span></li>\n"
        }
        let (label, style) = switch answer.outcome {
        case "accepted": (l.pick("已接收", "Accepted"), "ok")
        case "duplicate": (l.pick("重复提交（已存在相同文件）", "Duplicate (already stored)"), "warn")
        case "conflict": (l.pick("编号冲突", "Id conflict"), "error")
        default: (l.pick("未通过校验，已存入隔离区", "Invalid, quarantined"), "error")
        }
        var markup = "<li class=\"\(answer.outcome)\"><strong>\(WebPage.text(file))</strong> <span class=\"\(style)\">\(WebPage.text(label))</span>"
        if let total = answer.receipt?.scoreTotal {
            markup += " · \(WebPage.text(l.pick("得分", "Score"))) \(WebPage.text(String(format: "%.1f", total)))"
        }
        if let grade = answer.receipt?.grade {
            markup += " · \(WebPage.text(l.pick("等级", "Grade"))) \(WebPage.text(gradeLabel(grade, l)))"
        }
        markup += findingList(answer.findings, language: l)
        return markup + "</li>\n"
    }

    private func findingList(_ findings: [Diagnostic], language l: ReportLanguage) -> String {
        guard !findings.isEmpty else { return "" }
        var markup = "<ul>"
        for finding in findings {
            let place = [finding.line.map(String.init) ?? "?", finding.column.map(String.init) ?? "?"].joined(separator: ":")
            markup += "<li><span class=\"\(finding.severity == .error ? "error" : "warn")\">\(WebPage.text(place))</span> "
                + WebPage.text(l.pick(finding.zh, finding.en))
                + (finding.path.map { " <code>[\(WebPage.text($0))]</code>" } ?? "")
                + " <span class=\"muted\">(\(WebPage.text(finding.code)))</span></li>"
        }
        return markup + "</ul>"
    }

    /// A grade code's name (the code itself if no profile names it).
    private func gradeLabel(_ code: String, _ l: ReportLanguage) -> String {
        gradeNames[code].map(l.pick) ?? code
    }

    // MARK: - Enterprises

    /// Every enterprise of the user's jurisdiction with its latest 安康杯 total and grade in the period, each
    /// linking to its scorecard, with the watchlist on top.
    private func enterprises(_ request: Request, user: UserAccount) async throws -> Response {
        let l = WebRequest.language(request)
        let today = environment.today()
        let period = try ReportRoutes.period(request.uri.queryParameters.get("period"), today: today)
        let scorecardRequest = ScorecardRequest(period: period, today: today)
        var scope = scorecardRequest.scope(enterprise: nil, city: user.jurisdiction.first)
        if user.jurisdiction.count >= 2 { scope.jurisdictionUnit = user.jurisdiction[1] }
        let facts: ReportFacts
        do {
            facts = try await environment.store.reportFacts(scope)
        } catch {
            throw APIError.unavailable(error)
        }
        var latest: [String: SubmissionFact] = [:]
        for fact in facts.submissions where fact.kind == .ankangCupAssessment && fact.scoreTotal != nil && period.contains(fact.date) {
            latest[fact.enterpriseKey] = fact
        }
        let rows = facts.enterprises.sorted { ($0.jurisdictionUnit, $0.name) < ($1.jurisdictionUnit, $1.name) }.map { enterprise in
            let fact = latest[enterprise.key]
            let file = "/reports/scorecards/\(WebRequest.percentEncoded(enterprise.key))?period=\(WebRequest.percentEncoded(period.label))"
            return (name: "\(enterprise.name)（\(enterprise.jurisdictionUnit)）", file: file, total: fact?.scoreTotal,
                    grade: fact?.grade.map { gradeLabel($0, l) })
        }
        let watchlist = Watchlist(scorecardRequest, facts: facts, context: environment.reportContext)
        let header = WebPage.navigation(language: l, user: user, current: "enterprises") + ReportRoutes.toolbar(request, language: l, exports: false)
        return WebPage.html(watchlist.htmlIndex(l, scorecards: rows, siteHeader: header), policy: ReportRoutes.reportPolicy)
    }

    // MARK: - Quarantine

    /// City-level users see every refused file; others see the files they uploaded themselves (a refused
    /// file may name no enterprise, so it has no place in the hierarchy to filter on).
    private func quarantine(_ request: Request, user: UserAccount) async throws -> Response {
        let l = WebRequest.language(request)
        let entries: [QuarantineEntry]
        do {
            entries = try await environment.store.quarantine(limit: 500, rejectedFor: Self.quarantineOwner(user))
        } catch {
            throw APIError.unavailable(error)
        }
        var page = WebPage(language: l, title: l.pick("隔离区", "Quarantine"), user: user, current: "quarantine")
        page.raw("<h1>\(WebPage.text(l.pick("隔离区：未通过校验的文件", "Quarantine: files that failed validation")))</h1>\n")
        guard !entries.isEmpty else {
            page.raw("<p class=\"muted\">\(WebPage.text(l.pick("没有被拒绝的文件。", "No refused files.")))</p>\n")
            return page.response()
        }
        page.raw("<table>\n<thead><tr><th>\(WebPage.text(l.pick("文件", "File")))</th><th>\(WebPage.text(l.pick("错误代码", "Error codes")))</th>"
                 + "<th>\(WebPage.text(l.pick("最近一次", "Last seen")))</th><th>\(WebPage.text(l.pick("次数", "Attempts")))</th></tr></thead>\n<tbody>\n")
        for entry in entries {
            page.raw("<tr><td><a href=\"/quarantine/\(entry.sha256)\">\(WebPage.text(entry.fileName ?? String(entry.sha256.prefix(12))))</a></td>"
                     + "<td>\(WebPage.text(entry.findingCodes.joined(separator: " ")))</td><td>\(WebPage.text(Self.shanghai(entry.lastSeen)))</td>"
                     + "<td class=\"n\">\(entry.attempts)</td></tr>\n")
        }
        page.raw("</tbody></table>\n")
        return page.response()
    }

    private func quarantined(_ request: Request, context: AnkangRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let l = WebRequest.language(request)
        guard let sha256 = context.parameters.get("sha256") else { throw APIError.notFound("文件 (file)") }
        let found: (entry: QuarantineEntry, findingsJSON: String)?
        do {
            found = try await environment.store.quarantinedFile(sha256: sha256, rejectedFor: Self.quarantineOwner(user))
        } catch {
            throw APIError.unavailable(error)
        }
        guard let found else { throw APIError.notFound("文件 (file)") }
        let findings = (try? JSONDecoder().decode([Diagnostic].self, from: Data(found.findingsJSON.utf8))) ?? []
        let entry = found.entry
        var page = WebPage(language: l, title: entry.fileName ?? entry.sha256, user: user, current: "quarantine")
        page.raw("<h1>\(WebPage.text(entry.fileName ?? entry.sha256))</h1>\n")
        page.raw("<p class=\"muted\">SHA-256 <code>\(entry.sha256)</code> · \(entry.size) B · "
                 + "\(WebPage.text(l.pick("首次", "First seen"))) \(WebPage.text(Self.shanghai(entry.firstSeen))) · "
                 + "\(WebPage.text(l.pick("最近", "Last seen"))) \(WebPage.text(Self.shanghai(entry.lastSeen))) · "
                 + "\(WebPage.text(l.pick("次数", "Attempts"))) \(entry.attempts)</p>\n")
        page.raw(findingList(findings, language: l))
        return page.response()
    }

    /// Whose refused files a user sees: everyone's for a city-level user (nil), else their own.
    static func quarantineOwner(_ user: UserAccount) -> String? {
        user.jurisdiction.count >= 2 ? user.name : nil
    }

    /// An instant as shown to people: Asia/Shanghai, `2026-11-25 20:07`.
    static func shanghai(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
