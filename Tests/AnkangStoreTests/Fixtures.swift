import AnkangDocuments
import AnkangIntake
import AnkangModel
import AnkangStore
import Crypto
import Foundation

/// Samples, the validator and hand-made intakes shared by the storage tests.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let validator: SubmissionValidator = {
        SubmissionValidator(bundle: try! SchemaBundle.embedded())
    }()

    static let scoring: IntakeScoring = try! IntakeScorings.ankangCup(bundle: validator.bundle)

    /// Paths of the sample files in `samples/NAME`, sorted.
    static func samplePaths(_ folder: String) -> [String] {
        FileInput.collect([packageRoot.appendingPathComponent("samples/" + folder).path]).files
    }

    /// The bytes of `samples/valid/NAME`.
    static func bytes(_ relative: String) -> [UInt8] {
        Array(try! Data(contentsOf: packageRoot.appendingPathComponent("samples/" + relative)))
    }

    /// An intake prepared from a sample file, as the CLI would prepare it.
    static func intake(_ relative: String, store: any InspectionStore) -> Intake {
        SubmissionIntake(validator: validator, store: store, scoring: scoring)
            .prepare(bytes(relative), fileName: URL(fileURLWithPath: relative).lastPathComponent).intake
    }

    /// Every valid sample, prepared.
    static func validIntakes(store: any InspectionStore) -> [Intake] {
        samplePaths("valid").map { intake("valid/" + URL(fileURLWithPath: $0).lastPathComponent, store: store) }
    }

    /// Every sample of `samples/invalid` with an error (the others carry only warnings), prepared.
    static func invalidIntakes(store: any InspectionStore) -> [Intake] {
        samplePaths("invalid").map { intake("invalid/" + URL(fileURLWithPath: $0).lastPathComponent, store: store) }.filter { intake in
            if case .rejected = intake { true } else { false }
        }
    }

    /// The submission a valid sample holds.
    static func submission(_ relative: String) -> Submission {
        validator.validate(bytes(relative)).submission!
    }

    /// An accepted intake made from a submission directly (the store does not validate): the bytes are
    /// the submission's JSON, so each variant has its own hash.
    static func accepted(_ submission: Submission, note: String = "") -> Intake {
        let json = try! StoredJSON.encode(submission)
        let bytes = Array((json + note).utf8)
        return .accepted(AcceptedSubmission(
            submission: submission, bytes: bytes, sha256: sha256(bytes), fileName: "\(submission.id.uuidString.lowercased()).json",
            warningsJSON: "[]", score: nil))
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// A fresh temporary SQLite path.
    static func temporaryDatabasePath() -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ankang-store-\(UUID().uuidString)")
        return folder.appendingPathComponent("log.sqlite").path
    }
}

extension IngestOutcome {
    var receipt: Receipt? {
        switch self {
        case let .accepted(receipt), let .duplicate(receipt): receipt
        case .conflict, .rejected: nil
        }
    }
}
