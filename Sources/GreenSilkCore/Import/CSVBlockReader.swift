#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A CSV file read a block at a time (issue 13: an import holds one block,
/// never the whole 100 MB release). Each `next()` is a `CSVDocument` over
/// the complete rows of the bytes read so far; a row cut by the block's
/// end is carried into the next. Rows keep their line numbers in the file.
struct CSVBlockReader {
  static let blockSize = 8 << 20

  private let fd: Int32
  private let path: String
  private let blockSize: Int
  private var carry: [UInt8] = []
  /// Lines of the file before `carry`'s first byte.
  private var linesBefore = 0
  private var ended = false
  private var first = true
  /// Bytes read so far, and the file's size when opened.
  private(set) var bytesRead = 0
  let size: Int

  /// Nil when the file does not exist.
  /// `blockSize`: bytes read at a time (small in tests, so that rows
  /// are cut by blocks' ends).
  init?(path: String, blockSize: Int = CSVBlockReader.blockSize) throws(FileSystemError) {
    guard let (fd, size) = try FileSystem.openForReading(path) else { return nil }
    self.fd = fd
    self.path = path
    self.size = size
    self.blockSize = max(1, blockSize)
  }

  func close() { _ = Glibc.close(fd) }

  /// The next block's complete rows (header first in the first block), or
  /// nil at the end of the file.
  mutating func next() throws(FileSystemError) -> CSVDocument? {
    while true {
      if ended && carry.isEmpty { return nil }
      if !ended {
        let block = try readBlock()
        if block.isEmpty { ended = true } else { carry += block }
      }
      var bytes = carry
      if first {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if bytes.count < 3 && !ended { continue }
        if bytes.starts(with: bom) { bytes.removeFirst(3) }
        first = false
      }
      let all = bytes.withUnsafeBufferPointer { CSVRowScanner.rows($0) }
      // A row ending at the last byte (no line break yet), or at a CR that
      // an LF may follow in the next block, is not complete until the end.
      var complete = all.count
      if !ended, let last = all.last {
        let cut = last.bytes.upperBound >= bytes.count - 1
        if cut { complete -= 1 }
      }
      if complete == 0 && !ended {
        carry = bytes
        continue
      }
      let rows = all[..<complete]
      let restStart = complete < all.count ? all[complete].bytes.lowerBound : bytes.count
      let offset = linesBefore
      let shifted = rows.filter { !$0.bytes.isEmpty || $0.unterminatedQuote }.map { row -> CSVRowScanner.Row in
        var moved = row
        moved.line += offset
        return moved
      }
      if complete < all.count {
        linesBefore += all[complete].line - 1
      } else if let last = rows.last {
        linesBefore += last.line + last.lineCount - 1
      }
      carry = Array(bytes[restStart...])
      if ended && complete == all.count { carry = [] }
      return CSVDocument(bytes: bytes, rows: shifted)
    }
  }

  private mutating func readBlock() throws(FileSystemError) -> [UInt8] {
    let block = try FileSystem.readChunk(fd, capacity: blockSize, path: path).bytes
    bytesRead += block.count
    return block
  }
}
