import Foundation

/// A streaming JSON encoder for the documents the log stores (the model, findings, scores): bytes are
/// written as the values are visited, with no intermediate tree, several times faster than
/// `JSONEncoder` on Linux. Output is compact JSON that `StoredJSON.decoder()` reads: dates as
/// ``Timestamp`` text, decimals as numbers, keys in encoding order, `nil` optionals left out.
///
/// It relies on what every synthesized and hand-written `Encodable` here does: a container is
/// written to completely before its parent continues (containers are closed lazily, when the parent
/// writes its next entry or the encoding ends).
final class CompactJSONEncoder: Encoder {
    private(set) var bytes: [UInt8] = []
    /// The open containers: the byte that closes each.
    private var open: [UInt8] = []
    /// Whether each open container has an entry yet (for commas).
    private var hasEntries: [Bool] = []
    /// True when the next write is a value (after a key, an array comma, or at the top).
    private var expectingValue = true

    /// Write keys in snake_case (`submissionId` → `submission_id`), as database column names.
    private let snakeCaseKeys: Bool
    private var snakeCase: [String: String] = [:]

    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(snakeCaseKeys: Bool) {
        self.snakeCaseKeys = snakeCaseKeys
        bytes.reserveCapacity(16 * 1024)
    }

    /// Encodes `value` as compact JSON text.
    static func encode<T: Encodable>(_ value: T, snakeCaseKeys: Bool = false) throws -> String {
        let encoder = CompactJSONEncoder(snakeCaseKeys: snakeCaseKeys)
        try encoder.encodeValue(value)
        encoder.closeAll(above: 0)
        return String(decoding: encoder.bytes, as: UTF8.self)
    }

    // MARK: - Structure

    fileprivate func closeAll(above depth: Int) {
        while open.count > depth {
            bytes.append(open.removeLast())
            hasEntries.removeLast()
        }
    }

    /// Opens an object or array where a value is expected; returns its depth.
    fileprivate func openContainer(_ opening: UInt8, _ closing: UInt8) -> Int {
        bytes.append(opening)
        open.append(closing)
        hasEntries.append(false)
        expectingValue = false
        return open.count
    }

    /// Starts an entry of the container at `depth`: closes deeper containers, writes the comma.
    fileprivate func beginEntry(at depth: Int) {
        closeAll(above: depth)
        if hasEntries[depth - 1] { bytes.append(UInt8(ascii: ",")) }
        hasEntries[depth - 1] = true
    }

    fileprivate func writeKey(_ key: String, at depth: Int) {
        beginEntry(at: depth)
        if snakeCaseKeys {
            if let known = snakeCase[key] {
                writeString(known)
            } else {
                var converted = ""
                for character in key {
                    if character.isUppercase {
                        converted += "_" + character.lowercased()
                    } else {
                        converted.append(character)
                    }
                }
                snakeCase[key] = converted
                writeString(converted)
            }
        } else {
            writeString(key)
        }
        bytes.append(UInt8(ascii: ":"))
        expectingValue = true
    }

    fileprivate func writeElement(at depth: Int) {
        beginEntry(at: depth)
        expectingValue = true
    }

    // MARK: - Values

