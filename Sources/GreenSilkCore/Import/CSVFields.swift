/// The fields of one CSV row (bytes between the row's line breaks, as
/// `CSVRowScanner` finds them), by CSV.swift's rules, which the tests hold
/// it to on random input: a field is quoted only when its first character
/// is `"`; inside, `""` is a quote, and a quote followed by a comma or the
/// end of the row closes the field; after any other character a stray
/// quote is kept and that character dropped (CSV.swift's behaviour).
///
/// GreenSilk reads and writes CSV with this rather than through CSV.swift
/// at run time: the row scanner already has to follow the library's rules
/// byte by byte to report `FILE:LINE` (the library reports no positions),
/// and the library's writer took 30-40 s for 20,000 projects where this
/// takes under a second (DECISIONS.md). The library stays the oracle the
/// tests hold both to, on random input.
enum CSVFields {
  static func split(_ row: UnsafeBufferPointer<UInt8>) -> [String] {
    if row.isEmpty { return [""] }
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
    var fields: [String] = []
    var field: [UInt8] = []
    var index = 0
    let count = row.count
    func finish() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
    }
    while true {
      // One field; on return from the switch, `index` is just past the
      // comma that ended it, or at the end of the row.
      var endedByComma = false
      if index < count && row[index] == quote {
        index += 1
        quoted: while index < count {
          let byte = row[index]
          index += 1
          if byte != quote {
            field.append(byte)
            continue
          }
          guard index < count else { break quoted }  // closing quote at the end
          let next = row[index]
          if next == comma {
            index += 1
            endedByComma = true
            break quoted
          } else if next == quote {
            field.append(quote)
            index += 1
          } else {
            // A stray quote: kept; the character after it is dropped.
            field.append(quote)
            index += utf8Length(next)
          }
        }
      } else {
        while index < count && row[index] != comma {
          field.append(row[index])
          index += 1
        }
        if index < count {
          index += 1
          endedByComma = true
        }
      }
      finish()
      if !endedByComma { return fields }
      if index >= count {
        fields.append("")  // a trailing comma ends with an empty field
        return fields
      }
    }
  }

  static func utf8Length(_ lead: UInt8) -> Int {
    switch lead {
    case 0xF0...0xF7: 4
    case 0xE0...0xEF: 3
    case 0xC0...0xDF: 2
    default: 1
    }
  }
}
