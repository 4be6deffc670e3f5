#!/usr/bin/env python3
"""The full-scale scenario of issue 13: AidData's whole GCDF portfolio
(about 21,000 projects, 126 columns), and the synthetic 20,000, measured
on the built binary with VisiData beside it in the same run.

Usage:
  fullscale-bench.py --binary .build/release/greensilk --csv /tmp/gcdf21k.csv \\
      --work /tmp/fsbench [--vd vd] [--runs 3] [--json OUT.json]

What it measures (every figure of the issue's table):
  import        `import aiddata CSV` into a copy of data/: wall time and
                peak RSS (/usr/bin/time -v's "Maximum resident set size")
  reimport      the same file with one title in ten changed, imported again
  sizes         the project files (projects.jsonl, or the parts under
                projects/), the largest file in the data directory, the
                audit log (all files), bytes per project
  first screen  the dashboard at 120x40 until its title bar, a body panel
                and the key footer show and the output is quiet (pty-bench's
                rule), against VisiData on the same CSV until its header
                and first data row show; median of --runs, taken
                alternately; GreenSilk both cold (an empty state
                directory: no kept first frame) and warm (the frame the
                previous start kept, shown while the data loads), with the
                rows that changed after the first complete screen
  resident      the dashboard's VmRSS once the first screen is complete
  save one      `stress-save --count 12`: the time between consecutive
                "saved" lines (each a whole save: lock, read, splice,
                atomic write); the median
  reload        the dashboard's VmRSS before and after three saves by
                another process (three `stress-save --count 1`, each
                followed by a wait for the reload)
  followed      a dashboard that followed another process's save quits
                (keeping the next start's first frame): the next start's
                first screen, and the quit's time beside a --read-only
                session's (which keeps nothing)
  export csv    `export projects --format csv -o FILE`: wall time, peak RSS
and the same first screen / resident / reload / followed on `generate --projects 20000`
against VisiData on that data set's CSV export.

Needs pyte (pip install pyte) and /usr/bin/time. Linux only.
"""
import argparse
import csv
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("ptybench", os.path.join(HERE, "pty-bench.py"))
ptybench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ptybench)
Term = ptybench.Term
GREENSILK_MARKERS = ptybench.GREENSILK_MARKERS
SETTLE = 0.3


def timed(argv, stdin=None):
    """Runs argv under /usr/bin/time -v: (seconds, peak RSS MB, stdout)."""
    start = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-v"] + argv, capture_output=True, text=True, input=stdin)
    seconds = time.monotonic() - start
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    peak = int(match.group(1)) / 1024 if match else None
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"{argv} failed: {proc.returncode}")
    return seconds, peak, proc.stdout


def tree_sizes(directory):
    sizes = {}
    for root, _, files in os.walk(directory):
        for name in files:
            path = os.path.join(root, name)
            sizes[os.path.relpath(path, directory)] = os.path.getsize(path)
    return sizes


def audit_bytes(sizes):
    return sum(size for name, size in sizes.items() if name.startswith("audit"))


def changed_titles(source, out):
    """One title in ten changed (every tenth data row)."""
    with open(source, newline="", encoding="utf-8") as f, open(out, "w", newline="", encoding="utf-8") as g:
        reader = csv.reader(f)
        writer = csv.writer(g, lineterminator="\n")
        header = next(reader)
        writer.writerow(header)
        title = header.index("Title")
        for index, row in enumerate(reader):
            if index % 10 == 0:
                row[title] = row[title] + " (revised)"
            writer.writerow(row)


