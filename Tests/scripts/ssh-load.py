#!/usr/bin/env python3
"""Load test for issue 17 part 6: many dashboards over SSH while one editor saves.

A real sshd on loopback (started here on a free port with throwaway keys),
N dashboards (default 30), each a real `ssh -tt` client in its own
pseudo-terminal, read through pyte (a VT100 emulator) at 100x30, every one
pinned by its authorized_keys line to a viewer
(`command="greensilk --data D --as wallN --role viewer",restrict,pty`),
all showing the same project's detail screen; then one editor, also over
SSH (an admin key forced to `greensilk stress-save … --as editor --role
admin --count 100 --pause-ms P`), saves that project's title 100 times
("stress-<revision>"). For every save and every dashboard it records when
the screen first showed that save or a later one, and the RSS of every
greensilk process.

Data: GCDF-shaped rows (Tests/scripts/make-gcdf-rows.py, default 21,000)
imported with `greensilk import aiddata` into a copy of data/. Past 2,000
projects the store keeps them in parts (projects/00..63.jsonl); the script
reads whichever layout the import left, and reports the size of the part
the editor rewrites.

Latency is measured per save and per dashboard: from the moment the
editor's "saved N" line reaches this script (the save is durable) to the
first byte read from that dashboard's pty after which its pyte screen
shows "stress-N" or a later revision. Lost = a save some dashboard never
showed, nor any later one, within 120 s of the last save.

Usage: Tests/scripts/ssh-load.py [--binary PATH] [--sessions 30] [--saves 100]
           [--pause-ms 1000] [--rows 21000] [--csv /tmp/gcdf21k.csv] [--json OUT]
Not part of `swift test` (minutes of CPU on every core). Needs root (sshd
logs in as root by key, like the SSH tests), python3 with pyte.
"""
import argparse, fcntl, json, os, pty, re, select, shutil, signal, socket, statistics, struct, subprocess, sys
import tempfile, termios, time

import pyte

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
COLS, ROWS = 100, 30


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def keygen(path):
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path], check=True)
    return open(path + ".pub").read().strip()


def start_sshd(work):
    os.makedirs("/run/sshd", exist_ok=True)
    keygen(os.path.join(work, "host_key"))
    open(os.path.join(work, "authorized_keys"), "w").close()
    os.chmod(os.path.join(work, "authorized_keys"), 0o600)
    port = free_port()
    config = os.path.join(work, "sshd_config")
    with open(config, "w") as f:
        f.write("\n".join([
            f"Port {port}", "ListenAddress 127.0.0.1", f"HostKey {work}/host_key",
            f"AuthorizedKeysFile {work}/authorized_keys", f"PidFile {work}/sshd.pid", "StrictModes no", "UsePAM no",
            "PermitRootLogin yes", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
            "PubkeyAuthentication yes", "PrintMotd no", "PrintLastLog no", "AcceptEnv LANG",
            # 30 clients connect at once: lift sshd's unauthenticated-connection limit.
            "MaxStartups 200:30:400", "MaxSessions 200", "",
        ]))
    log = open(os.path.join(work, "sshd.log"), "w")
    proc = subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", config], stdout=log, stderr=log)
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc, port
        except OSError:
            time.sleep(0.05)
    raise SystemExit("sshd did not start; see " + log.name)


def add_key(work, name, command):
    path = os.path.join(work, "key_" + name)
    public = keygen(path)
    escaped = command.replace("\\", "\\\\").replace('"', '\\"')
    with open(os.path.join(work, "authorized_keys"), "a") as f:
        f.write(f'command="{escaped}",restrict,pty {public}\n')
    return path


def ssh_args(key, port, tty):
    return ["ssh", "-F", "/dev/null", "-i", key, "-p", str(port), "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
            "-o", "IdentitiesOnly=yes", "-o", "SetEnv=LANG=C.UTF-8", "-tt" if tty else "-T", "root@127.0.0.1"]


