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

        let server = Process()
        server.executableURL = AnkangBinary.url
        server.arguments = ["serve", "--port", "0", "--db", db]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        // The first line names the port.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        let port = try #require(text.split(separator: ":").compactMap { Int($0.prefix { $0.isNumber }) }.last, "\(text)")

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
}
