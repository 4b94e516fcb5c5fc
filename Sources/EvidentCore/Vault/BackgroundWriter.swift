import Dispatch
import Foundation

/// Writes a file's chunks on a second thread while the caller hashes the next ones, and flushes
/// them to disk as it goes, so storing a large file costs about as much as hashing it. Chunks
/// travel in a small pool of buffers: memory stays bounded whatever the file's size.
final class BackgroundWriter: @unchecked Sendable {
    // Unchecked: `failure` and `pool` are only touched under `lock`; `descriptor` and `path` never
    // change; the queue is serial, so chunks are written in order by one thread at a time; a buffer
    // belongs either to the caller (between `take` and `enqueue`) or to the queue, never both.
    /// One reusable chunk buffer.
    final class Chunk: @unchecked Sendable {
        var bytes: [UInt8]
        var count = 0
        init(capacity: Int) { bytes = [UInt8](repeating: 0, count: capacity) }
    }

    static let chunkSize = 4 << 20
    private static let poolSize = 4
    /// Bytes written between two flushes.
    private static let flushStep: Int64 = 32 << 20

    private let descriptor: Int32
    private let path: String
    private let queue = DispatchQueue(label: "evident.vault.writer")
    private let available = DispatchSemaphore(value: poolSize)
    private let lock = NSLock()
    private var pool: [Chunk] = []
    private var failure: VaultError?
    private var written: Int64 = 0
    private var flushed: Int64 = 0

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// A free buffer of `chunkSize` bytes; waits while every buffer is queued.
    func take() -> Chunk {
        available.wait()
        return lock.withLock { pool.popLast() } ?? Chunk(capacity: Self.chunkSize)
    }

    /// Queues the first `chunk.count` bytes of `chunk` to be written; the buffer returns to the pool after.
    func enqueue(_ chunk: Chunk) throws(VaultError) {
        if let failure = currentFailure() {
            release(chunk)
            throw failure
        }
        queue.async { [self] in
            defer { release(chunk) }
            guard currentFailure() == nil else { return }
            do throws(VaultError) {
                try chunk.bytes.withUnsafeBufferPointer { buffer throws(VaultError) in
                    try VaultFile.write(descriptor, UnsafeBufferPointer(rebasing: buffer[..<chunk.count]), path: path)
                }
                written += Int64(chunk.count)
                if written - flushed >= Self.flushStep {
                    // Flushing as we go, on this thread, leaves little for the final fsync to wait for.
                    _ = fdatasync(descriptor)
                    flushed = written
                }
            } catch {
                lock.withLock { failure = error }
            }
        }
    }

    /// Queues a copy of `bytes`.
    func enqueue(copying bytes: UnsafeBufferPointer<UInt8>) throws(VaultError) {
        var offset = 0
        while offset < bytes.count {
            let chunk = take()
            let count = min(Self.chunkSize, bytes.count - offset)
            chunk.bytes.withUnsafeMutableBufferPointer { target in
                _ = UnsafeMutableBufferPointer(rebasing: target[..<count]).initialize(from: bytes[offset..<offset + count])
            }
            chunk.count = count
            try enqueue(chunk)
            offset += count
        }
    }

    /// Waits until every queued chunk is written; throws the first write failure.
    func drain() throws(VaultError) {
        queue.sync {}
        if let failure = currentFailure() { throw failure }
    }

    private func release(_ chunk: Chunk) {
        lock.withLock { pool.append(chunk) }
        available.signal()
    }

    private func currentFailure() -> VaultError? { lock.withLock { failure } }
}
