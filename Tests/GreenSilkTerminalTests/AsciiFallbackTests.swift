import GreenSilkTerminal
import Testing

@Suite("ASCII stand-ins for non-UTF-8 terminals")
struct AsciiFallbackTests {
  @Test(
    "box drawing, blocks, arrows and the rest",
    arguments: [
      ("─", "-"), ("━", "-"), ("═", "-"), ("│", "|"), ("┃", "|"), ("┌", "+"), ("╯", "+"),
      ("┼", "+"), ("█", "#"), ("▌", "#"), ("▁", "#"), ("↑", "^"), ("▶", ">"), ("…", "."),
      ("●", "o"), ("⠿", "."), ("é", "?"), ("中", "?"), ("␛", "?"), ("a", "a"), ("", " "),
    ] as [(String, String)])
  func mapping(symbol: String, ascii: String) {
    #expect(AsciiFallback.ascii(for: symbol) == ascii)
  }

  @Test("every stand-in is one printable ASCII character")
  func alwaysPrintable() {
    for value in stride(from: 0xA0, through: 0x2FFF, by: 1) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let out = AsciiFallback.ascii(for: String(scalar))
      let bytes = Array(out.utf8)
      #expect(bytes.count == 1 && bytes[0] >= 0x20 && bytes[0] < 0x7F)
    }
  }
}