def first_csv_value(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        row = next(reader)
    return header[0], row[0]


def visidata_markers(path):
    column, value = first_csv_value(path)
    return [lambda d: any(column in line for line in d[:3]), ptybench.any_row_has(value[:20])]


def greensilk_screen(binary, data, state):
    """One start with XDG_STATE_HOME=state: an empty directory is a cold
    start; one a previous start wrote to shows the kept first frame (warm).
    `changed_after` lists the rows that changed in the 1.5 s after the
    first complete screen (the loaded program's own frame replacing a kept
    one that differed): empty when the first screen was the final one."""
    term = Term([binary, "--data", data], 120, 40, env={"XDG_STATE_HOME": state})
    first = term.first_screen(GREENSILK_MARKERS, SETTLE)
    shown = list(term.screen.display)
    time.sleep(1.5)
    term.drain()
    first["changed_after"] = [y for y, (a, b) in enumerate(zip(shown, term.screen.display)) if a != b]
    memory = term.memory()
    term.close("q")
    return first, memory


def visidata_screen(vd, csv_path, home):
    term = Term([vd, csv_path], 120, 40, env={"HOME": home})
    first = term.first_screen(visidata_markers(csv_path), SETTLE, max_wait=120.0)
    memory = term.memory()
    term.close("gq")
    return first, memory


def first_screens(binary, data, vd, csv_path, home, runs):
    """Cold starts (no kept first frame), warm starts (the frame a previous
    start kept, StartupFrame) and VisiData, taken alternately."""
    cold, warm, v = [], [], []
    warm_state = tempfile.mkdtemp(prefix="gs-warm-")
    greensilk_screen(binary, data, warm_state)  # keeps the frame; not counted
    for _ in range(runs):
        cold_state = tempfile.mkdtemp(prefix="gs-cold-")
        cold.append(greensilk_screen(binary, data, cold_state))
        shutil.rmtree(cold_state, ignore_errors=True)
        warm.append(greensilk_screen(binary, data, warm_state))
        if vd:
            v.append(visidata_screen(vd, csv_path, home))
    shutil.rmtree(warm_state, ignore_errors=True)
    out = {}
    for name, g in (("cold", cold), ("warm", warm)):
        out.update({
            f"greensilk_{name}_ms": statistics.median(r[0]["updated_ms"] for r in g),
            f"greensilk_{name}_complete": all(r[0]["complete"] for r in g),
            f"greensilk_{name}_changed_after": [r[0]["changed_after"] for r in g],
            f"greensilk_{name}_rss_mb": statistics.median(r[1]["VmRSS"] for r in g) / 1024,
            f"greensilk_{name}_runs_ms": [r[0]["updated_ms"] for r in g],
        })
    if v:
        out.update({
            "visidata_ms": statistics.median(r[0]["updated_ms"] for r in v),
            "visidata_complete": all(r[0]["complete"] for r in v),
            "visidata_rss_mb": statistics.median(r[1]["VmRSS"] for r in v) / 1024,
            "visidata_runs_ms": [r[0]["updated_ms"] for r in v],
        })
        out["ratio_cold"] = out["visidata_ms"] / out["greensilk_cold_ms"]
        out["ratio_warm"] = out["visidata_ms"] / out["greensilk_warm_ms"]
    return out


def save_times(binary, data, project_id, count=12):
    proc = subprocess.Popen([binary, "stress-save", "--data", data, "--id", project_id, "--count", str(count)],
                            stdout=subprocess.PIPE, text=True)
    stamps = []
    for line in proc.stdout:
        stamps.append((time.monotonic(), line.strip()))
    proc.wait()
    saved = [t for t, text in stamps if text.startswith(("ready", "saved"))]
    gaps = [(b - a) * 1000 for a, b in zip(saved, saved[1:])]
    return {"median_ms": statistics.median(gaps), "min_ms": min(gaps), "max_ms": max(gaps), "saves": len(gaps)}


def reload_memory(binary, data, project_id):
    term = Term([binary, "--data", data], 120, 40)
    term.first_screen(GREENSILK_MARKERS, SETTLE)
    time.sleep(1.0)
    term.drain()
    before = term.memory()["VmRSS"]
    for _ in range(3):
        subprocess.run([binary, "stress-save", "--data", data, "--id", project_id, "--count", "1"],
                       capture_output=True, check=True)
        end = time.monotonic() + 4.0
        while time.monotonic() < end:
            term.read_once(0.05)
    term.drain()
    after = term.memory()
    term.close("q")
    return {"before_mb": before / 1024, "after_mb": after["VmRSS"] / 1024, "ratio": after["VmRSS"] / before,
            "peak_mb": after["VmHWM"] / 1024}


def followed_starts(binary, data, project_id, runs):
    """A dashboard open while another process saves a project; once it has
    reloaded, it quits (keeping the next start's first frame on the changed
    data); then the next start is timed as `greensilk_screen` times it.
    `quit_ms` is from the "q" to the process's exit; a --read-only session
    (which keeps no frame) quits the same way for comparison."""
    nexts, quits, quits_read_only = [], [], []
    for _ in range(runs):
        state = tempfile.mkdtemp(prefix="gs-followed-")
        for read_only in (False, True):
            term = Term([binary, "--data", data] + (["--read-only"] if read_only else []), 120, 40,
                        env={"XDG_STATE_HOME": state})
            term.first_screen(GREENSILK_MARKERS, SETTLE)
            subprocess.run([binary, "stress-save", "--data", data, "--id", project_id, "--count", "1"],
                           capture_output=True, check=True)
            end = time.monotonic() + 3.0
            while time.monotonic() < end:
                term.read_once(0.05)
            started = time.monotonic()
            term.close("q")
            (quits_read_only if read_only else quits).append((time.monotonic() - started) * 1000)
            if not read_only:
                nexts.append(greensilk_screen(binary, data, state))
        shutil.rmtree(state, ignore_errors=True)
    return {"next_start_ms": statistics.median(r[0]["updated_ms"] for r in nexts),
            "next_start_runs_ms": [r[0]["updated_ms"] for r in nexts],
            "next_start_changed_after": [r[0]["changed_after"] for r in nexts],
            "quit_ms": statistics.median(quits), "quit_runs_ms": [round(q, 1) for q in quits],
            "quit_read_only_ms": statistics.median(quits_read_only),
            "quit_read_only_runs_ms": [round(q, 1) for q in quits_read_only]}


def project_files(data):
    """The files holding the projects: projects.jsonl, or the parts under
    projects/ (a portfolio over 2,000 projects, schema 3)."""
    folder = os.path.join(data, "projects")
    if os.path.isdir(folder):
        return [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".jsonl")]
    return [os.path.join(data, "projects.jsonl")]


