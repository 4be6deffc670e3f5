import Foundation

/// An output stream that appends to a byte array. CSV.swift's writer
/// writes one byte per call; Foundation's memory stream costs a third of
/// the export's time per byte, this costs an append.
final class ByteSink: OutputStream {
  private(set) var bytes: [UInt8] = []

  init() { super.init(toMemory: ()) }
  required init(toMemory: ()) { super.init(toMemory: ()) }

  override func open() {}
  override func close() {}
  override var streamStatus: Stream.Status { .open }
  override var hasSpaceAvailable: Bool { true }

  override func write(_ buffer: UnsafePointer<UInt8>, maxLength length: Int) -> Int {
    bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: length))
    return length
  }
}
