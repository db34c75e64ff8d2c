import AnkangDocuments
import AnkangModel
import AnkangStore
import Foundation
import Testing

/// The compact encoder the log stores documents with reads back to the same values, and writes the
/// same JSON as Foundation's encoder (up to key order and number spelling).
@Suite struct StoredJSONTests {
    @Test func everySampleRoundTrips() throws {
        for path in Fixtures.samplePaths("valid") {
            let submission = Fixtures.submission("valid/" + URL(fileURLWithPath: path).lastPathComponent)
            let json = try StoredJSON.encode(submission)
            let decoded = try StoredJSON.decoder().decode(Submission.self, from: Data(json.utf8))
            #expect(decoded.id == submission.id)
            // Dates are kept to the millisecond; everything else exactly.
            var expected = submission
            expected.submittedAt = decoded.submittedAt
            #expect(abs(decoded.submittedAt.timeIntervalSince(submission.submittedAt)) < 0.001)
            #expect(decoded == expected, "\(path)")

            let foundation = try StoredJSON.encoder().encode(submission)
            let ours = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary
            let theirs = try JSONSerialization.jsonObject(with: foundation) as? NSDictionary
            #expect(ours == theirs, "\(path)")
        }
    }

    @Test func stringsAreEscaped() throws {
        struct Value: Codable, Equatable {
            var text: String
            var number: Double
            var list: [Int?]
            var nested: [String: [Bool]]
            var amount: Decimal
        }
        let value = Value(text: "引号\"反斜杠\\换行\n制表\t\u{01}/", number: 0.1, list: [1, nil, 3], nested: ["a": [true, false]], amount: Decimal(string: "1234.50")!)
        let json = try StoredJSON.encode(value)
        #expect(try StoredJSON.decoder().decode(Value.self, from: Data(json.utf8)) == value)
        #expect(json.contains(#"\u0001"#))
        #expect(throws: EncodingError.self) { try StoredJSON.encode(Double.nan) }
    }
}
