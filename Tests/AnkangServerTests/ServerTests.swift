import AnkangDocuments
import AnkangIntake
import AnkangModel
import AnkangReports
import AnkangServer
import AnkangStore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The service over a real SQLite log, through Hummingbird's test client (`.live`: a real server on loopback).
@Suite("HTTP service")
struct ServerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bundle = try! SchemaBundle.embedded()
    static let validator = SubmissionValidator(bundle: bundle)

    static func sample(_ name: String) -> ByteBuffer {
        ByteBuffer(bytes: Array(FileManager.default.contents(atPath: root.appendingPathComponent("samples/" + name).path)!))
    }

    /// A fresh log with four users; runs `body` with a live test client and the tokens by user name.
    static func withService(maxUploadBytes: Int = 4 << 20, _ body: @Sendable (any TestClientProtocol, [String: String], any InspectionStore) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ankang-server-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = StoreLocation.sqlite(SQLiteLocation(path: folder.appendingPathComponent("log.sqlite").path))
        try await location.withStore { store in
            try await store.migrate()
            var tokens: [String: String] = [:]
            for (name, role, jurisdiction) in [("linze", UserRole.inspector, ["高邮市", "临泽镇"]), ("tangzhuang", .inspector, ["高邮市", "汤庄镇"]),
                                               ("city", .cityDepartment, ["高邮市"]), ("auditor", .auditor, ["高邮市"])] {
                let token = APIToken.generate()
                try await store.addUser(UserAccount(name: name, role: role, jurisdiction: jurisdiction, createdAt: Date()), tokenHash: APIToken.hash(token))
                tokens[name] = token
            }
            let scoring = try IntakeScorings.ankangCup(bundle: bundle)
            let context = ReportContext(catalogues: Array(bundle.catalogues.values), compliance: bundle.profiles["monitoring-compliance-2011"]!)!
            let environment = ServiceEnvironment(
                store: store, intake: SubmissionIntake(validator: validator, store: store, scoring: scoring), reportContext: context,
                maxUploadBytes: maxUploadBytes, today: { CivilDate(iso: "2012-12-31")! })
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let app = AnkangService.application(environment, host: "127.0.0.1", port: 0, logger: logger)
            let frozen = tokens
            try await app.test(.live) { client in try await body(client, frozen, store) }
        }
    }

    static func headers(_ token: String?, type: String = "application/xml") -> HTTPFields {
        var fields: HTTPFields = [.contentType: type]
        if let token { fields[.authorization] = "Bearer \(token)" }
        return fields
    }

    /// A URI with its non-ASCII characters percent-encoded, as a browser sends it.
    static func encoded(_ uri: String) -> String { uri.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)! }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func healthAndMetricsNeedNoToken() async throws {
        try await Self.withService { client, _, _ in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok && String(buffer: health.body).contains("\"status\":\"ok\""))
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok && String(buffer: metrics.body).contains("ankang_validation_seconds_count"))
        }
    }

    @Test func theAPINeedsAValidToken() async throws {
        try await Self.withService { client, tokens, store in
            let none = try await client.execute(uri: "/api/v1/submissions", method: .get)
            #expect(none.status == .unauthorized && none.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            #expect(try Self.json(none)["error"] != nil)
            let wrong = try await client.execute(uri: "/api/v1/submissions", method: .get, headers: Self.headers("ank_nope"))
            #expect(wrong.status == .unauthorized)
            #expect(try await store.revokeUser(named: "linze", at: Date()))
            let revoked = try await client.execute(uri: "/api/v1/submissions", method: .get, headers: Self.headers(tokens["linze"]))
            #expect(revoked.status == .unauthorized)
        }
    }

    @Test func uploadAnswersEveryOutcome() async throws {
        try await Self.withService(maxUploadBytes: 200_000) { client, tokens, store in
            let file = Self.sample("valid/monitoring-2011-tangzhuang-mingda-team-day.xml")
            let token = tokens["tangzhuang"]
            let first = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: Self.headers(token), body: file)
            #expect(first.status == .created)
            let receipt = try #require(try Self.json(first)["receipt"] as? [String: Any])
            #expect((receipt["sha256"] as? String)?.count == 64 && receipt["kind"] as? String == "monitoringRecord")

            let retry = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: Self.headers(token), body: file)
            #expect(retry.status == .ok)
            #expect(try Self.json(retry)["receipt"] as? NSDictionary == receipt as NSDictionary)

            var changed = String(buffer: file)
            changed = changed.replacingOccurrences(of: "</monitoringRecord>", with: "<!-- 改 --></monitoringRecord>")
            let conflict = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: Self.headers(token), body: ByteBuffer(string: changed))
            #expect(conflict.status == .conflict)
            let body = try Self.json(conflict)
            #expect(body["storedSHA256"] as? String == receipt["sha256"] as? String && (body["offeredSHA256"] as? String)?.count == 64)

            let invalid = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: Self.headers(token),
                                                   body: Self.sample("invalid/sec-001-doctype.xml"))
            #expect(invalid.status == .unprocessableContent)
            let findings = try #require(try Self.json(invalid)["findings"] as? [[String: Any]])
            #expect(findings.contains { ($0["code"] as? String)?.hasPrefix("ANK-SEC") == true && $0["line"] != nil })

            let notXML = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: Self.headers(token, type: "text/plain"),
                                                  body: ByteBuffer(string: "hello"))
            #expect(notXML.status == .unsupportedMediaType)
            let big = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: Self.headers(token),
                                               body: ByteBuffer(repeating: UInt8(ascii: " "), count: 300_000))
            #expect(big.status == .contentTooLarge)

            let stats = try await store.stats()
            #expect(stats.count("submissions") == 1 && stats.count("quarantine") == 2, "the conflict and the invalid file are quarantined")
            let actions = try await store.auditLog(limit: 10).map(\.action)
            #expect(actions.contains("accept") && actions.contains("duplicate") && actions.contains("conflict") && actions.contains("reject"))

            // One after another, the four stored outcomes went to the log in four transactions of one upload each.
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            for line in ["ankang_uploads_total{outcome=\"accepted\"} 1", "ankang_uploads_total{outcome=\"not_xml\"} 1",
                         "ankang_uploads_total{outcome=\"too_large\"} 1", "ankang_validation_seconds_count 4",
                         "ankang_commit_uploads_bucket{le=\"1.0\"} 4", "ankang_commit_uploads_sum 4.0", "ankang_commit_seconds_count 4"] {
                #expect(metrics.contains(line + "\n"), "\(line)")
            }
        }
    }

    @Test func jurisdictionBoundsUploadsAndReads() async throws {
        try await Self.withService { client, tokens, store in
            let tangzhuang = Self.sample("valid/monitoring-2011-tangzhuang-mingda-team-day.xml")
            let linze = Self.sample("valid/rectification-2011-linze-huayun-closed.xml")
            let denied = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: Self.headers(tokens["linze"]), body: tangzhuang)
            #expect(denied.status == .forbidden)
            let readOnly = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: Self.headers(tokens["auditor"]), body: linze)
            #expect(readOnly.status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/submissions", method: .post, headers: Self.headers(tokens["linze"]), body: linze).status == .created)
            #expect(try await client.execute(uri: "/api/v1/submissions", method: .post, headers: Self.headers(tokens["city"]), body: tangzhuang).status == .created)
            #expect(try await store.stats().count("submissions") == 2)

            let mine = try await client.execute(uri: "/api/v1/submissions", method: .get, headers: Self.headers(tokens["linze"]))
            let rows = try #require(try Self.json(mine)["submissions"] as? [[String: Any]])
            #expect(rows.count == 1 && rows.first?["jurisdictionUnit"] as? String == "临泽镇")
            let all = try await client.execute(uri: "/api/v1/submissions", method: .get, headers: Self.headers(tokens["auditor"]))
            #expect((try Self.json(all)["submissions"] as? [[String: Any]])?.count == 2)
            let other = try await client.execute(uri: Self.encoded("/api/v1/submissions?unit=汤庄镇"), method: .get, headers: Self.headers(tokens["linze"]))
            #expect(other.status == .forbidden)

            let tangzhuangID = try #require(try await store.submissions(SubmissionQuery(jurisdictionUnit: "汤庄镇")).first?.receipt.submissionID)
            let hidden = try await client.execute(uri: "/api/v1/submissions/\(tangzhuangID.uuidString.lowercased())", method: .get,
                                                  headers: Self.headers(tokens["linze"]))
            #expect(hidden.status == .forbidden)
            let xml = try await client.execute(uri: "/api/v1/submissions/\(tangzhuangID.uuidString.lowercased())/xml", method: .get,
                                               headers: Self.headers(tokens["tangzhuang"]))
            #expect(xml.status == .ok && xml.body == tangzhuang, "the original bytes, verbatim")
        }
    }

    @Test func validateStoresNothing() async throws {
        try await Self.withService { client, tokens, store in
            let valid = try await client.execute(uri: "/api/v1/validate", method: .post, headers: Self.headers(tokens["auditor"]),
                                                 body: Self.sample("valid/assessment-2011-linze-huayun-selfcheck.xml"))
            let outcome = try Self.json(valid)["outcome"] as? String
            #expect(valid.status == .ok && outcome == "valid")
            let invalid = try await client.execute(uri: "/api/v1/validate", method: .post, headers: Self.headers(tokens["auditor"]),
                                                   body: Self.sample("invalid/sec-001-doctype.xml"))
            #expect(invalid.status == .unprocessableContent)
            let stats = try await store.stats()
            #expect(stats.count("submissions") == 0 && stats.count("quarantine") == 0)
        }
    }

    @Test func reportsInTheBrowserAndAsFiles() async throws {
        try await Self.withService { client, tokens, store in
            for name in ["rectification-2011-linze-huayun-closed.xml", "assessment-2011-linze-huayun-selfcheck.xml",
                         "monitoring-2011-tangzhuang-mingda-team-day.xml"] {
                _ = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: Self.headers(tokens["city"]), body: Self.sample("valid/" + name))
            }
            let page = try await client.execute(uri: "/api/v1/reports/trends?period=2011", method: .get, headers: Self.headers(tokens["linze"]))
            #expect(page.status == .ok && page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: page.body).contains("临泽镇") && !String(buffer: page.body).contains("汤庄镇"), "only the user's unit")
            let sheet = try await client.execute(uri: "/api/v1/reports/trends?period=2011&format=xlsx", method: .get, headers: Self.headers(tokens["city"]))
            #expect(sheet.status == .ok && sheet.body.readableBytesView.starts(with: [0x50, 0x4B]))
            let outside = try await client.execute(uri: Self.encoded("/api/v1/reports/trends?period=2011&org=高邮市/汤庄镇"), method: .get,
                                                   headers: Self.headers(tokens["linze"]))
            #expect(outside.status == .forbidden)
            let card = try await client.execute(uri: "/api/v1/reports/scorecards/91321084798426130K?period=2011&format=json", method: .get,
                                                headers: Self.headers(tokens["linze"]))
            #expect(card.status == .ok && String(buffer: card.body).contains("\"total\" : 97.2"))
            let notMine = try await client.execute(uri: "/api/v1/reports/scorecards/9132108473378245XE?period=2011", method: .get,
                                                   headers: Self.headers(tokens["linze"]))
            #expect(notMine.status == .forbidden)
            let badPeriod = try await client.execute(uri: "/api/v1/reports/trends?period=2011-13", method: .get, headers: Self.headers(tokens["city"]))
            #expect(badPeriod.status == .badRequest)
            #expect(try await store.auditLog(limit: 20).contains { $0.action == "export" && $0.user == "city" })
        }
    }

    /// Fifty clients, each on its own connection, upload the same file at once.
    @Test func fiftyIdenticalUploadsStoreOneRow() async throws {
        try await Self.withService { client, tokens, store in
            let port = try #require(client.port)
            let file = Data(buffer: Self.sample("valid/assessment-2012-sanduo-runfeng-spotcheck.xml"))
            let token = try #require(tokens["city"])
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpMaximumConnectionsPerHost = 50
            configuration.timeoutIntervalForRequest = 300
            let session = URLSession(configuration: configuration)
            let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/submissions")!)
                        request.httpMethod = "POST"
                        request.setValue("application/xml", forHTTPHeaderField: "Content-Type")
                        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
                        request.httpBody = file
                        let (body, response) = try await session.data(for: request)
                        let json = try JSONSerialization.jsonObject(with: body) as? [String: Any]
                        let receipt = try #require(json?["receipt"] as? [String: Any])
                        return ((response as? HTTPURLResponse)?.statusCode ?? 0,
                                "\(receipt["submissionID"] ?? "")/\(receipt["sequence"] ?? "")/\(receipt["sha256"] ?? "")")
                    }
                }
                var answers: [(Int, String)] = []
                for try await answer in group { answers.append(answer) }
                return answers
            }
            #expect(answers.count { $0.0 == 201 } == 1 && answers.count { $0.0 == 200 } == 49)
            #expect(Set(answers.map(\.1)).count == 1, "the same receipt for all")
            #expect(try await store.stats().count("submissions") == 1)
        }
    }
}

