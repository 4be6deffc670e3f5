/// The JSON object text of a row's columns, byte for byte what
/// `ImportedRecord(dataset:importedAt:columns:)` writes through
/// `JSONWriter`, but straight into one byte array: an import writes 126
/// columns of often long text per row, 2.5 million strings for 20,000
/// rows (the strings go through `JSONWriter.appendQuoted`, which copies
/// runs of plain bytes at once).
/// Re-imports compare this text with the stored one, so the two must
/// never differ (ImportColumnsJSONTests checks them against each other).
enum ColumnsJSON {
  static func text(headers: [String], values: [String]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(values.reduce(headers.count * 40) { $0 + $1.utf8.count + 4 })
    out.append(UInt8(ascii: "{"))
    for (index, header) in headers.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      JSONWriter.appendQuoted(header, to: &out)
      out.append(UInt8(ascii: ":"))
      JSONWriter.appendQuoted(index < values.count ? values[index] : "", to: &out)
    }
    out.append(UInt8(ascii: "}"))
    return String(decoding: out, as: UTF8.self)
  }
}
