#!/usr/bin/env python3
"""End-to-end measurements of GreenSilk, and of VisiData beside it, in a
real pseudo-terminal (issue 7; see BENCHMARKS.md).

Runs a command under a pty of a given size with TERM=xterm-256color, feeds
everything it writes to a terminal emulator (pyte), types keys and counts
what comes back:

  * time from exec until the first complete screen;
  * for each key of a scripted sequence: the bytes written in answer, the
    latency to the first byte, to the last byte that changed the screen
    ("screen updated") and to the last byte of the answer;
  * idle CPU over a minute (utime+stime from /proc/PID/stat);
  * peak RSS (VmHWM from /proc/PID/status, read before the quit key).

Usage (Tests/scripts/run-benchmarks.sh runs it with everything set up):

  pty-bench.py --binary .build-bench/release/greensilk \\
      --data-20k DIR --data-100k DIR --csv-20k FILE [--vd PATH] \\
      [--runs 5] [--idle-seconds 60] [--json OUT.json] [--markdown OUT.md]

  pty-bench.py --report --pty-json OUT.json [--swift-markdown FILE]
      [--baseline-pty-json OLD.json --baseline-swift-markdown OLD.md]
      # the tables again from saved runs, an earlier one beside

Rules, the same for every program measured:

  * First complete screen: all of the scenario's markers are on screen
    (GreenSilk: the title bar, a body panel and the key footer; VisiData:
    the column header and the first data row), and then the output is
    quiet for --settle seconds. Reported: when the markers appeared, when
    the screen last changed before the quiet (the headline figure), and
    the last byte of that first burst.
  * A key's answer: every byte read after the key is written until the
    output has been quiet for --settle seconds. Bytes that do not change
    the emulated screen (cursor parking, mode switches) count as bytes but
    not as an update.

Needs Python 3.8+ and pyte (pip install pyte). Linux only (/proc).
"""

import argparse
import collections
import fcntl
import json
import os
import platform
import pty
import re
import select
import signal
import statistics
import struct
import sys
import termios
import time

try:
    import pyte
except ImportError:  # pragma: no cover
    sys.exit("pty-bench.py needs pyte: pip install pyte")

CLK_TCK = os.sysconf("SC_CLK_TCK")
FEED_PIECE = 512  # bytes emulated between two looks at the pty
DECCKM = 1 << 5  # pyte stores private mode 1 (application cursor keys) as 1 << 5

KEYS = {
    "down": ("\x1b[B", "\x1bOB"),
    "up": ("\x1b[A", "\x1bOA"),
    "right": ("\x1b[C", "\x1bOC"),
    "left": ("\x1b[D", "\x1bOD"),
    "pgdn": ("\x1b[6~", "\x1b[6~"),
    "pgup": ("\x1b[5~", "\x1b[5~"),
    "enter": ("\r", "\r"),
    "esc": ("\x1b", "\x1b"),
    "home": ("\x1b[H", "\x1bOH"),
    "ctrl-l": ("\x0c", "\x0c"),
}


BLANK = pyte.screens.Char(" ")


class BceScreen(pyte.Screen):
    """pyte's screen with xterm's back colour erase (bce, which xterm-256color
    declares and ncurses relies on): cells vacated by deleting or inserting
    characters, and lines blanked by inserting, deleting or scrolling lines,
    take the current background colour. Plain pyte leaves them default, and
    the emulated screen would then differ from a real xterm's."""

    def _blank(self):
        return self.default_char._replace(bg=self.cursor.attrs.bg)

    def _fill(self, y, x0=0, x1=None):
        blank = self._blank()
        if blank.bg == "default":
            return
        line = self.buffer[y]
        for x in range(x0, self.columns if x1 is None else min(x1, self.columns)):
            line[x] = blank
        self.dirty.add(y)

    def _margins(self):
        return self.margins or pyte.screens.Margins(0, self.lines - 1)

    def delete_characters(self, count=None):
        count = count or 1
        super().delete_characters(count)
        self._fill(self.cursor.y, max(self.cursor.x, self.columns - count))

    def insert_characters(self, count=None):
        count = count or 1
        super().insert_characters(count)
        self._fill(self.cursor.y, self.cursor.x, self.cursor.x + count)

    def _shift_lines(self, count, move, opened):
        """Runs `move` (insert or delete `count` lines at the cursor); when
        the cursor is inside the scroll region, the rows `opened(y0, count,
        bottom)` that the shift leaves empty are erased in the current
        background."""
        count = count or 1
        top, bottom = self._margins()
        y0 = self.cursor.y
        move(count)
        if top <= y0 <= bottom:
            for y in opened(y0, count, bottom):
                self._fill(y)

    def insert_lines(self, count=None):
        self._shift_lines(count, super().insert_lines, lambda y0, n, bottom: range(y0, min(bottom + 1, y0 + n)))

    def delete_lines(self, count=None):
        self._shift_lines(count, super().delete_lines, lambda y0, n, bottom: range(max(y0, bottom - n + 1), bottom + 1))

    def _scroll_at(self, edge, move):
        """Runs `move` (a line feed or reverse line feed); when the cursor
        sat on `edge` of the scroll region, the line it opens is erased in
        the current background."""
        scrolls = self.cursor.y == edge
        move()
        if scrolls:
            self._fill(edge)

    def index(self):
        self._scroll_at(self._margins()[1], super().index)

    def reverse_index(self):
        self._scroll_at(self._margins()[0], super().reverse_index)