/// Multipart uploads and the OpenRosa endpoint.
@Suite("HTTP service: multipart and OpenRosa")
struct MultipartAndOpenRosaTests {
    static func multipart(_ files: [(field: String, name: String, bytes: ByteBuffer)], boundary: String = "ankang-boundary-7f3a") -> (HTTPFields, ByteBuffer) {
        var body = ByteBuffer()
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: text/xml\r\n\r\n")
            var bytes = file.bytes
            body.writeBuffer(&bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
    }

    static func basic(_ user: String, _ token: String) -> String { "Basic " + Data("\(user):\(token)".utf8).base64EncodedString() }

    @Test func manyFilesInOneRequest() async throws {
        try await ServerTests.withService { client, tokens, store in
            var (headers, body) = Self.multipart([
                ("file", "a.xml", ServerTests.sample("valid/assessment-2011-linze-huayun-selfcheck.xml")),
                ("file", "b.xml", ServerTests.sample("valid/rectification-2011-linze-huayun-closed.xml")),
                ("file", "bad.xml", ServerTests.sample("invalid/sec-001-doctype.xml")),
                ("file", "other-town.xml", ServerTests.sample("valid/monitoring-2011-tangzhuang-mingda-team-day.xml")),
                ("file", "a-again.xml", ServerTests.sample("valid/assessment-2011-linze-huayun-selfcheck.xml")),
                ("file", "a-changed.xml", ByteBuffer(string: String(buffer: ServerTests.sample("valid/assessment-2011-linze-huayun-selfcheck.xml"))
                    .replacingOccurrences(of: "</ankangCupAssessment>", with: "<!-- 改 --></ankangCupAssessment>"))),
            ])
            headers[.authorization] = "Bearer \(tokens["linze"]!)"
            let response = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: headers, body: body)
            #expect(response.status == .ok)
            let files = try #require(try ServerTests.json(response)["files"] as? [[String: Any]])
            #expect(files.map { $0["file"] as? String } == ["a.xml", "b.xml", "bad.xml", "other-town.xml", "a-again.xml", "a-changed.xml"])
            // In the body's order: the first copy is accepted, the second is its identical retry, the changed one a conflict.
            #expect(files.map { $0["status"] as? Int } == [201, 201, 422, 403, 200, 409])
            let receipts = files.map { ($0["answer"] as? [String: Any])?["receipt"] as? NSDictionary }
            #expect(receipts[0] != nil && receipts[4] == receipts[0])
            #expect(try await store.stats().count("submissions") == 2)
            // The five stored files went to the log in one transaction.
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(metrics.contains("ankang_commit_uploads_count 1\n") && metrics.contains("ankang_commit_uploads_sum 5.0\n"))
        }
    }

