import AnkangXML
import Foundation

/// Reading submission files from disk: capped, binary-safe, never decompressed, never through libxml2.
public enum FileInput {
    /// Reads at most `limit` bytes of the file at `path`; a larger file is refused without reading it all.
    public static func read(atPath path: String, limit: Int) -> Result<[UInt8], Diagnostic> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            return .failure(Diagnostic(.error, .unreadable, zh: "无法读取文件（\(reason)）", en: "cannot read the file (\(reason))"))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            return .failure(Diagnostic(.error, .unreadable, zh: "不是普通文件", en: "not a regular file"))
        }
        let size = Int(status.st_size)
        guard size <= limit else {
            return .failure(Diagnostic(.error, .tooLarge,
                zh: "文件大小 \(size) 字节，超过上限 \(limit) 字节", en: "the file is \(size) bytes, over the limit of \(limit) bytes"))
        }
        // Read up to limit + 1 bytes: a file that grew since fstat is still caught by the cap.
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: min(size, limit) + 1) { buffer, initialized in
            var filled = 0
            while filled < buffer.count {
                let count = Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 { break }
                filled += count
            }
            initialized = filled
        }
        if failure != 0 {
            let reason = String(cString: strerror(failure))
            return .failure(Diagnostic(.error, .unreadable, zh: "读取文件出错（\(reason)）", en: "error reading the file (\(reason))"))
        }
        guard bytes.count <= limit else {
            return .failure(Diagnostic(.error, .tooLarge, zh: "文件超过大小上限 \(limit) 字节", en: "the file is larger than the limit of \(limit) bytes"))
        }
        return .success(bytes)
    }

    /// Expands files and directories into the list of files to process: a directory contributes its
    /// `.xml` files, recursively (hidden ones skipped), sorted by path; files named explicitly are taken
    /// whatever their name. Paths that do not exist are returned in `missing`.
    public static func collect(_ paths: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            // Relative paths from the directory walk, no stat per file: a directory named *.xml fails to
            // read, loudly, rather than every file paying for a check.
            var found: [String] = []
            let base = path.hasSuffix("/") ? path : path + "/"
            if let enumerator = manager.enumerator(atPath: path) {
                for case let relative as String in enumerator where relative.lowercased().hasSuffix(".xml") {
                    if relative.hasPrefix(".") || relative.contains("/.") { continue }
                    found.append(base + relative)
                }
            }
            files += found.sorted()
        }
        return (files, missing)
    }
}