class Dashboard:
    def __init__(self, index, key, port):
        self.index = index
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            os.environ["TERM"] = "xterm-256color"
            args = ssh_args(key, port, True)
            os.execvp(args[0], args)
        self.pid, self.fd = pid, fd
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.seen = []  # (time, revision) each time a higher revision first shows
        self.highest = -1

    def text(self):
        return "\n".join(self.screen.display)

    def feed(self, data, now, pattern):
        self.stream.feed(data)
        if pattern is None:
            return
        best = -1
        for line in self.screen.display:
            for m in pattern.finditer(line):
                best = max(best, int(m.group(1)))
        if best > self.highest:
            self.highest = best
            self.seen.append((now, best))

    def send(self, text):
        os.write(self.fd, text.encode())


def pump(dashboards, timeout, pattern=None, extra=None):
    """Reads whatever the ptys (and `extra`, a pipe) have for up to `timeout` s."""
    fds = {d.fd: d for d in dashboards}
    watch = list(fds) + ([extra] if extra is not None else [])
    ready, _, _ = select.select(watch, [], [], timeout)
    now = time.monotonic()
    lines = []
    for fd in ready:
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b""
        if fd == extra:
            lines.append(data)
        elif data:
            fds[fd].feed(data, now, pattern)
    return lines


def wait_all(dashboards, predicate, what, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(predicate(d) for d in dashboards):
            return
        pump(dashboards, 0.1)
    bad = [d for d in dashboards if not predicate(d)]
    raise SystemExit(f"timed out waiting for {what} in {len(bad)} session(s); session {bad[0].index} shows:\n{bad[0].text()}")


def greensilk_processes(binary, marker):
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            args = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")
        except OSError:
            continue
        if args and args[0].decode(errors="replace") == binary and marker.encode() in args:
            found.append(int(pid))
    return found


def memory(pid):
    out = {}
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line.split(":")[0]] = int(line.split()[1])
    except OSError:
        pass
    return out


def project_files(data):
    """The files that hold the projects: the parts when the store split them, else projects.jsonl."""
    folder = os.path.join(data, "projects")
    if os.path.isdir(folder):
        return sorted(os.path.join(folder, n) for n in os.listdir(folder) if re.fullmatch(r"\d\d\.jsonl", n))
    return [os.path.join(data, "projects.jsonl")]


