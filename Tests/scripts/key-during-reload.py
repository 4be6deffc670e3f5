#!/usr/bin/env python3
"""Key latency while a reload runs (issue 16 item 5), measured in a real pty.

For each run: start `BINARY --data DIR` in a 100x30 pty (TERM=xterm-256color),
wait for the first frame, then either (idle) press `2`, or (reload) rewrite
projects.jsonl by copy+rename (a new inode: the dashboard reloads the whole
set 150 ms later), wait DELAY seconds so the reload is under way, and press
`2`. Reported: seconds from the key to the screen showing [2 Corridors]
(pyte emulates the screen). Then `q`.
"""
import os, pty, select, shutil, struct, fcntl, termios, time, sys, statistics
import pyte

def run(binary, data, reload, delay):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("NO_COLOR", None)
        os.execv(binary, [binary, "--data", data])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    screen = pyte.Screen(100, 30); stream = pyte.ByteStream(screen)
    def pump(until, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            r, _, _ = select.select([fd], [], [], 0.005)
            if r:
                try: stream.feed(os.read(fd, 65536))
                except OSError: return False
            if until("\n".join(screen.display)): return True
        return False
    assert pump(lambda s: "[1 Overview]" in s, 60), "no first frame"
    pump(lambda s: False, 1.0)  # settle
    if reload:
        src = os.path.join(data, "projects.jsonl"); tmp = src + ".bench"
        shutil.copyfile(src, tmp); os.rename(tmp, src)
        pump(lambda s: False, delay)
    t0 = time.monotonic()
    os.write(fd, b"2")
    ok = pump(lambda s: "[2 Corridors]" in s, 30)
    latency = time.monotonic() - t0
    pump(lambda s: False, 3.0)  # let the reload finish
    os.write(fd, b"q")
    pump(lambda s: False, 0.5)
    try: os.waitpid(pid, 0)
    except ChildProcessError: pass
    return latency if ok else None

binary, data, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])  # see BENCHMARKS.md
for mode in ["idle", "reload"]:
    values = [run(binary, data, mode == "reload", 0.3) for _ in range(runs)]
    shown = [f"{v*1000:.0f}" if v is not None else "none" for v in values]
    good = [v for v in values if v is not None]
    print(f"{os.path.basename(binary)} {mode}: key->[2 Corridors] ms {shown} median {statistics.median(good)*1000:.0f}")
