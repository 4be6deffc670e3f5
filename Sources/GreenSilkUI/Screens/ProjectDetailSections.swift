import GreenSilkCore

/// The sections of the project detail, each written into a `DetailWriter`.
/// Which fields a section shows, and in which order, is the declaration's
/// (`.detail(section, rank)` in `ProjectField` and its nested fields): a
/// newly declared field appears in its section as `label  value` with no
/// code here. Fields that read better drawn their own way (a light, a
/// gauge, a money amount) have a renderer in `ProjectDetailFields`. Every
/// field is shown, with `—` when it is empty, so that a missing value is
/// visible as missing rather than silently left out.
enum ProjectDetailSections {
  typealias Section = (inout DetailWriter, Project, DataContext) -> Void

  /// Every section in reading order: what the project is, then how it goes.
  static var all: [Section] { placed.map(section) }

  /// The declared fields of each section, by rank.
  static let placed: [(DetailSection, [FieldInfo<Project>])] = DetailSection.allCases.map { section in
    let fields = Project.declaration.leaves.filter { $0.detail?.section == section }
    return (section, fields.sorted { ($0.detail?.rank ?? 0) < ($1.detail?.rank ?? 0) })
  }

  static func section(_ section: DetailSection, _ fields: [FieldInfo<Project>]) -> Section {
    { w, p, context in
      w.heading(section.rawValue, note: ProjectDetailFields.headingNote(section, p, context, glyphs: w.glyphs))
      for field in fields {
        let first = w.lines.count
        if let render = ProjectDetailFields.renderers[field.name] {
          render(&w, p, context)
        } else {
          w.field(field.label, field.text(of: p, context: FormContext(countryNames: context.data.countryNames)))
        }
        // A field the record's source marks as GreenSilk's illustration
        // (`source.illustrative`): `*` at the end of its label; the
        // Source section says what the mark means.
        if field.role.canBeIllustrative, p.source.marksIllustrative(field.name.split(separator: ".").first.map(String.init) ?? field.name) {
          w.markLabel(atLine: first)
        }
      }
      ProjectDetailFields.after(section, &w, p)
    }
  }
}
