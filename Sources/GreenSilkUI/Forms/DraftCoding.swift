import GreenSilkCore

/// A form as a draft: the record it started from, the record it applies
/// onto, the focus, and every field's text (even ones that do not parse).
extension FormState {
  public var draftPayload: String {
    var w = JSONWriter()
    w.beginObject()
    switch subject {
    case .project(let base, let original):
      w.field("kind", "project")
      w.key("base")
      w.raw(base.jsonLine)
      w.key("original")
      if let original { w.raw(original.jsonLine) } else { w.null() }
    case .activity(let base, let original):
      w.field("kind", "activity")
      w.key("base")
      w.raw(base.jsonLine)
      w.key("original")
      if let original { w.raw(original.jsonLine) } else { w.null() }
    }
    w.field("focus", focus)
    w.key("fields")
    w.beginObject()
    for field in fields {
      w.key(field.key)
      w.string(field.text)
    }
    w.endObject()
    w.endObject()
    return w.text
  }

  /// The form a draft describes, with each field's saved text restored.
  public static func restoring(_ payload: String, context: FormContext) -> FormState? {
    var kind = ""
    var base = ""
    var original: String?
    var focus = 0
    var texts: [String: String] = [:]
    do {
      try JSONReader.withReader(payload) { r in
        try r.readObject { r, key in
          switch key {
          case "kind": kind = try r.readString()
          case "base": base = try r.readRawValue()
          case "original": original = r.readNull() ? nil : try r.readRawValue()
          case "focus": focus = try r.readInt()
          case "fields": try r.readObject { r, name in texts[name] = try r.readString() }
          default: try r.skipValue()
          }
        }
      }
    } catch {
      return nil
    }
    var form: FormState
    do {
      switch kind {
      case "project":
        let record = try Project(jsonLine: base)
        let before = try original.map { try Project(jsonLine: $0) }
        form = before.map { FormState.editing($0, context: context) } ?? .creating(record, context: context)
        form.subject = .project(base: record, original: before)
      case "activity":
        let record = try EnvoyActivity(jsonLine: base)
        let before = try original.map { try EnvoyActivity(jsonLine: $0) }
        form = before.map { FormState.editing($0, context: context) } ?? .creating(record, context: context)
        form.subject = .activity(base: record, original: before)
      default:
        return nil
      }
    } catch {
      return nil
    }
    for index in form.fields.indices {
      if let text = texts[form.fields[index].key] { form.fields[index].text = text }
      form.validateField(index, context: context)
    }
    form.focus = form.fields.indices.contains(focus) ? focus : form.focus
    return form
  }
}