class Answer:
    """What came back after one key (or after exec)."""

    def __init__(self, start):
        self.start = start
        self.bytes = 0
        self.first = None  # first byte
        self.last_byte = None
        self.last_change = None  # last byte that changed the screen

    def ms(self, t):
        return None if t is None else round((t - self.start) * 1000, 3)

    def as_dict(self):
        return {
            "bytes": self.bytes,
            "first_ms": self.ms(self.first),
            "updated_ms": self.ms(self.last_change),
            "last_byte_ms": self.ms(self.last_byte),
        }


class Term:
    """One program in a pseudo-terminal, its output kept in an emulator."""

    def __init__(self, argv, cols, rows, env=None, cwd=None):
        self.cols, self.rows = cols, rows
        self.screen = BceScreen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.lines = [self._line(y) for y in range(rows)]
        self.screen.dirty.clear()
        self.total = 0
        self.pending = collections.deque()  # (time read, bytes) not yet emulated
        self.exited = False
        environment = dict(os.environ)
        environment.update({"TERM": "xterm-256color", "LANG": "C.UTF-8", "COLUMNS": str(cols), "LINES": str(rows)})
        environment.pop("LC_ALL", None)
        environment.pop("NO_COLOR", None)
        if env:
            environment.update(env)
        self.exec_time = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal before the program can ask
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, environment)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd

    def _line(self, y):
        """Row y as it looks: a blank shows only its background."""
        row = self.screen.buffer[y]
        cells = []
        for x in range(self.cols):
            c = row[x]
            if c.data == " " and not (c.reverse or c.underscore or c.strikethrough):
                c = BLANK._replace(bg=c.bg)
            cells.append(c)
        return tuple(cells)

    def _feed(self, data):
        """Feeds output to the emulator; True when the screen changed."""
        self.stream.feed(data)
        changed = False
        for y in self.screen.dirty:
            if 0 <= y < self.rows:
                line = self._line(y)
                if line != self.lines[y]:
                    self.lines[y] = line
                    changed = True
        self.screen.dirty.clear()
        return changed

    def _pump(self, timeout):
        """Reads everything the program has written so far, each read
        timestamped when it returns; waits up to `timeout` for the first."""
        wait = timeout
        while not self.exited:
            ready, _, _ = select.select([self.fd], [], [], max(0.0, wait))
            if not ready:
                return
            try:
                data = os.read(self.fd, 1 << 16)
            except OSError:
                data = b""
            now = time.monotonic()
            if not data:
                self.exited = True
                return
            self.total += len(data)
            for i in range(0, len(data), FEED_PIECE):
                self.pending.append((now, data[i:i + FEED_PIECE]))
            wait = 0.0

    def read_once(self, timeout):
        """The next piece of output as (time read, bytes, whether it changed
        the screen), or None when nothing came within `timeout`.

        Emulating is slow (pyte takes about 1 ms per KB), so the pty is
        always read first and emulated after, in small pieces: a read's
        time is when the bytes were there, not when the emulator got to
        them (else a big redraw would look as slow as pyte)."""
        if self.pending:
            self._pump(0.0)
        elif self.exited:
            time.sleep(max(0.0, timeout))
            return None
        else:
            self._pump(timeout)
            if not self.pending:
                return None
        t, data = self.pending.popleft()
        return t, len(data), self._feed(data)

    def collect(self, answer, settle, max_wait, done=None, first_wait=1.0):
        """Reads into `answer` until quiet for `settle` s (after `done()` holds, if given);
        a key with no byte at all within `first_wait` s has no answer."""
        deadline = answer.start + max_wait
        last_activity = answer.start
        ready_at = None
        while True:
            now = time.monotonic()
            if now >= deadline or self.exited:
                break
            if ready_at is None and (done is None or done()):
                ready_at = now
            quiet_from = max(last_activity, ready_at) if ready_at is not None else None
            if quiet_from is not None and answer.first is not None and now - quiet_from >= settle and not self.pending:
                break
            if quiet_from is not None and answer.first is None and done is None and now - answer.start >= max(settle, first_wait):
                break  # a key with no answer at all
            chunk = self.read_once(min(0.02, deadline - now))
            if chunk:
                t, n, changed = chunk
                answer.bytes += n
                answer.first = answer.first or t
                answer.last_byte = t
                last_activity = t
                if changed:
                    answer.last_change = t
        return answer

    def first_screen(self, markers, settle, max_wait=60.0):
        answer = Answer(self.exec_time)
        seen = {}

        def done():
            if "t" in seen:
                return True
            if all(m(self.screen.display) for m in markers):
                seen["t"] = answer.last_change or time.monotonic()
                return True
            return False

        self.collect(answer, settle, max_wait, done)
        result = answer.as_dict()
        result["markers_ms"] = answer.ms(seen.get("t"))
        result["complete"] = "t" in seen
        return result

    def key(self, name_or_text, settle, max_wait=10.0, first_wait=1.0):
        if name_or_text in KEYS:
            normal, application = KEYS[name_or_text]
            text = application if DECCKM in self.screen.mode else normal
        else:
            text = name_or_text
        self.drain()
        answer = Answer(time.monotonic())
        os.write(self.fd, text.encode("utf-8"))
        self.collect(answer, settle, max_wait, first_wait=first_wait)
        return answer.as_dict()

    def drain(self, quiet=0.0):
        while self.read_once(quiet):
            pass

    def snapshot(self):
        return [list(line) for line in self.lines]

    def cpu_ticks(self):
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)

    def memory(self):
        values = {}
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in ("VmHWM", "VmRSS"):
                    values[key] = int(rest.split()[0])  # kB
        return values

    def close(self, quit_text=None, timeout=5.0):
        if quit_text and not self.exited:
            try:
                os.write(self.fd, quit_text.encode())
            except OSError:
                pass
        end = time.monotonic() + timeout
        status = None
        while time.monotonic() < end:
            self.read_once(0.02)
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                break
        else:
            os.kill(self.pid, signal.SIGTERM)
            time.sleep(0.5)
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if not done:
                os.kill(self.pid, signal.SIGKILL)
                _, status = os.waitpid(self.pid, 0)
        try:
            os.close(self.fd)
        except OSError:
            pass
        return status


