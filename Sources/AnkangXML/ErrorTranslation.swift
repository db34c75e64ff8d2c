/// Turns libxml2's English error messages into Ankang findings: a stable code, a Chinese message and a
/// cleaned English one (namespace URIs removed, so `{urn:ankang:inspection:1}hazard` reads `hazard`).
enum ErrorTranslation {
    /// A schema-validity error (libxml2 domain `XML_FROM_SCHEMASV`).
    static func schemaError(code: Int32, message raw: String) -> (DiagnosticCode, zh: String, en: String) {
        let translated = schemaErrorText(code: code, message: raw)
        return (translated.0, translated.zh, translated.en)
    }

    /// The element a schema error is about ("Element 'x': …"), without its namespace.
    static func elementSubject(of message: String) -> String? {
        guard message.hasPrefix("Element '"), let colon = message.firstRange(of: "': ") ?? message.firstRange(of: "', ") else { return nil }
        return quoted(String(message[message.startIndex..<colon.lowerBound]) + "'").first.map(stripNamespaces)
    }

    /// The attribute a schema error is about ("Element 'x', attribute 'y': …"), if any. libxml2 passes the
    /// element node for such errors, so the position of the attribute must be found by name.
    static func attributeSubject(of message: String) -> String? {
        guard message.hasPrefix("Element '"), let colon = message.firstRange(of: "': ") else { return nil }
        let names = quoted(String(message[message.startIndex..<colon.lowerBound]) + "'")
        return names.count >= 2 ? stripNamespaces(names[1]) : nil
    }

    private static func schemaErrorText(code: Int32, message raw: String) -> (DiagnosticCode, zh: String, en: String) {
        let message = stripNamespaces(raw)
        // "Element 'x': ..." or "Element 'x', attribute 'y': ..."
        var subjectZh = ""
        var body = message
        if message.hasPrefix("Element '"), let colon = message.firstRange(of: "': ") {
            let subject = String(message[message.startIndex..<colon.lowerBound]) + "'"
            body = String(message[colon.upperBound...])
            let names = quoted(subject)
            subjectZh = names.count >= 2 ? "元素 \(names[0]) 的属性 \(names[1])" : "元素 \(names.first ?? "")"
        }
        let values = quoted(body)
        func value(_ i: Int) -> String { i < values.count ? values[i] : "" }
        let expected = body.firstRange(of: "Expected is ").map { expectedList(String(body[$0.upperBound...])) }

        switch code {
        case 1871, 1843, 1841, 1842, 1844, 1872, 1845:
            if body.contains("Missing child element") {
                return (.unexpectedElement, "\(subjectZh) 缺少必需的子元素" + (expected.map { "，应有：\($0)" } ?? ""), message)
            }
            if body.contains("not expected") {
                return (.unexpectedElement, "\(subjectZh) 不应出现在此处" + (expected.map { "，此处应为：\($0)" } ?? ""), message)
            }
            if body.contains("Character content") {
                return (.unexpectedElement, "\(subjectZh) 只能包含子元素，不能直接包含文字", message)
            }
            if body.contains("No matching global declaration") {
                return (.unexpectedElement, "根元素没有对应的架构声明", message)
            }
            return (.unexpectedElement, "\(subjectZh) 的内容结构不符合架构：\(message)", message)
        case 1868:
            return (.missingAttribute, "\(subjectZh) 缺少必需的属性 \(value(0))", message)
        case 1866, 1867:
            return (.attributeNotAllowed, "\(subjectZh) 不允许出现", message)
        case 1877:
            if body.contains("Duplicate key-sequence") {
                return (.duplicateKey, "\(subjectZh) 的取值 \(keySequence(body)) 重复，必须唯一", message)
            }
            if body.contains("No match found for key-sequence") {
                return (.danglingReference, "\(subjectZh) 引用的 \(keySequence(body)) 在本文件中不存在", message)
            }
            return (.duplicateKey, "\(subjectZh) 违反唯一性约束：\(message)", message)
        case 1824...1840, 1848...1850, 1861...1864, 1874...1876:
            let zh: String
            if body.contains("[facet 'enumeration']") {
                zh = "\(subjectZh) 的值“\(value(1))”不在允许的取值范围内（\(setList(body))）"
            } else if body.contains("[facet 'pattern']") {
                zh = "\(subjectZh) 的值“\(value(1))”格式不正确（应符合模式 \(value(2))）"
            } else if body.contains("[facet 'minLength']") {
                zh = "\(subjectZh) 的值太短（长度 \(value(1))，至少 \(value(2))）"
            } else if body.contains("[facet 'maxLength']") {
                zh = "\(subjectZh) 的值太长（长度 \(value(1))，至多 \(value(2))）"
            } else if body.contains("[facet 'minInclusive']") || body.contains("[facet 'minExclusive']") {
                zh = "\(subjectZh) 的值 \(value(1)) 小于允许的最小值 \(value(2))"
            } else if body.contains("[facet 'maxInclusive']") || body.contains("[facet 'maxExclusive']") {
                zh = "\(subjectZh) 的值 \(value(1)) 大于允许的最大值 \(value(2))"
            } else if body.contains("[facet 'fractionDigits']") || body.contains("[facet 'totalDigits']") {
                zh = "\(subjectZh) 的值 \(value(1)) 小数位数过多"
            } else if body.contains("is not a valid value of") {
                zh = "\(subjectZh) 的值“\(value(0))”不是合法的\(typeName(value(1)))"
            } else {
                zh = "\(subjectZh) 的值不合法：\(message)"
            }
            return (.invalidValue, zh, message)
        default:
            return (.schemaOther, "不符合架构：\(message)", message)
        }
    }

