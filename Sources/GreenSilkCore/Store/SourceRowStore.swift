#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The sidecar of imported source rows (DECISIONS.md, "Source columns in a
/// sidecar"): `sources/rows-NNNNNN.jsonl` in the data directory. Each part
/// is JSON Lines:
///
///     {"columns":["AidData Record ID","Title",…]}     headers, once
///     ["AIDDATA-123","<digest>","123","Title text",…]  one row: id, digest, raw values
///
/// A header line applies to the rows after it. Parts are written whole and
/// atomically (temporary file, fsync, rename) and never edited; a part
/// stops before 40 MB, so no file of the data directory nears a git host's
/// limit. The rows a record names are found by id and digest, so an older
/// part left by a crash between the sidecar write and the data file's is
/// harmless: `compact` drops the rows no record names any longer.
public struct SourceRowStore: Sendable {
  public static let folderName = "sources"
  /// A part is closed once it holds this many bytes.
  public static let partLimit = 40_000_000

  /// The data directory.
  public let directory: String

  public init(directory: String) { self.directory = directory }

  init(folder: String) { self.directory = FileSystem.parentDirectory(of: folder) }

  public var folder: String { FileSystem.join(directory, Self.folderName) }

  /// Part file names in the order they were written.
  public func partNames() -> [String] {
    guard let handle = opendir(folder) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name.hasPrefix("rows-") && name.hasSuffix(".jsonl") { names.append(name) }
    }
    return names.sorted()
  }

  func nextPartNumber() -> Int {
    (partNames().compactMap { Int($0.dropFirst(5).dropLast(6)) }.max() ?? 0) + 1
  }

  /// A writer of new parts (staged until `commit`).
  public func writer() -> SourceRowWriter { SourceRowWriter(folder: folder) }

  /// Where each row is: one look through every part (the ids and digests
  /// only). Later parts win over earlier ones for the same id and digest.
  public func index() throws(FileSystemError) -> SourceRowIndex {
    var index = SourceRowIndex(folder: folder)
    for name in partNames() {
      let part = index.parts.count
      index.parts.append(name)
      guard let bytes = try FileSystem.read(FileSystem.join(folder, name)) else { continue }
      var header = -1
      bytes.withUnsafeBufferPointer { buffer in
        var start = 0
        while start < buffer.count {
          var end = start
          while end < buffer.count && buffer[end] != 0x0A { end += 1 }
          // A line without its line feed was cut by a crash: not a row.
          if end < buffer.count, end > start {
            let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
            if line[0] == UInt8(ascii: "{") {
              if let keys = Self.headerKeys(line) {
                index.headers.append(keys)
                header = index.headers.count - 1
              }
            } else if header >= 0, let (id, digest) = Self.rowKey(line) {
              index.locations[SourceRowIndex.key(id, digest)] = SourceRowIndex.Location(
                part: part, offset: start, length: end - start, header: header)
            }
          }
          start = end + 1
        }
      }
    }
    return index
  }

  static func headerKeys(_ line: UnsafeBufferPointer<UInt8>) -> [String]? {
    var reader = JSONReader(line)
    var keys: [String]?
    do {
      try reader.readObject { reader, key in
        if key == "columns" {
          keys = try reader.readList { SourceRowText.quoted(try $0.readString()) }
        } else {
          try reader.skipValue()
        }
      }
    } catch {
      return nil
    }
    return keys
  }

  /// The id and digest that open a row line (the values are not read).
  static func rowKey(_ line: UnsafeBufferPointer<UInt8>) -> (String, String)? {
    struct Enough: Error {}
    var reader = JSONReader(line)
    var found: [String] = []
    do {
      try reader.readArray { reader in
        found.append(try reader.readString())
        if found.count == 2 { throw Enough() }
      }
    } catch is Enough {
      return (found[0], found[1])
    } catch {
      return nil
    }
    return nil
  }

  /// Keeps only the rows whose id and digest are in `live`, each once
  /// (the newest copy); parts left with none are removed, parts with some
  /// stale rows are written again without them. Called with the data
  /// file durable, under the store's lock.
  public func compact(live: Set<String>) throws(FileSystemError) {
    let names = partNames()
    guard !names.isEmpty else { return }
    var kept = Set<String>()
    // Newest first, so the newest copy of a row is the one kept.
    for name in names.reversed() {
      let path = FileSystem.join(folder, name)
      guard let bytes = try FileSystem.read(path) else { continue }
      var out: [UInt8] = []
      var rows = 0
      var dropped = 0
      var header: [UInt8] = []
      var headerWritten = false
      bytes.withUnsafeBufferPointer { buffer in
        var start = 0
        while start < buffer.count {
          var end = start
          while end < buffer.count && buffer[end] != 0x0A { end += 1 }
          if end < buffer.count, end > start {
            let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
            if line[0] == UInt8(ascii: "{") {
              header = Array(line)
              headerWritten = false
            } else if let (id, digest) = Self.rowKey(line), live.contains(SourceRowIndex.key(id, digest)),
              kept.insert(SourceRowIndex.key(id, digest)).inserted
            {
              if !headerWritten {
                out += header
                out.append(0x0A)
                headerWritten = true
              }
              out += line
              out.append(0x0A)
              rows += 1
            } else {
              dropped += 1
            }
          } else if end == buffer.count, end > start {
            dropped += 1
          }
          start = end + 1
        }
      }
      if rows == 0 {
        if unlink(path) != 0 && errno != ENOENT { throw FileSystemError(path: path, operation: "remove", code: errno) }
      } else if dropped > 0 {
        try FileSystem.writeAtomically(path, out)
      }
    }
    try FileSystem.syncDirectory(folder)
  }
}

