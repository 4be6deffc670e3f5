// libFuzzer harness: a kiosk config file (TOMLKit, then our reader of
// pages, intervals, screens).
import GreenSilkUI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKioskConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = try? KioskConfig.parse(text, file: "fuzz-kiosk.toml")
  return 0
}