def differing_cells(before, after):
    return sum(1 for a, b in zip(before, after) for x, y in zip(a, b) if x != y)


def nonblank_cells(lines):
    """The cells a repaint after a clear must write: not a plain blank."""
    return sum(1 for line in lines for c in line if c.data.strip() or c.bg != "default" or c.reverse)


# --------------------------------------------------------------------------
# Markers: when is a first screen complete?

def row_has(row, text):
    return lambda display: text in display[row]


def any_row_has(text):
    return lambda display: any(text in line for line in display)


GREENSILK_MARKERS = [row_has(0, "GreenSilk"), any_row_has("Overdue milestones"), row_has(-1, "q quit")]
VISIDATA_MARKERS = [lambda d: any(line.lstrip().startswith("id ") for line in d[:3]), any_row_has("S-000001")]

FILTER_TEXT = "gwadar solar"


# --------------------------------------------------------------------------
# Scenarios. Each returns one run's raw figures.

def greensilk_table(args, run):
    """20k projects at 120x40: first screen, pipeline, table, cursor, PgDn, filter."""
    term = Term([args.binary, "--data", args.data_20k], 120, 40)
    out = {"first_screen": term.first_screen(GREENSILK_MARKERS, args.settle)}
    out["pipeline"] = term.key("3", args.settle)
    out["table"] = term.key("v", args.settle)
    out["down"] = [term.key("down", args.settle) for _ in range(args.moves)]
    out["pgdn"] = [term.key("pgdn", args.settle) for _ in range(args.pages)]
    out["filter_open"] = term.key("/", args.settle)
    out["filter_chars"] = [term.key(c, args.settle) for c in FILTER_TEXT]
    out["filter_result"] = term.screen.display[1].strip()
    out["memory_kb"] = term.memory()
    term.key("enter", args.settle)
    out["exit"] = term.close("q")
    return out


def greensilk_switch(args, run):
    """20k projects at 80x24: screens 2, 3, 4, 5, 1; Ctrl-L after each for a full repaint."""
    term = Term([args.binary, "--data", args.data_20k], 80, 24)
    out = {"first_screen": term.first_screen(GREENSILK_MARKERS, args.settle), "switches": []}
    for key in "23451":
        before = term.snapshot()
        answer = term.key(key, args.settle)
        after = term.snapshot()
        repaint = term.key("ctrl-l", args.settle)
        answer.update({
            "key": key,
            "differing_cells": differing_cells(before, after),
            "full_repaint_bytes": repaint["bytes"],
            "nonblank_cells": nonblank_cells(term.lines),
            "repaint_changed_screen": term.snapshot() != after,
        })
        out["switches"].append(answer)
    out["memory_kb"] = term.memory()
    out["exit"] = term.close("q")
    return out


def greensilk_map(args, run):
    """20k projects at 160x48: the map (6); cursor moves between countries
    (→, every country with a project, west to east) and corridors (↓), a
    zoom in and out."""
    term = Term([args.binary, "--data", args.data_20k], 160, 48)
    out = {"first_screen": term.first_screen(GREENSILK_MARKERS, args.settle)}
    out["map"] = term.key("6", args.settle)
    out["map_screen"] = [line.rstrip() for line in term.screen.display]
    out["country_moves"] = [term.key("right", args.settle) for _ in range(args.moves)]
    out["corridor_moves"] = [term.key("down", args.settle) for _ in range(len(MAP_CORRIDORS))]
    out["zoom_in"] = term.key("+", args.settle)
    out["zoom_out"] = term.key("-", args.settle)
    out["memory_kb"] = term.memory()
    out["exit"] = term.close("q")
    return out


MAP_CORRIDORS = ["NELB", "CMREC", "CCWAEC", "CICPEC", "CPEC", "BCIMEC"]


def greensilk_100k(args, run):
    term = Term([args.binary, "--data", args.data_100k], 120, 40)
    out = {"first_screen": term.first_screen(GREENSILK_MARKERS, args.settle)}
    out["memory_kb"] = term.memory()
    out["exit"] = term.close("q")
    return out