def project_sizes(data):
    """(projects, bytes of the project files, largest project file's bytes)."""
    files = project_files(data)
    count = sum(sum(1 for _ in open(p, encoding="utf-8")) for p in files)
    sizes = [os.path.getsize(p) for p in files]
    return count, sum(sizes), max(sizes)


def first_project_id(binary, data):
    """A project id from the data set (an imported one when there is one)."""
    for path in project_files(data):
        with open(path, encoding="utf-8") as f:
            for line in f:
                match = re.match(r'\{"id":"([^"]+)"', line)
                if match and match.group(1).startswith("AIDDATA"):
                    return match.group(1)
    with open(project_files(data)[0], encoding="utf-8") as f:
        return re.match(r'\{"id":"([^"]+)"', f.readline()).group(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", required=True)
    ap.add_argument("--csv", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--seed-data", default=os.path.join(HERE, "..", "..", "data"))
    ap.add_argument("--vd", default=shutil.which("vd"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json")
    ap.add_argument("--skip-synthetic", action="store_true")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    home = os.path.join(a.work, "vd-home")
    os.makedirs(home)
    data = os.path.join(a.work, "gcdf")
    shutil.copytree(a.seed_data, data)
    results = {}

    def log(name, value):
        results[name] = value
        print(f"{name}: {json.dumps(value)}", flush=True)

    seconds, peak, _ = timed([binary, "import", "aiddata", a.csv, "--data", data])
    log("import", {"seconds": round(seconds, 2), "peak_mb": round(peak, 1)})
    sizes = tree_sizes(data)
    projects, project_bytes, largest_project_file = project_sizes(data)
    log("after_import", {"projects": projects, "projects_mb": round(project_bytes / 1e6, 1),
                         "largest_project_file_mb": round(largest_project_file / 1e6, 2),
                         "bytes_per_project": round(project_bytes / projects),
                         "largest_file": max(sizes, key=sizes.get), "largest_mb": round(max(sizes.values()) / 1e6, 1),
                         "audit_mb": round(audit_bytes(sizes) / 1e6, 2),
                         "files": {k: v for k, v in sorted(sizes.items()) if v > 1_000_000}})
    changed = os.path.join(a.work, "gcdf-changed.csv")
    changed_titles(a.csv, changed)
    audit_before = audit_bytes(sizes)
    seconds, peak, out = timed([binary, "import", "aiddata", changed, "--data", data])
    sizes = tree_sizes(data)
    log("reimport", {"seconds": round(seconds, 2), "peak_mb": round(peak, 1),
                     "audit_growth_mb": round((audit_bytes(sizes) - audit_before) / 1e6, 2),
                     "summary": [l for l in out.splitlines() if "updated" in l or "created" in l][:3]})
    seconds, peak, _ = timed([binary, "import", "aiddata", changed, "--data", data])
    sizes = tree_sizes(data)
    log("reimport_same", {"seconds": round(seconds, 2), "peak_mb": round(peak, 1),
                          "projects_mb": round(project_sizes(data)[1] / 1e6, 1)})
    log("first_screen_gcdf", first_screens(binary, data, a.vd, a.csv, home, a.runs))
    project_id = first_project_id(binary, data)
    log("save_one_gcdf", save_times(binary, data, project_id))
    log("reload_gcdf", reload_memory(binary, data, project_id))
    log("followed_start_gcdf", followed_starts(binary, data, project_id, a.runs))
    exported = os.path.join(a.work, "export.csv")
    seconds, peak, _ = timed([binary, "export", "projects", "--format", "csv", "-o", exported, "--data", data])
    log("export_csv_gcdf", {"seconds": round(seconds, 2), "peak_mb": round(peak, 1),
                            "mb": round(os.path.getsize(exported) / 1e6, 1)})
    if not a.skip_synthetic:
        synthetic = os.path.join(a.work, "synthetic")
        subprocess.run([binary, "generate", "--projects", "20000", "--activities", "2000", "--out", synthetic, "--data", a.seed_data],
                       check=True, capture_output=True)
        synthetic_csv = os.path.join(a.work, "synthetic.csv")
        subprocess.run([binary, "export", "projects", "--format", "csv", "-o", synthetic_csv, "--data", synthetic],
                       check=True, capture_output=True)
        log("first_screen_synthetic", first_screens(binary, synthetic, a.vd, synthetic_csv, home, a.runs))
        log("reload_synthetic", reload_memory(binary, synthetic, first_project_id(binary, synthetic)))
        log("followed_start_synthetic", followed_starts(binary, synthetic, first_project_id(binary, synthetic), a.runs))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
