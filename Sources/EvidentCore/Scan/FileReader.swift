#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file whole, once, with plain system calls: the first 8 KiB decide whether it is
/// binary (a NUL byte), and only text is read on. Symbolic links are refused at open, so a file
/// swapped for a link after the walk is not followed either.
enum FileReader {
    /// Files larger than this are skipped and reported.
    static let maximumSize = 32 << 20
    /// How much of a file is looked at to tell binary from text.
    static let sniffLength = 8 << 10

    /// What reading a file gave.
    enum Outcome {
        case text([UInt8])
        case binary
        case tooLarge(Int)
        case unreadable(String)
    }

    /// Reads the file at `path`.
    static func read(_ path: String) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable(POSIXText.lastError()) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable(POSIXText.lastError()) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .unreadable("not a regular file") }
        let size = Int(info.st_size)
        guard size <= maximumSize else { return .tooLarge(size) }
        guard size > 0 else { return .text([]) }
        var failure: String?
        var isBinary = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let chunk = count == 0 ? min(size, sniffLength) : size - count
                let got = systemRead(descriptor, buffer.baseAddress! + count, chunk)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = POSIXText.lastError()
                    return
                }
                if got == 0 { return }
                if count == 0, UnsafeBufferPointer(rebasing: buffer[0..<got]).contains(0) {
                    isBinary = true
                    count = got
                    return
                }
                count += got
            }
        }
        if let failure { return .unreadable(failure) }
        return isBinary ? .binary : .text(bytes)
    }

    /// The text of a small file (a `.gitignore`), or nil when it cannot be read.
    static func readSmallText(_ path: String) -> String? {
        guard case .text(let bytes) = read(path), bytes.count <= 1 << 20 else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }
}

/// Text for system call failures.
enum POSIXText {
    /// The current `errno` as lower-case words: `permission denied`.
    static func lastError() -> String {
        let text = String(cString: strerror(errno))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
