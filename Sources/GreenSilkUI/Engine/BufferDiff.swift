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
    cells.withUnsafeBufferPointer { now in
      previous.cells.withUnsafeBufferPointer { before in
        for index in 0..<now.count {
          let cell = now[index]
          if sameSize && cell == before[index] { continue }
          let x = index % width
          let y = index / width
          if cell.isContinuation {
            // The glyph to its left is written when it changed; if only
            // the continuation differs, rewrite the glyph.
            if x > 0, sameSize, now[index - 1] == before[index - 1] {
              changes.append(CellChange(x: x - 1, y: y, cell: now[index - 1]))
            }
            continue
          }
          changes.append(CellChange(x: x, y: y, cell: cell))
        }
      }
    }
    return changes
  }
}
