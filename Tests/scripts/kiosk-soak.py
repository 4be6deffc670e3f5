#!/usr/bin/env python3
"""Soak run of the kiosk: at least 10,000 page rotations and 1,000 data
reloads in one process, its RSS sampled throughout; then the CPU time it
uses in an idle minute (normal clock, nothing changing).

The rotation clock is accelerated (--time-scale) so that 10,000 pages take
minutes, not days; reloads are real: the data file is atomically replaced
(write + rename) over and over while the kiosk runs.

Usage: Tests/scripts/kiosk-soak.py [--binary PATH] [--rotations N] [--reloads N] [--idle-seconds S]
Prints a JSON summary (start/end/max RSS, rotations, reloads, idle CPU).
"""
import argparse, fcntl, json, os, pty, re, select, shutil, signal, struct, sys, tempfile, termios, threading, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def start_kiosk(binary, data, log, args):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", GREENSILK_LOG=log, LANG="C.UTF-8")
        os.execve(binary, [binary, "kiosk", "--data", data] + args, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    stop = threading.Event()

    def drain():  # a pty that nobody reads would block the kiosk's writes
        while not stop.is_set():
            r, _, _ = select.select([fd], [], [], 0.2)
            if r:
                try:
                    os.read(fd, 65536)
                except OSError:
                    return

    thread = threading.Thread(target=drain, daemon=True)
    thread.start()
    return pid, fd, stop


def count(log, pattern):
    if not os.path.exists(log):
        return 0
    best = 0
    with open(log) as f:
        for line in f:
            m = re.search(pattern, line)
            if m:
                best = max(best, int(m.group(1)))
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "greensilk"))
    ap.add_argument("--rotations", type=int, default=10000)
    ap.add_argument("--reloads", type=int, default=1000)
    ap.add_argument("--idle-seconds", type=int, default=60)
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="greensilk-soak-")
    data = os.path.join(work, "data")
    shutil.copytree(os.path.join(ROOT, "data"), data, ignore=shutil.ignore_patterns(".greensilk.lock"))
    log = os.path.join(work, "kiosk.log")

    # 20 s pages at 1000x: one page every 20 ms of real time.
    pid, fd, stop = start_kiosk(a.binary, data, log, ["--rotate", "20s", "--time-scale", "1000"])
    time.sleep(1.0)
    samples = [(0.0, rss_kib(pid))]
    started = time.time()
    projects = os.path.join(data, "projects.jsonl")
    original = open(projects, "rb").read()
    lines = original.split(b"\n")
    writes = 0
    next_sample = 1.0
    while True:
        rotations = count(log, r"kiosk: (\d+) page rotations")
        reloads = count(log, r"kiosk: reload (\d+)")
        if rotations >= a.rotations and reloads >= a.reloads:
            break
        if time.time() - started > 1800:
            print("soak: timed out", file=sys.stderr)
            break
        if reloads < a.reloads:
            # Atomic replace, as an editor or another GreenSilk would write.
            variant = lines[:]
            variant[0] = variant[0].replace(b'"rev":', b'"soak_write":%d,"rev":' % writes, 1) if writes % 2 else lines[0]
            tmp = projects + ".soak"
            with open(tmp, "wb") as f:
                f.write(b"\n".join(variant))
            os.rename(tmp, projects)
            writes += 1
        time.sleep(0.25)
        elapsed = time.time() - started
        if elapsed >= next_sample:
            samples.append((round(elapsed, 1), rss_kib(pid)))
            next_sample += 5.0
    samples.append((round(time.time() - started, 1), rss_kib(pid)))
    rotations = count(log, r"kiosk: (\d+) page rotations")
    reloads = count(log, r"kiosk: reload (\d+)")
    os.kill(pid, signal.SIGTERM)
    _, status = os.waitpid(pid, 0)
    stop.set()

    # Idle: a normal kiosk (20 s pages, seconds clock), nothing changing.
    with open(projects, "wb") as f:
        f.write(original)
    pid, fd, stop = start_kiosk(a.binary, data, log + ".idle", ["--rotate", "20s"])
    time.sleep(3.0)
    cpu0 = cpu_seconds(pid)
    time.sleep(a.idle_seconds)
    cpu1 = cpu_seconds(pid)
    idle_rss = rss_kib(pid)
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    stop.set()
    per_minute = (cpu1 - cpu0) * 60.0 / a.idle_seconds
    summary = {
        "rotations": rotations,
        "reloads": reloads,
        "file_writes": writes,
        "soak_seconds": samples[-1][0],
        "rss_start_kib": samples[0][1],
        "rss_end_kib": samples[-1][1],
        "rss_max_kib": max(s[1] for s in samples),
        "rss_samples": samples,
        "soak_exit_status": os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1,
        "idle_cpu_seconds_per_minute": round(per_minute, 4),
        "idle_cpu_percent_of_a_core": round(per_minute / 60.0 * 100.0, 4),
        "idle_rss_kib": idle_rss,
    }
    print(json.dumps(summary, indent=2))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