    /// More parts than are stored at a time: every part answered in order, each copy after its first a retry,
    /// and the files written in transactions of at most 64.
    @Test func aHundredAndFiftyFilesInOneRequest() async throws {
        try await ServerTests.withService(maxUploadBytes: 200_000) { client, tokens, store in
            let template = String(buffer: ServerTests.sample("valid/monitoring-2011-tangzhuang-mingda-team-day.xml"))
            let ids = (0..<100).map { _ in UUID().uuidString.lowercased() }
            // 100 distinct submissions, then the first 50 again.
            let names = (0..<150).map { "f\($0 % 100).xml" }
            var (headers, body) = Self.multipart(names.indices.map { index in
                let file = template.replacingOccurrences(of: "6c540d41-63a4-435e-9656-9e063b065e8b", with: ids[index % 100])
                return ("file", names[index], ByteBuffer(string: file))
            })
            headers[.authorization] = "Bearer \(tokens["tangzhuang"]!)"
            let response = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: headers, body: body)
            let files = try #require(try ServerTests.json(response)["files"] as? [[String: Any]])
            #expect(files.map { $0["file"] as? String } == names)
            #expect(files.map { $0["status"] as? Int } == Array(repeating: 201, count: 100) + Array(repeating: 200, count: 50))
            let submissionIDs = files.map { ((($0["answer"] as? [String: Any])?["receipt"] as? [String: Any])?["submissionID"] as? String)?.lowercased() }
            #expect(submissionIDs.count == 150 && submissionIDs.indices.allSatisfy { submissionIDs[$0] == ids[$0 % 100] },
                    "each answer carries the receipt of its own file (a copy: of the first upload)")
            #expect(try await store.stats().count("submissions") == 100)
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(metrics.contains("ankang_commit_uploads_sum 150.0\n") && metrics.contains("ankang_commit_uploads_count 3\n"),
                    "three transactions: 64, 64 and 22 files")
        }
    }

    @Test func openRosaHeadPostAndRetry() async throws {
        try await ServerTests.withService { client, tokens, store in
            let version: HTTPFields = [.init("X-OpenRosa-Version")!: "1.0"]
            let challenge = try await client.execute(uri: "/submission", method: .head, headers: version)
            #expect(challenge.status == .unauthorized && challenge.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            var authorised = version
            authorised[.authorization] = Self.basic("linze", tokens["linze"]!)
            let head = try await client.execute(uri: "/submission", method: .head, headers: authorised)
            #expect(head.status == .noContent && head.headers[.init("X-OpenRosa-Accept-Content-Length")!] != nil)
            var wrongUser = version
            wrongUser[.authorization] = Self.basic("city", tokens["linze"]!)
            #expect(try await client.execute(uri: "/submission", method: .head, headers: wrongUser).status == .unauthorized)
            #expect(try await client.execute(uri: "/submission", method: .head, headers: [.authorization: Self.basic("linze", tokens["linze"]!)]).status
                    == .badRequest, "the OpenRosa version header is required")

            var (headers, body) = Self.multipart([("xml_submission_file", "submission.xml",
                                                   ServerTests.sample("valid/assessment-2011-linze-huayun-selfcheck.xml"))])
            headers.append(contentsOf: authorised)
            let first = try await client.execute(uri: "/submission", method: .post, headers: headers, body: body)
            #expect(first.status == .created)
            let text = String(buffer: first.body)
            #expect(text.contains("<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\">") && text.contains("submit_success"))
            let retry = try await client.execute(uri: "/submission", method: .post, headers: headers, body: body)
            #expect(retry.status == .created && String(buffer: retry.body) == text, "an identical retry gets the original receipt")

            (headers, body) = Self.multipart([("xml_submission_file", "bad.xml", ServerTests.sample("invalid/sec-001-doctype.xml"))])
            headers.append(contentsOf: authorised)
            let invalid = try await client.execute(uri: "/submission", method: .post, headers: headers, body: body)
            #expect(invalid.status == .badRequest && String(buffer: invalid.body).contains("ANK-SEC-001"))
            #expect(try await store.stats().count("submissions") == 1)
        }
    }
}

