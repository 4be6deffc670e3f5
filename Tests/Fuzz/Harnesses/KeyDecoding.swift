// libFuzzer harness: the key decoder (what wget_wch returns, as status and
// value pairs), and the key names used by the help and the config. Built
// with Sources/GreenSilkTerminal/KeyDecoder.swift in the same module.
import GreenSilkUI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyDecoding(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var index = 0
  while index + 5 <= size {
    let status = Int32(Int8(bitPattern: data[index]))
    var value: UInt32 = 0
    for offset in 1...4 { value = value << 8 | UInt32(data[index + offset]) }
    if let key = KeyDecoder.decode(status: status, value: value) { _ = "\(key)" }
    index += 5
  }
  return 0
}