LONG_FIELD_PROJECT = "P-0003"


def long_field_data(reference, out, kind):
    """A copy of the shipped data whose project P-0003 has a 10,000-character
    summary: CJK ideographs (one word to the wrapper, two columns each) or
    ASCII words, as the in-process "Long field 10k" benchmarks use."""
    import random
    import shutil
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(reference, out)
    if kind == "cjk":
        rng = random.Random(17)
        text = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(10_000))
    else:
        text = ("ecological corridor " * 500)[:10_000]
    path = os.path.join(out, "projects.jsonl")
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        if line.startswith('{"id":"%s"' % LONG_FIELD_PROJECT):
            record = json.loads(line)
            record["summary"] = text
            lines[i] = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    for name in os.listdir(out):
        if name.startswith(".greensilk"):
            os.remove(os.path.join(out, name))
    return out


def greensilk_long_field(args, run, kind):
    """A 10,000-character summary at 80x24: Down on the project screen, then
    characters typed at the start of that summary in the edit form."""
    data = long_field_data(args.reference_data, os.path.join(args.work, f"long-{kind}", "data"), kind)
    home = os.path.join(args.work, f"long-{kind}", "home")
    os.makedirs(home, exist_ok=True)
    term = Term([args.binary, "--data", data], 80, 24, env={"HOME": home, "XDG_STATE_HOME": os.path.join(home, "state")})
    out = {"first_screen": term.first_screen(GREENSILK_MARKERS, args.settle)}
    patient = dict(max_wait=60.0, first_wait=30.0)
    for key in ["3", "/"] + list(LONG_FIELD_PROJECT[2:]) + ["enter"]:
        term.key(key, args.settle, **patient)
    out["open"] = term.key("enter", args.settle, **patient)
    out["detail_keys"] = [term.key("down", args.settle, **patient) for _ in range(args.long_keys)]
    # The form (on the title), the summary field, edit it, cursor to the
    # start: each character typed there moves the whole visible line.
    for key in ("e", "\t", "enter", "home"):
        term.key(key, args.settle, **patient)
    out["form_keys"] = [term.key("x", args.settle, **patient) for _ in range(args.long_keys)]
    out["screen"] = [term.screen.display[y] for y in range(4)]
    term.key("esc", args.settle, **patient)  # end the field edit
    term.key("esc", args.settle, **patient)  # leave the form: it asks
    term.key("y", args.settle, **patient)  # discard
    out["exit"] = term.close("q")
    return out


def visidata_table(args, run):
    """The same 20k projects as CSV in VisiData at 120x40."""
    term = Term([args.vd, args.csv_20k], 120, 40, env={"HOME": args.vd_home})
    out = {"first_screen": term.first_screen(VISIDATA_MARKERS, args.settle)}
    out["rows_status"] = term.screen.display[-1].strip()
    out["down"] = [term.key("down", args.settle) for _ in range(args.moves)]
    out["pgdn"] = [term.key("pgdn", args.settle) for _ in range(args.pages)]
    out["filter_open"] = term.key("/", args.settle)
    out["filter_chars"] = [term.key(c, args.settle) for c in FILTER_TEXT]
    out["filter_enter"] = term.key("enter", args.settle)
    out["memory_kb"] = term.memory()
    out["exit"] = term.close("gq")
    return out


def idle(args):
    """Idle CPU over --idle-seconds: every program started, first screen shown,
    then left alone (all at once: they are idle, and it keeps the run short)."""
    programs = []
    for run in range(args.runs):
        programs.append(("greensilk dashboard", Term([args.binary, "--data", args.data_20k], 120, 40), GREENSILK_MARKERS, "q"))
        programs.append(("greensilk kiosk --rotate 20s",
                         Term([args.binary, "kiosk", "--data", args.data_20k, "--rotate", "20s"], 120, 40), [], None))
        if args.vd:
            programs.append(("visidata", Term([args.vd, args.csv_20k], 120, 40, env={"HOME": args.vd_home}),
                             VISIDATA_MARKERS, "gq"))
    for _, term, markers, _ in programs:
        term.first_screen(markers or [lambda d: any(line.strip() for line in d)], args.settle)
    time.sleep(2.0)
    for _, term, _, _ in programs:
        term.drain()
        term.idle_start = (time.monotonic(), term.cpu_ticks(), term.total)
    end = time.monotonic() + args.idle_seconds
    fds = {term.fd: term for _, term, _, _ in programs}
    while time.monotonic() < end:
        ready, _, _ = select.select(list(fds), [], [], min(0.5, max(0.0, end - time.monotonic())))
        for fd in ready:
            fds[fd].read_once(0)
    results = {}
    for name, term, _, quit_text in programs:
        t0, c0, b0 = term.idle_start
        seconds = time.monotonic() - t0
        ticks = term.cpu_ticks() - c0
        results.setdefault(name, []).append({
            "seconds": round(seconds, 2),
            "cpu_ticks": ticks,
            "cpu_percent": round(100.0 * ticks / CLK_TCK / seconds, 4),
            "bytes": term.total - b0,
            "memory_kb": term.memory(),
        })
    for _, term, _, quit_text in programs:
        if quit_text:
            term.close(quit_text)
        else:
            os.kill(term.pid, signal.SIGTERM)
            term.close(None)
    return results