def project_lines(data):
    for path in project_files(data):
        with open(path) as f:
            for line in f:
                if line.strip():
                    yield path, line


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "greensilk"))
    ap.add_argument("--sessions", type=int, default=30)
    ap.add_argument("--saves", type=int, default=100)
    ap.add_argument("--pause-ms", type=int, default=1000)
    ap.add_argument("--rows", type=int, default=21000)
    ap.add_argument("--csv", default=None)
    ap.add_argument("--json", default=None)
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    work = tempfile.mkdtemp(prefix="greensilk-sshload-")
    data = os.path.join(work, "data")
    shutil.copytree(os.path.join(ROOT, "data"), data, ignore=shutil.ignore_patterns(".greensilk.lock"))
    csv = a.csv or f"/tmp/gcdf{a.rows // 1000}k.csv"
    if not os.path.exists(csv):
        subprocess.run([sys.executable, os.path.join(ROOT, "Tests/scripts/make-gcdf-rows.py"), str(a.rows), csv], check=True)
    t = time.monotonic()
    subprocess.run([binary, "import", "aiddata", csv, "--data", data], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"imported {csv} in {time.monotonic() - t:.1f} s", file=sys.stderr)
    files = project_files(data)
    ids, home = [], {}
    for path, line in project_lines(data):
        pid = json.loads(line)["id"]
        ids.append(pid)
        home[pid] = path
    size = sum(os.path.getsize(f) for f in files)
    print(f"{len(ids)} projects in {len(files)} file(s), {size / 1e6:.1f} MB, largest "
          f"{max(os.path.getsize(f) for f in files) / 1e6:.2f} MB", file=sys.stderr)
    # A project whose id no other id contains, so that filtering by it leaves one row.
    joined = "\n".join(ids)
    target = next(i for i in reversed(ids) if joined.count(i) == 1 and not i.startswith("P-"))
    target_file = home[target]
    print(f"watching {target} (in {os.path.relpath(target_file, data)}, "
          f"{os.path.getsize(target_file) / 1e6:.2f} MB)", file=sys.stderr)

    sshd, port = start_sshd(work)
    dashboards = []
    try:
        themes = os.path.join(ROOT, "Themes")
        viewer_keys = [add_key(work, f"wall{i}", f"{binary} --data {data} --as wall{i} --role viewer --themes-dir {themes}")
                       for i in range(a.sessions)]
        editor_key = add_key(work, "editor", f"{binary} stress-save --data {data} --as editor --role admin --id {target} "
                                             f"--count {a.saves} --pause-ms {a.pause_ms}")
        t = time.monotonic()
        for i, key in enumerate(viewer_keys):
            dashboards.append(Dashboard(i, key, port))
        wait_all(dashboards, lambda d: " GreenSilk " in d.text(), "the first frame", 300)
        print(f"{a.sessions} dashboards up in {time.monotonic() - t:.1f} s", file=sys.stderr)
        for d in dashboards:
            d.send("3")
        wait_all(dashboards, lambda d: " projects" in d.text(), "the pipeline", 120)
        for d in dashboards:
            d.send("v")
            d.send("/" + target)
        wait_all(dashboards, lambda d: f"1 of {len(ids)} projects" in d.text(), "the filter", 120)
        for d in dashboards:
            d.send("\r")
        pump(dashboards, 0.5)
        for d in dashboards:
            d.send("\r")
        wait_all(dashboards, lambda d: f"Project {target}" in d.text(), "the detail screen", 120)
        settle = time.monotonic() + 3
        while time.monotonic() < settle:
            pump(dashboards, 0.2)

        marker = "--role"
        pids = greensilk_processes(binary, marker)
        # Saves start once the 30 dashboards are idle (together under 0.05 s
        # of CPU in a second, at most 60 s): their start-up and the filter's
        # index are not what a save costs them.
        def cpu_ticks():
            total = 0
            for pid in pids:
                try:
                    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
                    total += int(fields[11]) + int(fields[12])
                except OSError:
                    pass
            return total
        idle_from = time.monotonic()
        previous = cpu_ticks()
        while time.monotonic() - idle_from < 60:
            pump(dashboards, 1.0)
            now_ticks = cpu_ticks()
            if now_ticks - previous < 5:
                break
            previous = now_ticks
        waited_idle = time.monotonic() - idle_from
        print(f"dashboards idle after {waited_idle:.1f} s more", file=sys.stderr)
        before = {pid: memory(pid) for pid in pids}
        pattern = re.compile(r"stress-(\d+)")
        editor = subprocess.Popen(ssh_args(editor_key, port, False), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        saved = {}  # revision -> monotonic time the editor reported it durable
        buffer = b""
        sample = {pid: dict(v) for pid, v in before.items()}
        next_sample = time.monotonic() + 2
        loads = [float(open("/proc/loadavg").read().split()[0])]
        load_before = open("/proc/loadavg").read().strip()
        first = None
        finished = False
        # Ctrl-C stops the editor early and still reports what was measured.
        try:
            while not finished:
                for chunk in pump(dashboards, 0.05, pattern, editor.stdout.fileno()):
                    if not chunk:  # the editor's session ended
                        finished = True
                        continue
                    buffer += chunk
                    now = time.monotonic()
                    while b"\n" in buffer:
                        line, buffer = buffer.split(b"\n", 1)
                        m = re.match(rb"saved (\d+)", line)
                        if m:
                            saved[int(m.group(1))] = now
                            behind = sum(1 for d in dashboards if d.highest < int(m.group(1)) - 1)
                            print(f"save {len(saved)} (revision {m.group(1).decode()}) durable; "
                                  f"{behind} dashboard(s) not yet showing the save before it", file=sys.stderr)
                        m = re.match(rb"ready (\d+)", line)
                        if m:
                            first = int(m.group(1)) + 1
                if time.monotonic() >= next_sample:
                    for pid in pids:
                        rss = memory(pid).get("VmRSS", 0)
                        sample[pid]["max"] = max(sample[pid].get("max", 0), rss)
                    loads.append(float(open("/proc/loadavg").read().split()[0]))
                    next_sample = time.monotonic() + 2
        except KeyboardInterrupt:
            print("interrupted: stopping the editor, reporting the saves made so far", file=sys.stderr)
            editor.terminate()
        editor.wait()
        editor_err = editor.stderr.read().decode(errors="replace")
        last = max(saved) if saved else None
        # Let every dashboard catch up with the last save (up to 120 s).
        print("waiting for every dashboard to show the last save", file=sys.stderr)
        deadline = time.monotonic() + 120
        while last is not None and time.monotonic() < deadline and any(d.highest < last for d in dashboards):
            pump(dashboards, 0.1, pattern)
        after = {pid: memory(pid) for pid in pids}

        latencies, per_save_worst, missing = [], {}, 0
        late = {}  # revision -> dashboards that showed it after more than 1 s
        for revision, at in sorted(saved.items()):
            for d in dashboards:
                shown = next((t for t, r in d.seen if r >= revision), None)
                if shown is None:
                    missing += 1
                    continue
                latency = max(0.0, shown - at)
                latencies.append(latency)
                per_save_worst[revision] = max(per_save_worst.get(revision, 0), latency)
                if latency > 1.0:
                    late[revision] = late.get(revision, 0) + 1
        final = next((json.loads(l) for _, l in project_lines(data) if f'"{target}"' in l
                      and json.loads(l)["id"] == target), {}) if saved else {}
        within = sum(1 for v in latencies if v <= 1.0)
        rss_after = [after[p].get("VmRSS", 0) / 1024 for p in pids]
        hwm = [after[p].get("VmHWM", 0) / 1024 for p in pids]
        result = {
            "sessions": a.sessions, "saves_requested": a.saves, "saves_reported": len(saved),
            "pause_ms": a.pause_ms, "projects": len(ids), "project_files": len(files),
            "projects_mb": round(size / 1e6, 1), "watched_project": target,
            "watched_file_mb": round(os.path.getsize(target_file) / 1e6, 2), "first_revision": first, "last_revision": last,
            "file_after": {"rev": final.get("rev"), "title": final.get("title")},
            "observations": len(latencies), "never_shown": missing,
            "within_1s": within, "within_1s_pct": round(100 * within / max(1, len(latencies)), 1),
            "latency_s": {"p50": percentile(latencies, 50), "p90": percentile(latencies, 90),
                          "p95": percentile(latencies, 95),
                          "p99": percentile(latencies, 99), "max": max(latencies) if latencies else None,
                          "mean": statistics.mean(latencies) if latencies else None},
            "waited_for_idle_s": round(waited_idle, 1),
            "late_saves": {str(r): {"dashboards": n, "worst_s": round(per_save_worst[r], 3),
                                    "index": sorted(saved).index(r) + 1} for r, n in sorted(late.items())},
            "worst_session_per_save_s": {"p50": percentile(list(per_save_worst.values()), 50),
                                         "max": max(per_save_worst.values()) if per_save_worst else None},
            "greensilk_processes": len(pids),
            "rss_mb_before": {"min": min((before[p].get("VmRSS", 0) / 1024 for p in pids), default=0),
                              "max": max((before[p].get("VmRSS", 0) / 1024 for p in pids), default=0)},
            "rss_mb_max_sampled": max((sample[p].get("max", 0) / 1024 for p in pids), default=0),
            "seconds_for_saves": (max(saved.values()) - min(saved.values())) if len(saved) > 1 else None,
            "rss_mb_after": {"min": min(rss_after, default=0), "median": statistics.median(rss_after) if rss_after else 0,
                             "max": max(rss_after, default=0), "sum": sum(rss_after)},
            "peak_rss_mb": {"min": min(hwm, default=0), "median": statistics.median(hwm) if hwm else 0,
                            "max": max(hwm, default=0)},
            "editor_stderr": editor_err[-500:],
            "load_average_before": load_before,
            "load_average_1min_during": {"min": min(loads), "median": statistics.median(loads), "max": max(loads)},
            "load_average_after": open("/proc/loadavg").read().strip(),
        }
        print(json.dumps(result, indent=2))
        if a.json:
            with open(a.json, "w") as f:
                json.dump(result, f, indent=2)
    finally:
        for d in dashboards:
            try:
                os.kill(d.pid, signal.SIGTERM)
                os.waitpid(d.pid, 0)
            except OSError:
                pass
        sshd.terminate()
        sshd.wait()
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("kept " + work, file=sys.stderr)


if __name__ == "__main__":
    main()
