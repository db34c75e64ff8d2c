import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `ankang serve` as a separate process on loopback: a user added with `ankang users add` uploads over
/// HTTP, SIGTERM stops the server cleanly, and what got a 2xx is in the log afterwards.
@Suite struct ServeCommandTests {
    @Test func uploadThenStopCleanly() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ankang-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite:" + folder.appendingPathComponent("log.sqlite").path
        let added = try AnkangBinary.run(["users", "add", "zhou", "--role", "inspector", "--jurisdiction", "高邮市/汤庄镇", "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        let token = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("ank_"))
        let listed = try AnkangBinary.run(["users", "list", "--db", db])
        #expect(listed.stdout.contains("zhou\tinspector\t高邮市/汤庄镇\tactive"))

        let (server, port) = try ServerProcess.start(db: db)
        defer { if server.isRunning { server.terminate() } }

        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/submissions")!)
        request.httpMethod = "POST"
        request.setValue("application/xml", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.httpBody = try Data(contentsOf: URL(fileURLWithPath: AnkangBinary.samples("valid/monitoring-2011-tangzhuang-mingda-team-day.xml")))
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 201, "\(String(decoding: body, as: UTF8.self))")

        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
        #expect(server.terminationStatus == 0, "SIGTERM is a graceful shutdown")
        let stats = try AnkangBinary.run(["db", "stats", "--format", "json", "--db", db])
        #expect(stats.stdout.contains("\"submissions\" : 1"))
        let revoked = try AnkangBinary.run(["users", "revoke", "zhou", "--db", db])
        #expect(revoked.status == 0)
        #expect(try AnkangBinary.run(["users", "revoke", "zhou", "--db", db]).status == 1)
    }

    /// A client that sends headers and part of a body, then nothing, is cut off after the idle timeout;
    /// the server answers others meanwhile.
    @Test func halfSentBodiesAreCutOff() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ankang-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (server, port) = try ServerProcess.start(db: "sqlite:" + folder.appendingPathComponent("log.sqlite").path, arguments: ["--idle-timeout", "1"])
        defer { server.terminate() }
        let socket = try RawConnection(port: port)
        defer { socket.close() }
        socket.send("POST /api/v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\nContent-Length: 100000\r\n\r\n<?xml")
        let (health, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/health")!)
        #expect(String(decoding: health, as: UTF8.self).contains("ok"), "others are served meanwhile")
        // A liveness bound, not a timing: with a 1-second idle timeout the server closes it long before.
        #expect(socket.waitForClose(seconds: 120), "the half-sent request is closed")
    }

    /// Uploads in flight, the server killed with SIGKILL: after a restart every upload that got a 2xx is there.
    @Test func nothingAcknowledgedIsLostWhenKilled() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ankang-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generate.arguments = ["python3", AnkangBinary.packageRoot.appendingPathComponent("tools/gen-corpus.py").path, "--count", "240", "--seed", "11",
                              "--invalid-share", "0", "--size-scale", "0.25", "--out", corpus.path]
        generate.standardOutput = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".xml") }.sorted()
        let db = "sqlite:" + folder.appendingPathComponent("log.sqlite").path
        let token = try AnkangBinary.run(["users", "add", "city", "--role", "cityDepartment", "--jurisdiction", "高邮市", "--db", db])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let (server, port) = try ServerProcess.start(db: db)
        let acknowledged = AcknowledgedUploads()
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<16 {
                group.addTask {
                    for name in files.enumerated().filter({ $0.offset % 16 == worker }).map(\.element) {
                        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/submissions")!)
                        request.httpMethod = "POST"
                        request.setValue("application/xml", forHTTPHeaderField: "Content-Type")
                        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
                        request.httpBody = try? Data(contentsOf: corpus.appendingPathComponent(name))
                        guard let (body, response) = try? await URLSession.shared.data(for: request),
                              let status = (response as? HTTPURLResponse)?.statusCode, (200..<300).contains(status),
                              let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
                              let receipt = json["receipt"] as? [String: Any], let id = receipt["submissionID"] as? String else { return }
                        if await acknowledged.add(id) == 60 { kill(server.processIdentifier, SIGKILL) }
                    }
                }
            }
        }
        server.waitUntilExit()
        #expect(server.terminationReason == .uncaughtSignal, "killed mid-run")
        let ids = await acknowledged.ids
        #expect(ids.count >= 60 && ids.count < files.count, "\(ids.count) acknowledged before the kill")
        let check = try AnkangBinary.run(["db", "check", "--db", db])
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        let (restarted, newPort) = try ServerProcess.start(db: db)
        defer { restarted.terminate() }
        for id in ids {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(newPort)/api/v1/submissions/\(id.lowercased())")!)
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            let (_, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 200, "acknowledged \(id) is stored")
        }
    }
}

