/// The JSON object text of a row's columns, byte for byte what
/// `ImportedRecord(dataset:importedAt:columns:)` writes through
/// `JSONWriter`, but copying each run of plain bytes at once: an import
/// writes 126 columns of often long text per row, 2.5 million strings for
/// 20,000 rows, and a byte-at-a-time escaper was a tenth of its time.
/// Re-imports compare this text with the stored one, so the two must
/// never differ (ImportColumnsJSONTests checks them against each other).
enum ColumnsJSON {
  static func text(headers: [String], values: [String]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(values.reduce(headers.count * 40) { $0 + $1.utf8.count + 4 })
    out.append(UInt8(ascii: "{"))
    for (index, header) in headers.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      appendQuoted(header, to: &out)
      out.append(UInt8(ascii: ":"))
      appendQuoted(index < values.count ? values[index] : "", to: &out)
    }
    out.append(UInt8(ascii: "}"))
    return String(decoding: out, as: UTF8.self)
  }

  /// `text` as a JSON string: `"` and `\` escaped, \n \r \t by name, other
  /// control characters as \u00xx (lower-case hex), everything else as is.
  static func appendQuoted(_ text: String, to out: inout [UInt8]) {
    out.append(0x22)
    var text = text
    text.withUTF8 { bytes in
      var runStart = 0
      for index in 0..<bytes.count {
        let byte = bytes[index]
        if byte >= 0x20 && byte != 0x22 && byte != 0x5C { continue }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        switch byte {
        case 0x22: out += [0x5C, 0x22]
        case 0x5C: out += [0x5C, 0x5C]
        case 0x0A: out += [0x5C, UInt8(ascii: "n")]
        case 0x0D: out += [0x5C, UInt8(ascii: "r")]
        case 0x09: out += [0x5C, UInt8(ascii: "t")]
        default:
          let hex = Array("0123456789abcdef".utf8)
          out += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        }
        runStart = index + 1
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
    out.append(0x22)
  }
}
