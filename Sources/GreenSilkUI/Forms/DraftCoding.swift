import GreenSilkCore

/// A form as a draft: the record it started from, the record it applies
/// onto, the focus, and every field's text (even ones that do not parse).
extension FormState {
  public var draftPayload: String {
    var w = JSONWriter()
    w.beginObject()
    w.field("kind", subject.noun)
    w.key("base")
    w.raw(subject.record.base.jsonLine)
    w.key("original")
    if let original = subject.original { w.raw(original.base.jsonLine) } else { w.null() }
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
    guard let type = EditableRecords.type(ofKind: kind), let subject = try? type.edit(base: base, original: original) else {
      return nil
    }
    // The fields start from the original, so that what the draft changed
    // shows as changed.
    var form = FormState(subject: subject, fields: (subject.original ?? subject.record).base.formFields(context: context))
    for index in form.fields.indices {
      if let text = texts[form.fields[index].key] { form.fields[index].text = text }
      form.validateField(index, context: context)
    }
    form.focus = form.fields.indices.contains(focus) ? focus : form.focus
    return form
  }
}

extension EditableRecord {
  /// An edit read from its file forms.
  static func edit(base: String, original: String?) throws -> RecordEdit {
    RecordEdit(try Self(jsonLine: base), original: try original.map(Self.init(jsonLine:)))
  }
}
