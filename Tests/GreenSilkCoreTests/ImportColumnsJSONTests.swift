import Testing

@testable import GreenSilkCore

/// The importer's fast writer of the source columns must write exactly
/// what `ImportedRecord` (through `JSONWriter`) writes: re-imports compare
/// the two texts to find unchanged rows.
@Suite struct ImportColumnsJSONTests {
  @Test func matchesJSONWriterOnAwkwardText() {
    var generator = SplitMix(seed: 11)
    let pieces = ["a", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{7F}", "é", "中", "😀", " ", "’", "\u{200B}"]
    for _ in 0..<300 {
      var headers: [String] = []
      var values: [String] = []
      for _ in 0..<Int(generator.next() % 6) {
        var header = ""
        var value = ""
        for _ in 0..<Int(generator.next() % 5) { header += pieces[Int(generator.next() % UInt64(pieces.count))] }
        for _ in 0..<Int(generator.next() % 30) { value += pieces[Int(generator.next() % UInt64(pieces.count))] }
        headers.append(header)
        values.append(value)
      }
      let expected = ImportedRecord(dataset: "x", importedAt: nil, columns: Array(zip(headers, values))).columnsJSON
      #expect(ColumnsJSON.text(headers: headers, values: values) == expected)
    }
  }
}