# --------------------------------------------------------------------------
# Summary

def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def per_key(runs, key, field):
    return median([a[field] for run in runs for a in run[key]])


def percentile(runs, key, field, q):
    values = sorted(a[field] for run in runs for a in run[key] if a[field] is not None)
    if not values:
        return None
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def build_rows(results):
    gs = results.get("greensilk_table", [])
    sw = results.get("greensilk_switch", [])
    big = results.get("greensilk_100k", [])
    long_runs = {kind: results.get(f"greensilk_long_{kind}", []) for kind in ("cjk", "ascii")}
    vd = results.get("visidata_table", [])
    idle_runs = results.get("idle", {})
    rows = []

    def row(name, unit, g, v=None, target=None, met=None, note="", ratio=None):
        if ratio is None and g and v:  # no ratio when either side is zero or missing
            ratio = v / g
        rows.append({"name": name, "unit": unit, "greensilk": g, "visidata": v, "ratio": ratio,
                     "target": target, "met": met, "note": note})

    fs_g = median([r["first_screen"]["updated_ms"] for r in gs])
    fs_v = median([r["first_screen"]["updated_ms"] for r in vd]) if vd else None
    ratio = fs_v / fs_g if fs_g and fs_v else None
    met = None if fs_g is None else (fs_g <= 150 and (ratio is None or ratio >= 9))
    row("First complete screen, 20,000 projects, 120x40", "ms", fs_g, fs_v, "≤ 150 ms and ≥ 9× faster", met,
        "VisiData: screen stable with all 20,000 rows loaded")
    row("  markers on screen (title+panel+footer / header+first row)", "ms",
        median([r["first_screen"]["markers_ms"] for r in gs]),
        median([r["first_screen"]["markers_ms"] for r in vd]) if vd else None)
    row("  last byte of the first burst", "ms", median([r["first_screen"]["last_byte_ms"] for r in gs]),
        median([r["first_screen"]["last_byte_ms"] for r in vd]) if vd else None)
    row("  bytes of the first screen", "B", median([r["first_screen"]["bytes"] for r in gs]),
        median([r["first_screen"]["bytes"] for r in vd]) if vd else None)
    fs_big = median([r["first_screen"]["updated_ms"] for r in big])
    row("First complete screen, 100,000 projects, 120x40", "ms", fs_big, None, "≤ 750 ms",
        None if fs_big is None else fs_big <= 750)
    if gs:
        b = per_key(gs, "down", "bytes")
        row("Cursor move down, table, 120x40: bytes", "B", b, per_key(vd, "down", "bytes") if vd else None,
            "≤ 250 B", b <= 250)
        row("Cursor move down: key to screen updated", "ms", per_key(gs, "down", "updated_ms"),
            per_key(vd, "down", "updated_ms") if vd else None)
        row("Page down, table, 120x40: bytes", "B", per_key(gs, "pgdn", "bytes"),
            per_key(vd, "pgdn", "bytes") if vd else None)
        row("Page down: key to screen updated", "ms", per_key(gs, "pgdn", "updated_ms"),
            per_key(vd, "pgdn", "updated_ms") if vd else None)
        row("Open the filter (/), 120x40: key to screen updated", "ms",
            median([r["filter_open"]["updated_ms"] for r in gs]),
            median([r["filter_open"]["updated_ms"] for r in vd]) if vd else None)
        f = per_key(gs, "filter_chars", "updated_ms")
        row("Filter, each character over 20,000 projects: key to screen updated", "ms", f,
            per_key(vd, "filter_chars", "updated_ms") if vd else None, "≤ 5 ms", f <= 5 if f is not None else None,
            "VisiData's / is a regex search run on Enter: per character it only echoes the prompt")
        row("  90th percentile over all characters", "ms", percentile(gs, "filter_chars", "updated_ms", 90),
            percentile(vd, "filter_chars", "updated_ms", 90) if vd else None)
        row("  slowest character (median over runs of each run's slowest)", "ms",
            median([max(a["updated_ms"] or 0 for a in r["filter_chars"]) for r in gs]),
            median([max(a["updated_ms"] or 0 for a in r["filter_chars"]) for r in vd]) if vd else None)
        row("Filter, each character: bytes", "B", per_key(gs, "filter_chars", "bytes"),
            per_key(vd, "filter_chars", "bytes") if vd else None)
        if vd:
            row("  VisiData: Enter runs the search over 20,000 rows", "ms", None,
                median([r["filter_enter"]["updated_ms"] for r in vd]))
        row("Open the pipeline (3), 120x40: bytes", "B", median([r["pipeline"]["bytes"] for r in gs]))
        row("  key to screen updated", "ms", median([r["pipeline"]["updated_ms"] for r in gs]))
        row("Switch kanban to table (v), 120x40: bytes", "B", median([r["table"]["bytes"] for r in gs]))
        row("  key to screen updated", "ms", median([r["table"]["updated_ms"] for r in gs]))
    if sw:
        switches = [s for r in sw for s in r["switches"]]
        over = [s for s in switches if s["bytes"] > s["differing_cells"] * s["full_repaint_bytes"] / max(1, s["nonblank_cells"])]
        row("Screen switch (1-5), 80x24: bytes", "B", median([s["bytes"] for s in switches]), None,
            "≤ full repaint of the differing cells",
            not over, f"{len(over)} of {len(switches)} switches over budget")
        row("  cells that differ", "cells", median([s["differing_cells"] for s in switches]))
        row("  budget: differing cells × full-repaint bytes per cell (Ctrl-L)", "B",
            median([s["differing_cells"] * s["full_repaint_bytes"] / max(1, s["nonblank_cells"]) for s in switches]))
        row("  full repaint of the screen switched to (Ctrl-L)", "B", median([s["full_repaint_bytes"] for s in switches]))
        row("  key to screen updated", "ms", median([s["updated_ms"] for s in switches]))
    for name, target in (("greensilk dashboard", "≤ 0.2 %"), ("greensilk kiosk --rotate 20s", "≤ 0.2 %")):
        samples = idle_runs.get(name)
        if samples:
            c = median([s["cpu_percent"] for s in samples])
            v = idle_runs.get("visidata")
            row(f"Idle CPU, {name}, 20,000 projects, 120x40", "% of a core", c,
                median([s["cpu_percent"] for s in v]) if v else None, target, c <= 0.2,
                f"over {median([s['seconds'] for s in samples]):.0f} s")
            row("  bytes written while idle", "B", median([s["bytes"] for s in samples]),
                median([s["bytes"] for s in v]) if v else None)
    mp = results.get("greensilk_map", [])
    if mp:
        b = per_key(mp, "country_moves", "bytes")
        row("Map (6), 160x48: bytes per cursor move between countries", "B", b, None, "≤ 400 B",
            None if b is None else b <= 400, "→ through every country with a project, west to east")
        row("  90th percentile", "B", percentile(mp, "country_moves", "bytes", 90))
        row("  key to screen updated", "ms", per_key(mp, "country_moves", "updated_ms"))
        row("Map (6), 160x48: bytes per move between corridors", "B", per_key(mp, "corridor_moves", "bytes"), None,
            "", None, "↓: the routes recoloured, two corridors' countries shaded and unshaded, the country list")
        row("  key to screen updated", "ms", per_key(mp, "corridor_moves", "updated_ms"))
        row("Open the map (6), 160x48: bytes", "B", median([r["map"]["bytes"] for r in mp]))
        row("  key to screen updated", "ms", median([r["map"]["updated_ms"] for r in mp]))
        row("Map zoom (+, then -), 160x48: bytes", "B",
            median([r[k]["bytes"] for r in mp for k in ("zoom_in", "zoom_out")]))
        row("  key to screen updated", "ms", median([r[k]["updated_ms"] for r in mp for k in ("zoom_in", "zoom_out")]))
    for kind, label in (("cjk", "CJK ideographs"), ("ascii", "ASCII characters")):
        runs = long_runs[kind]
        if not runs:
            continue
        d = per_key(runs, "detail_keys", "updated_ms")
        row(f"Key on the project screen (Down), summary of 10,000 {label}, 80x24: key to screen updated", "ms", d,
            None, "≤ 50 ms", d <= 50 if d is not None else None)
        f = per_key(runs, "form_keys", "updated_ms")
        row(f"Key in the form (typing into that summary), 10,000 {label}, 80x24: key to screen updated", "ms", f,
            None, "≤ 50 ms", f <= 50 if f is not None else None)
    rss = median([r["memory_kb"].get("VmHWM") for r in gs])
    rss_v = median([r["memory_kb"].get("VmHWM") for r in vd]) if vd else None
    if rss is not None:
        row("Peak RSS, 20,000 projects (after the scripted keys)", "MB", rss / 1024, rss_v / 1024 if rss_v else None,
            "≤ 40 MB", rss / 1024 <= 40)
    rss_big = median([r["memory_kb"].get("VmHWM") for r in big])
    if rss_big is not None:
        row("Peak RSS, 100,000 projects (first screen)", "MB", rss_big / 1024)
    return rows


