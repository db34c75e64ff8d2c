import AnkangXML
import Foundation

/// Reading submission files from disk: capped, binary-safe, never decompressed, never through libxml2.
public enum FileInput {
    /// Reads at most `limit` bytes of the file at `path`; a larger file is refused without reading it all.
    public static func read(atPath path: String, limit: Int) -> Result<[UInt8], Diagnostic> {
        // O_NONBLOCK: opening a FIFO named *.xml must not hang; the fstat check below then refuses it.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
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
            var relatives = DirectoryWalk.relativePaths(of: path)
            if relatives == nil, let enumerator = manager.enumerator(atPath: path) {
                relatives = enumerator.compactMap { $0 as? String }
            }
            for relative in relatives ?? [] where relative.lowercased().hasSuffix(".xml") {
                if relative.hasPrefix(".") || relative.contains("/.") { continue }
                found.append(base + relative)
            }
            files += found.sorted()
        }
        return (files, missing)
    }
}

/// The relative paths `FileManager.enumerator(atPath:)` lists, found with `opendir`/`readdir` instead of
/// Foundation's enumerator, which makes a `URL` and several strings per entry (a quarter of a run's
/// serial start-up on a few thousand files).
///
/// It walks as Foundation does on Linux (`fts` with `FTS_PHYSICAL | FTS_XDEV | FTS_NOCHDIR | FTS_NOSTAT`):
/// every entry below the root in any order, "." and ".." left out; symbolic links listed, never followed;
/// directories listed, then entered unless on another device or an ancestor again (a cycle, not listed);
/// an entry that cannot be examined is left out, an unreadable directory listed but not entered. Each
/// path is made relative the way Foundation makes it: every occurrence of the root path followed by "/" is
/// removed. Only where that is exactly Foundation's result: the root, as `URL(fileURLWithPath:)` makes it
/// absolute, must be a plain directory (not a link) with a simple path, and every name must be made of
/// ASCII letters, digits, `.`, `_`, `-` and `+`; otherwise (nil) the caller uses Foundation's enumerator.
enum DirectoryWalk {
    private static func isSimple(_ byte: UInt8, slash: Bool) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2E, 0x5F, 0x2D, 0x2B: true  // 0-9 A-Z a-z . _ - +
        case 0x2F: slash
        default: false
        }
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!

    static func relativePaths(of path: String) -> [String]? {
        let root = URL(fileURLWithPath: path).path
        let rootBytes = Array(root.utf8)
        guard rootBytes.count > 1, rootBytes.first == 0x2F, rootBytes.last != 0x2F,
              rootBytes.allSatisfy({ isSimple($0, slash: true) }), !root.contains("//"), !root.contains("/./"),
              !root.contains("/../"), !root.hasSuffix("/."), !root.hasSuffix("/..")
        else { return nil }
        var status = stat()
        guard lstat(root, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return nil }
        let rootDevice = status.st_dev
        let prefix = rootBytes + [0x2F]
        struct Directory {
            var path: String
            var ancestors: [(device: dev_t, inode: ino_t)]
        }
        var relatives: [String] = []
        var pending = [Directory(path: root, ancestors: [(status.st_dev, status.st_ino)])]
        while let directory = pending.popLast() {
            guard let stream = opendir(directory.path) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                // Read the fields in place: a `dirent` from `readdir` may be shorter than `MemoryLayout<dirent>`
                // (only `d_reclen` bytes), so the struct must never be copied whole.
                let record = UnsafeRawPointer(entry)
                let nameStart = (record + nameOffset).assumingMemoryBound(to: UInt8.self)
                let name = Array(UnsafeBufferPointer(start: nameStart, count: strlen(UnsafeRawPointer(nameStart).assumingMemoryBound(to: CChar.self))))
                if name == [0x2E] || name == [0x2E, 0x2E] { continue }
                guard !name.isEmpty, name.allSatisfy({ isSimple($0, slash: false) }) else { return nil }
                let full = directory.path + "/" + String(decoding: name, as: UTF8.self)
                let type = Int32(record.load(fromByteOffset: typeOffset, as: UInt8.self))
                if type == Int32(DT_DIR) || type == Int32(DT_UNKNOWN) {
                    var child = stat()
                    guard lstat(full, &child) == 0 else { continue }
                    if (child.st_mode & S_IFMT) == S_IFDIR {
                        if directory.ancestors.contains(where: { $0.device == child.st_dev && $0.inode == child.st_ino }) { continue }
                        if child.st_dev == rootDevice {
                            pending.append(Directory(path: full, ancestors: directory.ancestors + [(child.st_dev, child.st_ino)]))
                        }
                    }
                }
                relatives.append(removingEveryOccurrence(of: prefix, in: Array(full.utf8)))
            }
        }
        return relatives
    }

    /// `replacingOccurrences(of: pattern, with: "")` on ASCII bytes: matches found left to right, not overlapping.
    private static func removingEveryOccurrence(of pattern: [UInt8], in bytes: [UInt8]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if i + pattern.count <= bytes.count, bytes[i] == pattern[0], bytes[i..<i + pattern.count].elementsEqual(pattern) {
                i += pattern.count
            } else {
                result.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
