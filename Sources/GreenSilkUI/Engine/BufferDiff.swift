/// One cell that must be written to bring the screen from one frame to
/// the next.
public struct CellChange: Equatable, Sendable {
  public var x: Int
  public var y: Int
  public var cell: Cell
}

extension Buffer {
  /// The cells of `self` that differ from `previous`. When the sizes differ
  /// every cell is returned (the screen must be repainted). A wide glyph's
  /// continuation cell is never emitted on its own: writing the glyph
  /// covers it.
  public func diff(from previous: Buffer) -> [CellChange] {
    var changes: [CellChange] = []
    let sameSize = previous.width == width && previous.height == height
    let width = self.width
    cells.withUnsafeBufferPointer { now in
      previous.cells.withUnsafeBufferPointer { before in
        guard let nowBase = now.baseAddress else { return }
        let beforeBase = before.baseAddress
        for index in 0..<now.count {
          if sameSize, let beforeBase, Buffer.same(nowBase + index, beforeBase + index) { continue }
          let x = index % width
          let y = index / width
          if now[index].isContinuation {
            // The glyph to its left is written when it changed; if only
            // the continuation differs, rewrite the glyph.
            if x > 0, sameSize, let beforeBase, Buffer.same(nowBase + index - 1, beforeBase + index - 1) {
              changes.append(CellChange(x: x - 1, y: y, cell: now[index - 1]))
            }
            continue
          }
          changes.append(CellChange(x: x, y: y, cell: now[index]))
        }
      }
    }
    return changes
  }

  /// Where a cell's symbol sits in memory, for `same`.
  private static let symbolOffset = MemoryLayout<Cell>.offset(of: \Cell.symbol)

  /// Cell equality without copying the cells. Two strings with the same
  /// 16 bytes are the same string (for the small strings that nearly every
  /// cell holds, the bytes are the text), so most comparisons never touch
  /// the string machinery or reference counts; different bytes fall back
  /// to `==`, which is always right.
  @inline(__always)
  private static func same(_ a: UnsafePointer<Cell>, _ b: UnsafePointer<Cell>) -> Bool {
    guard a.pointee.width == b.pointee.width, a.pointee.style == b.pointee.style else { return false }
    if let offset = symbolOffset, MemoryLayout<String>.size == 16 {
      let left = UnsafeRawPointer(a) + offset
      let right = UnsafeRawPointer(b) + offset
      if left.loadUnaligned(as: UInt64.self) == right.loadUnaligned(as: UInt64.self),
        (left + 8).loadUnaligned(as: UInt64.self) == (right + 8).loadUnaligned(as: UInt64.self)
      {
        return true
      }
    }
    return a.pointee.symbol == b.pointee.symbol
  }
}