def fmt(value, unit):
    if value is None:
        return "–"
    if unit in ("B", "cells"):
        return f"{value:,.0f}"
    if unit == "% of a core":
        return f"{value:.3f}"
    if unit == "MB":
        return f"{value:.1f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def parse_swift_markdown(path):
    """{benchmark: {"time_us": {p50, p90}, "mallocs": ..., "rss_mb": ..., "samples": n}} from
    `swift package benchmark --format markdown` output."""
    benchmarks, name = {}, None
    columns = ["p0", "p25", "p50", "p75", "p90", "p99", "p100", "samples"]
    with open(path) as f:
        for line in f:
            if line.startswith("### "):
                name = line[4:].strip()
                benchmarks[name] = {}
            elif name and line.startswith("| ") and not line.startswith("| Metric"):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                values = dict(zip(columns, (float(c) if re.fullmatch(r"-?[0-9.]+", c) else None for c in cells[1:])))
                metric = cells[0]
                key = ("time_us" if metric.startswith("Time (wall clock)") else
                       "mallocs" if metric.startswith("Malloc (total)") else
                       "rss_mb" if metric.startswith("Memory (resident peak)") else None)
                if key:
                    scale = 1.0
                    unit = re.search(r"\((K|M|G|ms|s|ns|μs)\)", metric)
                    if key == "mallocs" and unit:
                        scale = {"K": 1e3, "M": 1e6, "G": 1e9}.get(unit.group(1), 1.0)
                    if key == "time_us" and unit:
                        scale = {"ns": 1e-3, "μs": 1.0, "ms": 1e3, "s": 1e6}.get(unit.group(1), 1.0)
                    benchmarks[name][key] = {k: (v * scale if v is not None and k != "samples" else v)
                                             for k, v in values.items()}
                    benchmarks[name]["samples"] = values.get("samples")
    return benchmarks