/// Two `ankang serve` processes on one PostgreSQL database (tools/with-postgres provides the server).
@Suite("Two servers on one PostgreSQL", .enabled(if: SharedPostgres.enabled, Comment(rawValue: SharedPostgres.skipMessage)))
struct TwoServersTests {
    /// Fifty clients, each on its own connection, send the same file to two servers at once: one row, one
    /// 201, and the same receipt for everyone.
    @Test func fiftyIdenticalUploadsAcrossTwoServers() async throws {
        let db = try SharedPostgres.freshDatabase()
        let token = try AnkangBinary.run(["users", "add", "city", "--role", "cityDepartment", "--jurisdiction", "高邮市", "--db", db])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let (first, firstPort) = try ServerProcess.start(db: db)
        defer { first.terminate() }
        let (second, secondPort) = try ServerProcess.start(db: db)
        defer { second.terminate() }
        let file = try Data(contentsOf: URL(fileURLWithPath: AnkangBinary.samples("valid/assessment-2012-sanduo-runfeng-spotcheck.xml")))
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 50
        configuration.timeoutIntervalForRequest = 300
        let session = URLSession(configuration: configuration)
        let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for client in 0..<50 {
                group.addTask {
                    let port = client % 2 == 0 ? firstPort : secondPort
                    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/submissions")!)
                    request.httpMethod = "POST"
                    request.setValue("application/xml", forHTTPHeaderField: "Content-Type")
                    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
                    request.httpBody = file
                    let (body, response) = try await session.data(for: request)
                    let json = try JSONSerialization.jsonObject(with: body) as? [String: Any]
                    let receipt = try #require(json?["receipt"] as? [String: Any], "\(String(decoding: body, as: UTF8.self))")
                    return ((response as? HTTPURLResponse)?.statusCode ?? 0,
                            "\(receipt["submissionID"] ?? "")/\(receipt["sequence"] ?? "")/\(receipt["sha256"] ?? "")")
                }
            }
            var answers: [(Int, String)] = []
            for try await answer in group { answers.append(answer) }
            return answers
        }
        #expect(answers.count { $0.0 == 201 } == 1 && answers.count { $0.0 == 200 } == 49, "\(answers.map(\.0))")
        #expect(Set(answers.map(\.1)).count == 1, "the same receipt for all")
        let stats = try AnkangBinary.run(["db", "stats", "--format", "json", "--db", db])
        #expect(stats.stdout.contains("\"submissions\" : 1"), "\(stats.stdout)")
    }
}

/// A PostgreSQL server for the command-line tests: `ANKANG_TEST_POSTGRES_URL`, as tools/with-postgres sets it.
enum SharedPostgres {
    static let url = ProcessInfo.processInfo.environment["ANKANG_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    /// Runs when a server is configured, and always in CI (where a missing server fails).
    static var enabled: Bool { url != nil || AnkangBinary.inCI }
    static let skipMessage = "two-server tests skipped: no PostgreSQL (set ANKANG_TEST_POSTGRES_URL, e.g. run under tools/with-postgres)"

    /// A new empty database on the server (left for the throwaway cluster to take away); its URL.
    static func freshDatabase() throws -> String {
        let admin = try #require(url, "CI requires ANKANG_TEST_POSTGRES_URL (run the tests under tools/with-postgres)")
        let name = "ankang_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        psql.arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", admin, "-c", "CREATE DATABASE \(name)"]
        try psql.run()
        psql.waitUntilExit()
        try #require(psql.terminationStatus == 0, "psql CREATE DATABASE")
        var components = try #require(URLComponents(string: admin))
        components.path = "/" + name
        return try #require(components.string)
    }
}

/// Submission ids that got a 2xx.
actor AcknowledgedUploads {
    private(set) var ids: [String] = []

    /// Adds one; returns how many there are now.
    func add(_ id: String) -> Int {
        ids.append(id)
        return ids.count
    }
}

/// `ankang serve --port 0` as a child process, with the port it bound.
enum ServerProcess {
    static func start(db: String, arguments: [String] = []) throws -> (Process, Int) {
        let server = Process()
        server.executableURL = AnkangBinary.url
        server.arguments = ["serve", "--port", "0", "--db", db] + arguments
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        // The first line names the port.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        // "… listening on http://127.0.0.1:PORT (DATABASE)": the port of the address, not one in a database URL.
        let address = try #require(text.components(separatedBy: "listening on http://").last?.split(separator: " ").first, "\(text)")
        let port = try #require(address.split(separator: ":").last.flatMap { Int($0) }, "\(text)")
        return (server, port)
    }
}

/// A bare TCP connection to the server on loopback, to play a client that stops mid-request.
final class RawConnection {
    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        // A plain error, not an expectation: callers may be waiting for a server to start listening.
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw SocketError(message: "cannot connect to 127.0.0.1:\(port)")
        }
    }

    func send(_ text: String) { send(Data(text.utf8)) }

    func send(_ data: Data) {
        _ = data.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Reads one HTTP answer: the head, then as many body bytes as `Content-Length` announces (or up to the
    /// close without one). Its status and body.
    func readHTTPResponse() throws -> (status: Int, body: Data) {
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        var expected: Int?
        var bodyStart: Data.Index?
        while expected.map({ response.count < $0 }) ?? true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response.append(contentsOf: buffer[0..<count])
            if bodyStart == nil, let split = response.range(of: Data("\r\n\r\n".utf8)) {
                bodyStart = split.upperBound
                let head = String(decoding: response[..<split.lowerBound], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
                expected = length.map { split.upperBound - response.startIndex + $0 }
            }
        }
        guard let bodyStart else { throw SocketError(message: "no HTTP answer") }
        let head = String(decoding: response[..<bodyStart], as: UTF8.self)
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, Data(response[bodyStart...]))
    }

    struct SocketError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Whether the server closes the connection (a read returns 0 or fails) within `seconds`.
    func waitForClose(seconds: Int) -> Bool {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { return true }
            if count < 0 { return errno != EAGAIN && errno != EWOULDBLOCK }
        }
    }

    func close() { Glibc.close(descriptor) }
}
