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
#include <langinfo.h>
#include <pty.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
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

// Locale: LC_ALL and CODESET are macros over enums that Swift may not
// import; the backend needs them before newterm.
static inline const char *gs_setlocale_from_environment(void) { return setlocale(LC_ALL, ""); }
static inline const char *gs_codeset(void) { return nl_langinfo(CODESET); }

// The C library's idea of a character's column width, which is what
// ncurses moves the cursor by. glibc declares wcwidth only for XOPEN
// builds, so declare it here.
extern int wcwidth(wchar_t c);
static inline int gs_wcwidth(wchar_t c) { return wcwidth(c); }

// The terminfo probe, before newterm. <term.h>, which declares these,
// also defines every capability as a macro over the current terminal
// (lines, columns, ...) that would clash with ordinary names, so only
// these three are declared here.
struct term;
extern int setupterm(const char *term, int filedes, int *errret);
extern struct term *set_curterm(struct term *nterm);
extern int del_curterm(struct term *oterm);

// Looks `type` up in terminfo without setting up a screen. OK: found;
// `hardcopy` (hc) and `addressable` (has cup) say whether it can show a
// full screen. ERR: not usable, `hardcopy` set when that is why (ncurses
// refuses hard-copy terminals itself), else unknown or generic, or no
// terminfo database at all.
static inline int gs_probe_terminal(const char *type, int fd, int *hardcopy, int *addressable) {
  int errret = 0;
  *hardcopy = 0;
  *addressable = 0;
  if (setupterm(type, fd, &errret) != OK) {
    *hardcopy = errret == 1;
    return ERR;
  }
  *hardcopy = tigetflag("hc") == 1;
  char *cup = tigetstr("cup");
  *addressable = cup != NULL && cup != (char *)-1;
  del_curterm(set_curterm(NULL));
  return OK;
}

// ioctl is variadic, which Swift cannot call: read the window size here.
// Returns 0 and sets rows/cols, or -1.
static inline int gs_window_size(int fd, int *rows, int *cols) {
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
  *rows = ws.ws_row;
  *cols = ws.ws_col;
  return 0;
}

static inline int gs_set_window_size(int fd, int rows, int cols) {
  struct winsize ws;
  memset(&ws, 0, sizeof ws);
  ws.ws_row = (unsigned short)rows;
  ws.ws_col = (unsigned short)cols;
  return ioctl(fd, TIOCSWINSZ, &ws);
}

// sigaction's handler field is a union with platform-specific names;
// these install a plain handler (SA_RESTART so that ordinary reads are
// not cut short; poll() returns EINTR regardless) and restore the old one.
static inline int gs_install_signal_handler(int sig, void (*handler)(int), struct sigaction *old) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  return sigaction(sig, &action, old);
}

static inline int gs_restore_signal_handler(int sig, const struct sigaction *old) {
  return sigaction(sig, old, NULL);
}

// A process inherits its blocked signals from the thread that started it
// (a libdispatch worker blocks nearly all of them), and a blocked signal
// never reaches its handler. Unblocks `sig` in the calling thread;
// returns 1 when it was blocked before, so it can be blocked again.
static inline int gs_unblock_signal(int sig) {
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, sig);
  if (pthread_sigmask(SIG_UNBLOCK, &set, &old) != 0) return 0;
  return sigismember(&old, sig) == 1;
}

static inline void gs_block_signal(int sig) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
}

// A pseudo-terminal of the given size, for tests that run the backend on
// a pty instead of the real terminal.
static inline int gs_openpty(int *master, int *slave, int rows, int cols) {
  struct winsize ws;
  memset(&ws, 0, sizeof ws);
  ws.ws_row = (unsigned short)rows;
  ws.ws_col = (unsigned short)cols;
  return openpty(master, slave, NULL, NULL, &ws);
}

// ---- Terminal reset on a fatal signal (issue 16, item 8) ----
// A trap (SIGILL from a Swift runtime check, SIGSEGV, SIGBUS, SIGFPE,
// SIGABRT, SIGTRAP) would leave the terminal raw, without echo, on the
// alternate screen with the cursor hidden. The handler, as htop's does,
// writes bytes computed in advance from terminfo (attributes off, cursor
// on, keypad off, leave the alternate screen), restores the tty modes
// saved before ncurses changed them, puts the default action back and
// raises the signal again, so the process still dies of it (status and
// core dump as before). Only async-signal-safe calls: write, tcsetattr,
// sigaction, raise. It runs on its own stack, so a stack overflow is
// handled too. Static state: only GreenSilkTerminal calls these.
// (The state lives in a function: Swift's importer emits the code of
// static inline functions, with their local statics, but not file-scope
// arrays or structs declared in a header.)
struct gs_fatal_state {
  volatile sig_atomic_t fd;
  size_t length;
  int have_termios;
  struct termios termios;
  char bytes[256];
  char stack[1 << 16];
};

static inline struct gs_fatal_state *gs_fatal(void) {
  static struct gs_fatal_state state = {.fd = -1};
  return &state;
}

static const int gs_fatal_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};

static void gs_fatal_signal_handler(int sig) {
  struct gs_fatal_state *state = gs_fatal();
  int fd = state->fd;
  if (fd >= 0) {
    state->fd = -1;
    size_t done = 0;
    while (done < state->length) {
      ssize_t wrote = write(fd, state->bytes + done, state->length - done);
      if (wrote <= 0) break;
      done += (size_t)wrote;
    }
    if (state->have_termios) tcsetattr(fd, TCSANOW, &state->termios);
  }
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(sig, &action, NULL);
  raise(sig);
}

// Before ncurses changes the modes: what to restore.
static inline void gs_fatal_save_modes(int fd) {
  gs_fatal()->have_termios = tcgetattr(fd, &gs_fatal()->termios) == 0;
}

// Arms the handler for `fd` with the reset bytes (cut at 255).
static inline int gs_fatal_arm(int fd, const char *bytes, size_t length) {
  struct gs_fatal_state *state = gs_fatal();
  if (length > sizeof state->bytes) length = sizeof state->bytes;
  memcpy(state->bytes, bytes, length);
  state->length = length;
  stack_t stack;
  memset(&stack, 0, sizeof stack);
  stack.ss_sp = state->stack;
  stack.ss_size = sizeof state->stack;
  sigaltstack(&stack, NULL);
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = gs_fatal_signal_handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_ONSTACK;
  int failed = 0;
  for (size_t i = 0; i < sizeof gs_fatal_signals / sizeof gs_fatal_signals[0]; i++) {
    if (sigaction(gs_fatal_signals[i], &action, NULL) != 0) failed = 1;
  }
  state->fd = fd;
  return failed ? -1 : 0;
}

// The terminal is closed: nothing to reset any more (the handlers stay,
// and only re-raise).
static inline void gs_fatal_disarm(void) { gs_fatal()->fd = -1; }

// A terminfo string capability, or NULL when the terminal has none.
static inline const char *gs_tigetstr(const char *name) {
  char *value = tigetstr(name);
  if (value == NULL || value == (char *)-1) return NULL;
  return value;
}

#endif