/// Where every sidecar row is (`SourceRowStore.index`), and a reader that
/// fetches rows by id and digest.
public struct SourceRowIndex: Sendable {
  struct Location: Sendable {
    var part: Int
    var offset: Int
    var length: Int
    var header: Int
  }

  let folder: String
  var parts: [String] = []
  var headers: [[String]] = []
  var locations: [String: Location] = [:]

  init(folder: String) { self.folder = folder }

  static func key(_ id: String, _ digest: String) -> String { id + "\u{1}" + digest }

  public var count: Int { locations.count }

  public func contains(id: String, digest: String) -> Bool { locations[Self.key(id, digest)] != nil }

  /// A reader holding the parts open while it lives.
  public func reader() -> SourceRowReader { SourceRowReader(index: self) }

  /// One row's columns text, the part opened and closed for it (safe on
  /// any thread; `reader()` is cheaper for many rows).
  public func columnsJSON(id: String, digest: String) -> String? {
    guard let location = locations[Self.key(id, digest)] else { return nil }
    let fd = open(FileSystem.join(folder, parts[location.part]), O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    return row(at: location, in: fd)
  }

  /// The row at `location` of the part open as `fd`, joined with its header.
  func row(at location: Location, in fd: Int32) -> String? {
    var bytes = [UInt8](repeating: 0, count: location.length)
    var filled = 0
    while filled < bytes.count {
      let got = bytes.withUnsafeMutableBytes {
        pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(location.offset + filled))
      }
      if got <= 0 { return nil }
      filled += got
    }
    var values: [String] = []
    let ok: Bool = bytes.withUnsafeBufferPointer { buffer in
      var reader = JSONReader(buffer)
      var position = 0
      do {
        try reader.readArray { reader in
          // The id and digest were read by the index.
          if position < 2 { try reader.skipValue() } else { values.append(try reader.readRawValue()) }
          position += 1
        }
      } catch {
        return false
      }
      return true
    }
    guard ok else { return nil }
    return SourceRowText.join(keys: headers[location.header], values: values)
  }
}

/// Reads rows out of the sidecar; each part is opened once. One thread.
public final class SourceRowReader {
  let index: SourceRowIndex
  private var descriptors: [Int: Int32] = [:]

  init(index: SourceRowIndex) { self.index = index }

  deinit {
    for fd in descriptors.values { close(fd) }
  }

  /// The row's columns as JSON object text, or nil when the sidecar does
  /// not hold it.
  public func columnsJSON(id: String, digest: String) -> String? {
    guard let location = index.locations[SourceRowIndex.key(id, digest)] else { return nil }
    let fd: Int32
    if let cached = descriptors[location.part] {
      fd = cached
    } else {
      fd = open(FileSystem.join(index.folder, index.parts[location.part]), O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { return nil }
      descriptors[location.part] = fd
    }
    return index.row(at: location, in: fd)
  }

  /// `project` with its source row's text attached (unchanged when it has
  /// none or the sidecar does not hold it).
  public func attach(_ project: Project) -> Project {
    guard let imported = project.imported, imported.columnsJSON == nil,
      let text = columnsJSON(id: project.id, digest: imported.digest)
    else { return project }
    var copy = project
    copy.imported?.columnsJSON = text
    return copy
  }
}

/// Writes sidecar rows into new parts. Rows stream into staged files
/// (`sources/.staged-PID-…`, ignored by readers), each closed with an
/// fsync at 40 MB; `commit`, under the store's lock and before the data
/// file that names the rows is written, renames them into place as the
/// next `rows-NNNNNN.jsonl`. A writer dropped without `commit` removes
/// its staged files, so a dry run or a refused import leaves nothing.
public final class SourceRowWriter {
  let folder: String
  private var fd: Int32 = -1
  private var openPath = ""
  private var bytesInPart = 0
  private var buffer: [UInt8] = []
  private var keys: [String]?
  /// Closed staged parts, in order.
  private var staged: [String] = []
  private var committed = false
  private let stamp: String