    fileprivate func writeRaw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        expectingValue = false
    }

    fileprivate func writeString(_ text: String) {
        let utf8 = text.utf8
        // One append per string: every access to `bytes` is an exclusivity check.
        let plain = utf8.withContiguousStorageIfAvailable { buffer in
            !buffer.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        } ?? false
        if plain {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            expectingValue = false
            return
        }
        let hex = Array("0123456789abcdef".utf8)
        var escaped: [UInt8] = [UInt8(ascii: "\"")]
        escaped.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): escaped += [UInt8(ascii: "\\"), byte]
            case 0x0A: escaped += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: escaped += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: escaped += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: escaped += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: escaped.append(byte)
            }
        }
        escaped.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: escaped)
        expectingValue = false
    }

    fileprivate func writeDouble(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: codingPath, debugDescription: "not a finite number"))
        }
        if value == value.rounded(), abs(value) < 1e15 {
            writeRaw(String(Int64(value)))
        } else {
            writeRaw(value.description)
        }
    }

    fileprivate func encodeValue<T: Encodable>(_ value: T) throws {
        // Metatype comparisons first: a failed dynamic cast per composite value is costly.
        if T.self == Date.self, let date = value as? Date {
            writeString(Timestamp.text(date))
        } else if T.self == Decimal.self, let decimal = value as? Decimal {
            writeRaw(decimal.description)
        } else {
            try value.encode(to: self)
            // A value that wrote nothing is an empty object, as with JSONEncoder.
            if expectingValue { writeRaw("{}") }
        }
    }

    // MARK: - Encoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // The same value asking again gets the container it already has.
        let depth = expectingValue ? openContainer(UInt8(ascii: "{"), UInt8(ascii: "}")) : open.count
        return KeyedEncodingContainer(Keyed<Key>(encoder: self, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let depth = expectingValue ? openContainer(UInt8(ascii: "["), UInt8(ascii: "]")) : open.count
        return Unkeyed(encoder: self, depth: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(encoder: self)
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: CompactJSONEncoder
        let depth: Int
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil(forKey key: Key) throws {
            encoder.writeKey(key.stringValue, at: depth)
            encoder.writeRaw("null")
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            encoder.writeKey(key.stringValue, at: depth)
            try encoder.encodeValue(value)
        }

        mutating func encode(_ value: String, forKey key: Key) throws {
            encoder.writeKey(key.stringValue, at: depth)
            encoder.writeString(value)
        }

        mutating func encode(_ value: Bool, forKey key: Key) throws {
            encoder.writeKey(key.stringValue, at: depth)
            encoder.writeRaw(value ? "true" : "false")
        }

        mutating func encode(_ value: Int, forKey key: Key) throws {
            encoder.writeKey(key.stringValue, at: depth)
            encoder.writeRaw(String(value))
        }

        mutating func encode(_ value: Double, forKey key: Key) throws {
            encoder.writeKey(key.stringValue, at: depth)
            try encoder.writeDouble(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            encoder.writeKey(key.stringValue, at: depth)
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            encoder.writeKey(key.stringValue, at: depth)
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            encoder.writeKey("super", at: depth)
            return encoder
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            encoder.writeKey(key.stringValue, at: depth)
            return encoder
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: CompactJSONEncoder
        let depth: Int
        private(set) var count = 0
        var codingPath: [any CodingKey] { encoder.codingPath }

        init(encoder: CompactJSONEncoder, depth: Int) {
            self.encoder = encoder
            self.depth = depth
        }

        mutating func encodeNil() throws {
            encoder.writeElement(at: depth)
            encoder.writeRaw("null")
            count += 1
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            encoder.writeElement(at: depth)
            try encoder.encodeValue(value)
            count += 1
        }

        mutating func encode(_ value: String) throws {
            encoder.writeElement(at: depth)
            encoder.writeString(value)
            count += 1
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            encoder.writeElement(at: depth)
            count += 1
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            encoder.writeElement(at: depth)
            count += 1
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            encoder.writeElement(at: depth)
            count += 1
            return encoder
        }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: CompactJSONEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() throws { encoder.writeRaw("null") }
        mutating func encode(_ value: Bool) throws { encoder.writeRaw(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { encoder.writeString(value) }
        mutating func encode(_ value: Double) throws { try encoder.writeDouble(value) }
        mutating func encode(_ value: Float) throws { try encoder.writeDouble(Double(value)) }
        mutating func encode(_ value: Int) throws { encoder.writeRaw(String(value)) }
        mutating func encode(_ value: Int8) throws { encoder.writeRaw(String(value)) }
        mutating func encode(_ value: Int16) throws { encoder.writeRaw(String(value)) }
        mutating func encode(_ value: Int32) throws { encoder.writeRaw(String(value)) }
        mutating func encode(_ value: Int64) throws { encoder.writeRaw(String(value)) }
        mutating func encode(_ value: UInt) throws { encoder.writeRaw(String(value)) }
        mutating func encode(_ value: UInt8) throws { encoder.writeRaw(String(value)) }
        mutating func encode(_ value: UInt16) throws { encoder.writeRaw(String(value)) }
        mutating func encode(_ value: UInt32) throws { encoder.writeRaw(String(value)) }
        mutating func encode(_ value: UInt64) throws { encoder.writeRaw(String(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
    }
}