    /// A well-formedness error from the parser.
    static func parserError(code: Int32, message raw: String) -> (zh: String, en: String) {
        let message = stripNamespaces(raw)
        let values = quoted(message)
        let zh: String
        switch code {
        case 76: zh = tagMismatch(message)
        case 77, 73, 74: zh = "文件在标签结束前就中断了，可能被截断"
        case 4: zh = "找不到开始标签“<”，这不是 XML 文档，或文档没有内容"
        case 5: zh = "根元素结束后还有多余内容"
        case 26, 27: zh = "使用了未定义的实体 \(values.first ?? message)；提交文件只能使用 XML 预定义实体和字符引用"
        case 1: zh = "元素嵌套过深"
        case 9: zh = "含有不合法的字符（字节不是合法的 UTF-8，或字符引用无效，如 &#0;）"
        case 32: zh = "不支持的编码"
        case 41, 38, 39, 40: zh = "属性写法有误（缺少引号或等号）"
        case 68: zh = "标签或属性名称不合法"
        case 201, 202, 203, 204: zh = "命名空间前缀未声明或有误"
        default: zh = "不是格式良好的 XML"
        }
        return ("XML 格式错误：\(zh)", message)
    }

    /// Removes `{namespace-uri}` prefixes of qualified names; braces of patterns (`{2}`) and value sets
    /// (`{'a', 'b'}`) stay.
    static func stripNamespaces(_ message: String) -> String {
        guard message.contains("{") else { return message }
        var result = ""
        result.reserveCapacity(message.count)
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "{") {
            result += rest[rest.startIndex..<open]
            if let close = rest[open...].firstIndex(of: "}") {
                let inner = rest[rest.index(after: open)..<close]
                let isNamespace = inner.contains(":") && !inner.contains("'") && !inner.contains(" ") && !inner.contains(",")
                if !isNamespace { result += rest[open...close] }
                rest = rest[rest.index(after: close)...]
            } else {
                result += rest[open...]
                rest = ""
            }
        }
        return result + rest
    }

    /// Substrings between single quotes, in order.
    static func quoted(_ text: String) -> [String] {
        var result: [String] = []
        var current: String?
        for character in text {
            if character == "'" {
                if let value = current { result.append(value); current = nil } else { current = "" }
            } else if current != nil {
                current!.append(character)
            }
        }
        return result
    }

    /// "Opening and ending tag mismatch: A line N and B" → 开始标签 A（第 N 行）与结束标签 B 不匹配.
    private static func tagMismatch(_ message: String) -> String {
        let words = message.split(separator: " ")
        guard let colon = words.firstIndex(where: { $0.hasSuffix(":") }), words.count >= colon + 5,
              words[colon + 2] == "line", words[colon + 4] == "and" else { return "开始标签与结束标签不匹配" }
        let end = words.count > colon + 5 ? words[colon + 5] : ""
        return "开始标签 \(words[colon + 1])（第 \(words[colon + 3]) 行）与结束标签 \(end) 不匹配"
    }

    private static func expectedList(_ text: String) -> String {
        let inner = text.drop(while: { $0 != "(" }).dropFirst().prefix(while: { $0 != ")" })
        return inner.split(separator: ",").map { $0.trimmingSpaces }.joined(separator: "、")
    }

    private static func setList(_ text: String) -> String {
        guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open < close else { return "" }
        return quoted(String(text[open...close])).joined(separator: "、")
    }

    private static func keySequence(_ text: String) -> String {
        guard let open = text.firstIndex(of: "["), let close = text.firstIndex(of: "]"), open < close else { return "" }
        return quoted(String(text[open...close])).joined(separator: ", ")
    }

    private static func typeName(_ type: String) -> String {
        switch type {
        case "xs:date", "date": return "日期（YYYY-MM-DD）"
        case "xs:dateTime", "dateTime": return "日期时间（含时区，如 2011-07-01T09:00:00+08:00）"
        case "xs:gYear", "gYear": return "年份"
        case "xs:boolean", "boolean": return "布尔值（true/false）"
        case "xs:decimal", "decimal": return "数字"
        case "xs:integer", "xs:positiveInteger", "xs:nonNegativeInteger", "positiveInteger", "nonNegativeInteger", "integer":
            return "整数"
        default: return "取值（类型 \(type)）"
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
