import CNcursesw
import Testing

@Suite("CNcursesw shim")
struct ShimTests {
  @Test("the wide-character API is visible from Swift")
  func wideFunctionsExist() {
    // Taking the functions as values fails to compile if the header was
    // read without NCURSES_WIDECHAR (the narrow API only).
    let getWide: (UnsafeMutablePointer<WINDOW>?, UnsafeMutablePointer<wint_t>?) -> Int32 = wget_wch
    let setWide = setcchar
    let addWide = mvadd_wch
    _ = (getWide, setWide, addWide, gs_put_cell)
    #expect(KEY_CODE_YES != OK)
    #expect(KEY_RESIZE > KEY_CODE_YES)
  }

  @Test("attribute wrappers are non-zero and distinct")
  func attributes() {
    let values = [
      gs_attr_bold(), gs_attr_dim(), gs_attr_reverse(), gs_attr_underline(), gs_attr_italic(),
      gs_attr_standout(),
    ]
    #expect(values.allSatisfy { $0 != 0 })
    #expect(Set(values).count == values.count)
    #expect(gs_attr_normal() == 0)
  }
}
