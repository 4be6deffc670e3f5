// libFuzzer harness: a theme file (TOMLKit's parser, then our schema
// reader: roles, colours, styles, line lookup for warnings).
@testable import GreenSilkUI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzThemeTOML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = ThemeParser.parse(text, file: "fuzz.toml")
  _ = try? StyleSpec.parse(text)
  return 0
}
