import AnkangModel
import Foundation
import Testing

@Suite struct UUIDTextTests {
    @Test func canonicalFormsMatchFoundation() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let uuid = UUID()
            let lower = uuid.uuidString.lowercased()
            #expect(UUIDText.lowercased(uuid) == lower)
            #expect(UUIDText.parseCanonical(uuid.uuidString) == uuid)
            #expect(UUIDText.parseCanonical(lower) == uuid)
            // Mixed case, one character at a time.
            var mixed = Array(lower)
            let index = Int.random(in: 0..<mixed.count, using: &generator)
            mixed[index] = Character(mixed[index].uppercased())
            #expect(UUIDText.parse(String(mixed)) == uuid)
        }
    }

    @Test func malformedTextIsRefusedLikeFoundation() {
        let samples = [
            "", "0", "3f2504e0-4f89-11d3-9a0c-0305e82c330", "3f2504e0-4f89-11d3-9a0c-0305e82c33011",
            "3f2504e0+4f89-11d3-9a0c-0305e82c3301", "3f2504e04f8911d39a0c0305e82c3301", "3g2504e0-4f89-11d3-9a0c-0305e82c3301",
            "3f2504e0-4f89-11d3-9a0c-0305e82c330 ", " 3f2504e0-4f89-11d3-9a0c-0305e82c3301", "３f2504e0-4f89-11d3-9a0c-0305e82c330",
            "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}",
        ]
        for text in samples {
            #expect(UUIDText.parseCanonical(text) == nil, "\(text)")
            #expect(UUIDText.parse(text) == UUID(uuidString: text), "\(text)")
        }
    }
}
