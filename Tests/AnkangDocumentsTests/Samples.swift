import AnkangDocuments
import Foundation

/// The repository's `samples/` folder and the validator every test shares.
enum Samples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let validFolder = root.appendingPathComponent("samples/valid")
    static let invalidFolder = root.appendingPathComponent("samples/invalid")

    static let validator: SubmissionValidator = {
        do { return SubmissionValidator(bundle: try SchemaBundle.embedded()) } catch { fatalError("embedded schemas: \(error)") }
    }()

    static func files(in folder: URL, extension ext: String = "xml") -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { folder.appendingPathComponent($0) }
    }

    static func bytes(_ url: URL) -> [UInt8] { Array((try? Data(contentsOf: url)) ?? Data()) }

    /// `samples/invalid/NAME.expect`: lines of `<severity> <CODE>`, the findings the file must produce.
    static func expectations(for url: URL) -> [(severity: String, code: String)] {
        let expect = url.deletingPathExtension().appendingPathExtension("expect")
        let text = (try? String(contentsOf: expect, encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count >= 2, !line.hasPrefix("#") else { return nil }
            return (String(fields[0]), String(fields[1]))
        }
    }
}
