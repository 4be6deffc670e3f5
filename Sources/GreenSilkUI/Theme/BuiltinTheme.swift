// Generated from Themes/default.toml; a test keeps the two identical.
// After editing that file, paste its text below unchanged.

extension ThemeLayer {
  /// The text of `Themes/default.toml`, compiled in so that GreenSilk has
  /// colours with no Themes directory.
  static let builtinSource = #"""
# GreenSilk theme: default (dark, calm, readable).
#
# This file is also compiled into the binary, so GreenSilk has colours even
# with no Themes directory. Copy it to start a theme of your own, or better,
# write only what differs and set `extends = "default"`.
#
# Where themes are found: --themes-dir DIR, else $GREENSILK_THEMES, else
# ./Themes, else only this built-in default. The file name (without .toml)
# is the theme's name. NO_COLOR (set and non-empty) forces the [mono] tier.
#
# Tables
#   [meta]      name, variant ("dark" | "light"), extends (a theme name),
#               description (one line for the theme picker)
#   [roles]     one key per role (what a cell means; the list below)
#   [emphasis]  overlays drawn on top of any role: selected, matched,
#               selected_matched, focused, bold
#   [mono]      attributes only, for terminals without colour (and
#               NO_COLOR); keys are roles and emphasis names
#
# A value is words separated by blanks:
#   value     = word*
#   word      = attribute | colour | "on" colour
#   attribute = bold | dim | reverse | underline | italic | none
#   colour    = candidate ( "|" candidate )*     (blanks around "|" are fine)
#   candidate = "#RRGGBB"   used on truecolor terminals; on 256-colour ones
#                           when no index is given (nearest xterm colour)
#             | 0-255       an xterm palette index, for 256-colour terminals
#             | ansi name   black red green yellow blue magenta cyan white,
#                           bright_<name>, grey (= bright_black); for 8 and
#                           16 colours (with 8, bright becomes bold)
#             | default     the terminal's own foreground or background
# The colour before "on" is the foreground, the one after it the background.
# Give at most one candidate of each kind; a missing kind falls back to the
# others (an 8-colour terminal with no ANSI name takes the nearest one).
# A role with no foreground or background takes the `text` role's.
# An emphasis adds its attributes and replaces only the colours it names.
#
# Examples
#   light_red = "bold #E06C75 | 168 | red on default"
#   selected  = "on #3E4452 | 238 | blue"     (background only)
#   [mono] light_red = "bold reverse"
#
# Unknown keys and bad values are reported as FILE:LINE warnings and
# skipped (the role keeps its inherited style); a file that is not valid
# TOML is reported and the default theme is used instead.

[meta]
name = "default"
variant = "dark"
description = "Calm dark theme for dark terminals; the default"

[roles]
# Chrome
text          = "#ABB2BF | 249 | default"
muted         = "#7F848E | 102 | bright_black"
title         = "bold #D7DAE0 | 253 | bright_white"
title_bar     = "bold #D7DAE0 | 253 | bright_white on #2C313A | 236 | blue"
badge         = "bold #282C34 | 236 | black on #E5C07B | 180 | yellow"    # the ILLUSTRATIVE label
border        = "#4B5263 | 240 | bright_black"
border_focus  = "#61AFEF | 75 | cyan"
header        = "bold #56B6C2 | 73 | cyan"                         # table and section headers
footer        = "#ABB2BF | 249 | default on #21252B | 235 | default"
footer_key    = "bold #282C34 | 236 | black on #61AFEF | 75 | cyan"
status_line   = "#ABB2BF | 249 | default on #2C313A | 236 | default"
selection     = "#FFFFFF | 231 | bright_white on #3E4452 | 238 | blue"
match         = "bold underline #E5C07B | 180 | yellow"             # filter matches
link          = "underline #61AFEF | 75 | cyan"
# Messages
info          = "#61AFEF | 75 | bright_blue"
success       = "#98C379 | 114 | green"
warning       = "bold #E5C07B | 180 | yellow"
error         = "bold #E06C75 | 168 | red"
# BRIGC traffic light: vivid on purpose, unlike everything else
light_green   = "bold #2ECC71 | 41 | bright_green"
light_yellow  = "bold #F1C40F | 220 | bright_yellow"
light_red     = "bold #FF4D4D | 203 | bright_red"
light_none    = "#7F848E | 102 | bright_black"                      # not screened yet
# Delivery health: softer hues than the light, so the two never read alike
on_track      = "#98C379 | 114 | green"
at_risk       = "#D19A66 | 173 | yellow"
off_track     = "underline #E06C75 | 168 | red"
# Pipeline stages
stage_concept        = "#C678DD | 176 | magenta"
stage_screening      = "#D19A66 | 173 | yellow"
stage_approved       = "#61AFEF | 75 | bright_blue"
stage_implementation = "#56B6C2 | 73 | cyan"
stage_finalisation   = "#98C379 | 114 | green"
stage_closed         = "#8F96A3 | 246 | white"
stage_cancelled      = "#5C6370 | 241 | bright_black"
stage_suspended      = "#E06C75 | 168 | red"
# Charts: six series that stay apart in 8 colours too
series_1      = "#61AFEF | 75 | bright_blue"
series_2      = "#E5C07B | 180 | yellow"
series_3      = "#C678DD | 176 | magenta"
series_4      = "#56B6C2 | 73 | cyan"
series_5      = "#98C379 | 114 | green"
series_6      = "#E06C75 | 168 | red"
gauge_fill    = "#56B6C2 | 73 | cyan"
gauge_empty   = "#3E4452 | 238 | bright_black"
overdue       = "bold #E06C75 | 168 | red"
# Forms
field_label   = "#8F96A3 | 246 | default"
field_value   = "#D7DAE0 | 253 | bright_white"
field_focus   = "bold #FFFFFF | 231 | bright_white on #3E4452 | 238 | blue"
field_error   = "bold #E06C75 | 168 | red"
input         = "#D7DAE0 | 253 | bright_white on #2C313A | 236 | default"
# Overlays and the wall display
overlay       = "#ABB2BF | 249 | default on #21252B | 235 | default"      # help and dialogs
big_digits    = "bold #D7DAE0 | 253 | bright_white"
ticker        = "#E5C07B | 180 | yellow"
# The map: outlines calm, the selected corridor's countries shaded, the
# other routes grey while one is selected, markers as vivid as the lights
map_land          = "#6A8F72 | 65 | bright_black"
map_member        = "#5A8FC4 | 68 | blue"
map_route         = "#5C6370 | 241 | white"
map_marker_green  = "bold #2ECC71 | 41 | bright_green"
map_marker_yellow = "bold #F1C40F | 220 | bright_yellow"
map_marker_red    = "bold #FF4D4D | 203 | bright_red"
map_marker_none   = "#C8CCD4 | 252 | white"                     # not screened yet

[emphasis]
selected         = "on #3E4452 | 238 | blue"
matched          = "bold underline #E5C07B | 180 | yellow"
selected_matched = "bold underline #E5C07B | 180 | bright_yellow on #3E4452 | 238 | blue"
focused          = "bold on #2C313A | 236 | default"
bold             = "bold"

[mono]
text          = "none"
muted         = "dim"
title         = "bold"
title_bar     = "bold reverse"
badge         = "reverse"
border        = "none"
border_focus  = "bold"
header        = "bold underline"
footer        = "reverse"
footer_key    = "bold"
status_line   = "reverse"
selection     = "reverse"
match         = "bold underline"
link          = "underline"
info          = "none"
success       = "none"
warning       = "bold"
error         = "bold reverse"
light_green   = "bold"
light_yellow  = "underline"
light_red     = "bold reverse"
light_none    = "dim"
on_track      = "none"
at_risk       = "underline"
off_track     = "bold underline"
stage_concept        = "none"
stage_screening      = "italic"
stage_approved       = "bold"
stage_implementation = "underline"
stage_finalisation   = "none"
stage_closed         = "dim"
stage_cancelled      = "dim italic"
stage_suspended      = "reverse"
series_1      = "bold"
series_2      = "none"
series_3      = "underline"
series_4      = "dim"
series_5      = "reverse"
series_6      = "italic"
gauge_fill    = "reverse"
gauge_empty   = "dim"
overdue       = "bold underline"
field_label   = "none"
field_value   = "bold"
field_focus   = "reverse"
field_error   = "bold underline"
input         = "underline"
overlay       = "none"
big_digits    = "bold"
ticker        = "none"
map_land          = "dim"
map_member        = "none"
map_route         = "dim"
map_marker_green  = "bold"
map_marker_yellow = "underline"
map_marker_red    = "bold reverse"
map_marker_none   = "none"
selected         = "reverse"
matched          = "bold underline"
selected_matched = "reverse underline"
focused          = "bold underline"
bold             = "bold"
"""#

  /// The built-in default, parsed once. The source is covered by tests; if
  /// it ever failed to parse, every role would draw in the terminal's own
  /// colours rather than the app failing to start.
  static let builtin: ThemeLayer = {
    guard case .parsed(let layer, _) = ThemeParser.parse(builtinSource, file: "(built-in default)")
    else { return ThemeLayer(name: "default") }
    return layer
  }()
}
