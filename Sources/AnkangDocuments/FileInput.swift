import AnkangXML
import Foundation

/// Reading submission files from disk: capped, binary-safe, never decompressed, never through libxml2.
public enum FileInput {
    /// Reads at most `limit` bytes; a larger file is refused without reading it all.
    public static func read(_ url: URL, limit: Int) -> Result<[UInt8], Diagnostic> {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            return .failure(Diagnostic(.error, .unreadable, zh: "无法读取文件", en: "cannot read the file"))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else {
                return .failure(Diagnostic(.error, .tooLarge,
                    zh: "文件超过大小上限 \(limit) 字节", en: "the file is larger than the limit of \(limit) bytes"))
            }
            return .success(Array(data))
        } catch {
            return .failure(Diagnostic(.error, .unreadable, zh: "读取文件出错：\(error.localizedDescription)", en: "error reading the file: \(error.localizedDescription)"))
        }
    }

    /// Expands files and directories into the list of files to process: a directory contributes its
    /// `.xml` files, recursively, sorted by path; files named explicitly are taken whatever their name.
    /// Paths that do not exist are returned in `missing`.
    public static func collect(_ paths: [String]) -> (files: [URL], missing: [String]) {
        var files: [URL] = []
        var missing: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            let url = URL(fileURLWithPath: path)
            guard isDirectory.boolValue else {
                files.append(url)
                continue
            }
            var found: [URL] = []
            if let enumerator = manager.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) {
                for case let file as URL in enumerator where file.pathExtension.lowercased() == "xml" {
                    if (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { found.append(file) }
                }
            }
            files += found.sorted { $0.path < $1.path }
        }
        return (files, missing)
    }
}
