// The only C in GreenSilk. ncursesw's wide-character API (cchar_t,
// setcchar, wget_wch, mvadd_wch) is declared only when these are set
// before the include; without them Swift sees the narrow API alone.
#ifndef GREENSILK_CNCURSESW_SHIM_H
#define GREENSILK_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Attribute bits are built with the NCURSES_BITS macro, which Swift
// cannot import; these wrappers hand them over as plain values.
static inline attr_t gs_attr_normal(void) { return A_NORMAL; }
static inline attr_t gs_attr_bold(void) { return A_BOLD; }
static inline attr_t gs_attr_dim(void) { return A_DIM; }
static inline attr_t gs_attr_reverse(void) { return A_REVERSE; }
static inline attr_t gs_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t gs_attr_italic(void) { return A_ITALIC; }
static inline attr_t gs_attr_standout(void) { return A_STANDOUT; }

// Globals that some ncurses builds define as macros.
static inline WINDOW *gs_stdscr(void) { return stdscr; }
static inline int gs_lines(void) { return LINES; }
static inline int gs_cols(void) { return COLS; }
static inline int gs_colors(void) { return COLORS; }
static inline int gs_color_pairs(void) { return COLOR_PAIRS; }

static inline void gs_getmaxyx(WINDOW *win, int *y, int *x) {
  int yy, xx;
  getmaxyx(win, yy, xx);
  *y = yy;
  *x = xx;
}

// Writes one cell: a wide string of one base character plus any
// combining marks, with attributes and a colour pair. The pair travels
// through setcchar's opts pointer so that pairs above 32767 work.
static inline int gs_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
  cchar_t c;
  if (setcchar(&c, wch, attrs, 0, &pair) != OK) return ERR;
  return mvadd_wch(y, x, &c);
}

#endif