def result_rows(results, swift):
    rows = build_rows(results) if results else []
    save = (swift or {}).get("Save one edited record 20k")
    if save and "time_us" in save:
        ms = save["time_us"]["p50"] / 1000
        rows.append({"name": "Save one edited record in a 20,000-project data set (in-process, RecordEditor.update: "
                             "lock, re-read, splice, write, fsync, rename, audit)",
                     "unit": "ms", "greensilk": ms, "visidata": None, "ratio": None, "target": "≤ 50 ms",
                     "met": ms <= 50, "note": ""})
    return rows


def markdown(results, swift=None, baseline=None):
    """The results table; with `baseline` ((results, swift, label) of an
    earlier run), a column of GreenSilk's figures then."""
    rows = result_rows(results, swift)
    def keyed(rows):
        """Rows by name, sub-rows ("  ...") by their parent's name too."""
        parent, out = "", {}
        for r in rows:
            if not r["name"].startswith(" "):
                parent = r["name"]
            out[(parent, r["name"])] = r
        return out

    before = {}
    if baseline:
        before = {k: r["greensilk"] for k, r in keyed(result_rows(baseline[0], baseline[1])).items()}
    label = f"GreenSilk {baseline[2]}" if baseline else ""
    lines = [
        "| measurement | unit | GreenSilk |" + (f" {label} |" if baseline else "")
        + " VisiData | VisiData ÷ GreenSilk | target | met |",
        "|---|---|--:|" + ("--:|" if baseline else "") + "--:|--:|---|---|",
    ]
    for key, r in keyed(rows).items():
        ratio = "–" if r["ratio"] is None else f"{r['ratio']:.1f}×"
        met = "" if r["met"] is None else ("yes" if r["met"] else "**no**")
        note = f" ({r['note']})" if r["note"] else ""
        then = f" {fmt(before.get(key), r['unit'])} |" if baseline else ""
        lines.append(f"| {r['name']}{note} | {r['unit']} | {fmt(r['greensilk'], r['unit'])} |{then} "
                     f"{fmt(r['visidata'], r['unit'])} | {ratio} | {r['target'] or ''} | {met} |")
    return "\n".join(lines) + "\n"


def time_text(us):
    if us is None:
        return "–"
    return f"{us / 1000:.1f} ms" if us >= 10_000 else f"{us / 1000:.2f} ms" if us >= 1000 else f"{us:.0f} µs"


