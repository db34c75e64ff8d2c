/// Item codes ("A1" … "Z99") and "十个一" activity codes ("TA01" … "TA99") as small integers, so that the
/// look-ups made for every score index arrays instead of hashing strings.
enum CodeKey {
    /// The number of distinct item keys: 26 letters × 100 numbers.
    static let itemKeyCount = 2600

    /// "D12" → 3 × 100 + 12; `nil` unless the code is a capital letter and one or two digits.
    static func item(_ code: String) -> Int? {
        var bytes = code.utf8.makeIterator()
        guard let letter = bytes.next(), (65...90).contains(letter), let number = digits(&bytes) else { return nil }
        return Int(letter - 65) * 100 + number
    }

    /// "TA07" → 7; `nil` unless the code is "TA" and one or two digits.
    static func activity(_ code: String) -> Int? {
        var bytes = code.utf8.makeIterator()
        guard bytes.next() == 84, bytes.next() == 65 else { return nil }
        return digits(&bytes)
    }

    /// One or two ASCII digits and nothing after them.
    private static func digits(_ bytes: inout String.UTF8View.Iterator) -> Int? {
        guard let first = bytes.next(), (48...57).contains(first) else { return nil }
        guard let second = bytes.next() else { return Int(first - 48) }
        guard (48...57).contains(second), bytes.next() == nil else { return nil }
        return Int(first - 48) * 10 + Int(second - 48)
    }
}

/// A set of activity keys 0…127 in two words.
struct ActivitySet: Equatable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// Adds a key (keys outside 0…127 are ignored).
    mutating func insert(_ key: Int) {
        switch key {
        case 0..<64: low |= 1 << UInt64(key)
        case 64..<128: high |= 1 << UInt64(key - 64)
        default: break
        }
    }

    /// Whether the key is present.
    func contains(_ key: Int) -> Bool {
        switch key {
        case 0..<64: low & (1 << UInt64(key)) != 0
        case 64..<128: high & (1 << UInt64(key - 64)) != 0
        default: false
        }
    }

    /// The number of keys present.
    var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }
}