/// The OpenAPI document is served, parses, and every operation it lists exists on a live server.
@Suite("HTTP service: OpenAPI document")
struct OpenAPITests {
    @Test func everyDocumentedOperationIsAnswered() async throws {
        try await ServerTests.withService { client, tokens, _ in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = try ServerTests.json(response)
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var operations = 0
            for (path, methods) in paths.sorted(by: { $0.key < $1.key }) {
                let uri = path.replacingOccurrences(of: "{id}", with: UUID().uuidString.lowercased())
                    .replacingOccurrences(of: "{enterprise}", with: "91321084798426130K")
                for method in methods.keys {
                    let httpMethod = HTTPRequest.Method(rawValue: method.uppercased())!
                    var headers = ServerTests.headers(tokens["city"])
                    headers[.init("X-OpenRosa-Version")!] = "1.0"
                    let answer = try await client.execute(uri: uri, method: httpMethod, headers: headers, body: ByteBuffer(string: "<x/>"))
                    // A documented operation is routed: whatever it answers, it is not "no such route".
                    let routed = answer.status != .methodNotAllowed && (answer.status != .notFound || String(buffer: answer.body).contains("ANK-API-404"))
                    #expect(routed, "\(method.uppercased()) \(path) → \(answer.status)")
                    operations += 1
                }
            }
            #expect(operations == 12)
            let undocumented = try await client.execute(uri: "/api/v1/nothing-here", method: .get, headers: ServerTests.headers(tokens["city"]))
            #expect(undocumented.status == .notFound)
        }
    }
}