def swift_table(swift, baseline=None, label=""):
    extra = f" time p50 {label} | mallocs p50 {label} |" if baseline else ""
    lines = [
        "| benchmark | time p50 | time p90 | mallocs p50 | process peak RSS | samples |" + extra,
        "|---|--:|--:|--:|--:|--:|" + ("--:|--:|" if baseline else ""),
    ]
    order = ["Load", "Aggregates", "Render", "Diff", "Filter", "Save"]

    def rank(name):
        size = re.search(r"(\d+)k\b", name)
        group = next((i for i, prefix in enumerate(order) if name.startswith(prefix)), len(order))
        return (group, int(size.group(1)) if size and group == 0 else 0, name)

    def count_text(value, suffix=""):
        return "–" if value is None else f"{value:,.0f}{suffix}"

    for name in sorted(set(swift) | set(baseline or {}), key=rank):
        b = swift.get(name, {})
        t, m, r = b.get("time_us", {}), b.get("mallocs", {}), b.get("rss_mb", {})
        cells = [name, time_text(t.get("p50")), time_text(t.get("p90")), count_text(m.get("p50")),
                 count_text(r.get("p50"), " MB"), count_text(b.get("samples"))]
        if baseline:
            old = baseline.get(name, {})
            cells += [time_text(old.get("time_us", {}).get("p50")), count_text(old.get("mallocs", {}).get("p50"))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def load_run(pty_json, swift_markdown):
    document = {}
    if pty_json and os.path.exists(pty_json):
        with open(pty_json) as f:
            document = json.load(f)
    swift = parse_swift_markdown(swift_markdown) if swift_markdown and os.path.exists(swift_markdown) else {}
    return document, swift


def report(pty_json, swift_markdown, baseline_pty_json=None, baseline_swift_markdown=None):
    document, swift = load_run(pty_json, swift_markdown)
    results = document.get("results", {})
    baseline = None
    if baseline_pty_json or baseline_swift_markdown:
        old_document, old_swift = load_run(baseline_pty_json, baseline_swift_markdown)
        label = old_document.get("settings", {}).get("label") or "baseline"
        baseline = (old_document.get("results", {}), old_swift, label)
    out = ["## End to end, in a pseudo-terminal (medians)", ""]
    if document:
        s = document["settings"]
        out.append(f"{s.get('label') or 'This run'}: {s['runs']} runs of each scenario, {s['moves']} cursor moves and "
                   f"{s['pages']} page downs per run, the filter \"{FILTER_TEXT}\" typed one character at a time, "
                   f"idle over {s['idle_seconds']:.0f} s; the harness took {document['seconds']:.0f} s, load average "
                   f"at its start {' '.join(document['machine'].get('loadavg_at_start', []))}.")
        out.append("")
    out.append(markdown(results, swift, baseline))
    if swift:
        out += ["## In process: Swift benchmarks (`swift package benchmark`)", "",
                swift_table(swift, baseline[1] if baseline else None, baseline[2] if baseline else "")]
    return "\n".join(out)


# --------------------------------------------------------------------------

def machine():
    info = {"nproc": os.cpu_count(), "kernel": platform.release(), "python": platform.python_version()}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            info["memory"] = f.readline().split(":", 1)[1].strip()
        with open("/proc/loadavg") as f:
            info["loadavg_at_start"] = f.read().split()[:3]
    except OSError:
        pass
    return info


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build-bench/release/greensilk")
    parser.add_argument("--data-20k")
    parser.add_argument("--data-100k")
    parser.add_argument("--csv-20k", help="the 20k projects exported to CSV, for VisiData")
    parser.add_argument("--vd", help="the vd executable (no VisiData run without it)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--moves", type=int, default=20, help="cursor moves per run")
    parser.add_argument("--pages", type=int, default=10, help="page downs per run")
    parser.add_argument("--settle", type=float, default=0.25, help="quiet time that ends an answer (s)")
    parser.add_argument("--idle-seconds", type=float, default=60)
    parser.add_argument("--only", default="table,switch,map,100k,visidata,long,idle",
                        help="comma-separated scenarios: table, switch, map, 100k, visidata, long, idle")
    parser.add_argument("--reference-data", default="data",
                        help="the shipped data directory, copied for the long-field scenario")
    parser.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "greensilk-bench"),
                        help="where the long-field scenario writes its data copies")
    parser.add_argument("--long-keys", type=int, default=10, help="keys per run in the long-field scenario")
    parser.add_argument("--json", help="write the raw figures here")
    parser.add_argument("--markdown", help="write the results table here")
    parser.add_argument("--report", action="store_true",
                        help="print the results as markdown from --pty-json and --swift-markdown, and stop")
    parser.add_argument("--pty-json", help="with --report: a --json file of an earlier run")
    parser.add_argument("--swift-markdown", help="with --report: `swift package benchmark --format markdown` output")
    parser.add_argument("--baseline-pty-json", help="with --report: an earlier run's --json, shown beside")
    parser.add_argument("--baseline-swift-markdown", help="with --report: an earlier run's Swift benchmark output")
    parser.add_argument("--label", help="what was measured (e.g. the commit), kept in the --json file")
    args = parser.parse_args()

    if args.report:
        sys.stdout.write(report(args.pty_json, args.swift_markdown, args.baseline_pty_json,
                                args.baseline_swift_markdown))
        return

    only = set(args.only.split(","))
    if not args.data_20k and only - {"long"}:
        parser.error("--data-20k is required")
    if args.vd:
        args.vd_home = os.path.join(os.path.dirname(os.path.abspath(args.csv_20k)), "vd-home")
        os.makedirs(args.vd_home, exist_ok=True)
    results = {}
    started = time.time()
    plan = [("greensilk_table", "table", greensilk_table), ("greensilk_switch", "switch", greensilk_switch),
            ("greensilk_map", "map", greensilk_map)]
    if args.data_100k:
        plan.append(("greensilk_100k", "100k", greensilk_100k))
    if args.vd and args.csv_20k:
        plan.append(("visidata_table", "visidata", visidata_table))
    for kind in ("cjk", "ascii"):
        plan.append((f"greensilk_long_{kind}", "long", lambda a, r, kind=kind: greensilk_long_field(a, r, kind)))
    # Interleave the programs run by run, so that a noisy minute of the
    # machine hits both alike.
    for run in range(args.runs):
        for key, name, scenario in plan:
            if name not in only:
                continue
            print(f"[pty-bench] run {run + 1}/{args.runs}: {key}", file=sys.stderr, flush=True)
            results.setdefault(key, []).append(scenario(args, run))
    if "idle" in only:
        print(f"[pty-bench] idle CPU over {args.idle_seconds:.0f} s", file=sys.stderr, flush=True)
        results["idle"] = idle(args)
    document = {
        "machine": machine(),
        "started": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(started)),
        "seconds": round(time.time() - started, 1),
        "settings": {k: v for k, v in vars(args).items() if k not in ("markdown", "json", "report", "pty_json", "swift_markdown",
                                                         "baseline_pty_json", "baseline_swift_markdown")},
        "results": results,
    }
    if args.json:
        with open(args.json, "w") as f:
            json.dump(document, f, indent=1, default=str)
    table = markdown(results)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(table)
    sys.stdout.write(table)


if __name__ == "__main__":
    main()