  init(folder: String) {
    self.folder = folder
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    stamp = String(getpid()) + "-" + String(now.tv_sec) + String(now.tv_nsec)
  }

  deinit {
    if fd >= 0 { close(fd) }
    if !committed {
      if !openPath.isEmpty { unlink(openPath) }
      for path in staged { unlink(path) }
    }
  }

  /// Rows written so far.
  public private(set) var rowCount = 0

  /// Adds one row given as its columns' JSON object text. False when the
  /// text is not an object of columns (the record then keeps it).
  @discardableResult
  public func add(id: String, digest: String, columnsJSON: String) throws(FileSystemError) -> Bool {
    guard let parts = SourceRowText.split(columnsJSON) else { return false }
    try setHeader(quotedKeys: parts.keys)
    var line: [UInt8] = []
    Self.rowLine(id: id, digest: digest, rawValues: parts.values, into: &line)
    try append(line)
    return true
  }

  /// The columns of the rows that follow (plain header names).
  public func setHeader(_ names: [String]) throws(FileSystemError) {
    try setHeader(quotedKeys: names.map(SourceRowText.quoted))
  }

  func setHeader(quotedKeys: [String]) throws(FileSystemError) {
    guard keys != quotedKeys else { return }
    keys = quotedKeys
    if fd >= 0 { try writeHeader() }
  }

  /// Adds one row line made by `rowLine` under the current header.
  public func append(_ line: [UInt8]) throws(FileSystemError) {
    if fd < 0 { try openPart() }
    buffer += line
    rowCount += 1
    bytesInPart += line.count
    if buffer.count >= 1 << 20 { try drain() }
    if bytesInPart >= SourceRowStore.partLimit { try closePart() }
  }

  /// `["id","digest",v1,v2,…]` and a line feed.
  public static func rowLine(id: String, digest: String, rawValues: some Sequence<String>, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "["))
    JSONWriter.appendQuoted(id, to: &out)
    out.append(UInt8(ascii: ","))
    JSONWriter.appendQuoted(digest, to: &out)
    for value in rawValues {
      out.append(UInt8(ascii: ","))
      out += value.utf8
    }
    out.append(UInt8(ascii: "]"))
    out.append(0x0A)
  }

  /// `rowLine` with plain cell texts, quoted here.
  public static func rowLine(id: String, digest: String, values: [String], into out: inout [UInt8]) {
    out.append(UInt8(ascii: "["))
    JSONWriter.appendQuoted(id, to: &out)
    out.append(UInt8(ascii: ","))
    JSONWriter.appendQuoted(digest, to: &out)
    for value in values {
      out.append(UInt8(ascii: ","))
      JSONWriter.appendQuoted(value, to: &out)
    }
    out.append(UInt8(ascii: "]"))
    out.append(0x0A)
  }

  private func openPart() throws(FileSystemError) {
    try FileSystem.createDirectory(folder)
    openPath = FileSystem.join(folder, ".staged-" + stamp + "-" + String(staged.count) + ".jsonl")
    fd = open(openPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if fd < 0 { throw FileSystemError(path: openPath, operation: "create", code: errno) }
    bytesInPart = 0
    try writeHeader()
  }

  private func writeHeader() throws(FileSystemError) {
    guard let keys else { return }
    var header = Array("{\"columns\":[".utf8)
    for (index, key) in keys.enumerated() {
      if index > 0 { header.append(UInt8(ascii: ",")) }
      header += key.utf8
    }
    header += Array("]}\n".utf8)
    buffer += header
    bytesInPart += header.count
  }

  private func drain() throws(FileSystemError) {
    guard !buffer.isEmpty else { return }
    try FileSystem.writeAll(fd, buffer, path: openPath)
    buffer.removeAll(keepingCapacity: true)
  }

  private func closePart() throws(FileSystemError) {
    guard fd >= 0 else { return }
    try drain()
    if fsync(fd) != 0 { throw FileSystemError(path: openPath, operation: "fsync", code: errno) }
    let closing = fd
    fd = -1
    if close(closing) != 0 { throw FileSystemError(path: openPath, operation: "close", code: errno) }
    staged.append(openPath)
    openPath = ""
  }

  /// Closes the open part (durable, still staged).
  public func finish() throws(FileSystemError) { try closePart() }

  /// Renames the staged parts into place after the existing ones. Under
  /// the store's lock, before the data file naming the rows is written.
  public func commit() throws(FileSystemError) {
    try closePart()
    guard !staged.isEmpty else {
      committed = true
      return
    }
    var number = SourceRowStore(folder: folder).nextPartNumber()
    for path in staged {
      let target = FileSystem.join(folder, "rows-" + Self.padded(number) + ".jsonl")
      if rename(path, target) != 0 { throw FileSystemError(path: target, operation: "rename into place", code: errno) }
      number += 1
    }
    committed = true
    staged = []
    try FileSystem.syncDirectory(folder)
  }

  static func padded(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }
}
