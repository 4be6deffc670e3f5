#!/usr/bin/env python3
"""Writes the malformed-data corpus (issue 16) under Tests/Corpus/malformed/:
one directory per case, holding one change to the shipped data/ (the rest
of a case's data directory is data/ as shipped): FILE replaces that file,
FILE.append holds lines added at its end, FILE.line-N the text that
replaces its line N (so the corpus stays small: no copies of data/).
A case named ok-* must validate clean; every other case must make
`greensilk validate` exit 1 with FILE:LINE for each problem. Replayed by
MalformedCorpusTests (validate and report, the real binary under a time
limit) and MalformedCorpusRenderTests (every screen, headless).

    python3 Tests/Corpus/make-malformed-corpus.py   # from the repository root
"""
import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "data")
OUT = os.path.join(ROOT, "Tests", "Corpus", "malformed")


def read(name):
    with open(os.path.join(DATA, name), "rb") as f:
        return f.read()


def lines(name):
    return read(name).split(b"\n")[:-1]


def join(ls):
    return b"\n".join(ls) + b"\n"


cases = {}


def case(name, file, content):
    assert name not in cases, name
    cases[name] = (file, content)


P = lines("projects.jsonl")
KP = P[0]  # KP-01, with indicators and a budget


def project_case(name, line):
    case(name, "projects.jsonl.append", line + b"\n")


def line_case(name, file, number, line):
    case(name, "%s.line-%d" % (file, number), line + b"\n")


def replace_first(line, old, new):
    assert old in line, old
    return line.replace(old, new, 1)


def fresh(id_=b"P-9000", extra=b""):
    return b'{"id":"' + id_ + b'","rev":1,"title":"Corpus case","stage":"concept"' + extra + b"}"


# Nesting (item 6)
project_case("deep-array-unknown-field", fresh(extra=b',"x":' + b"[" * 37500 + b"]" * 37500))
project_case("deep-object-unknown-field", fresh(extra=b',"x":' + b'{"a":' * 40000 + b"1" + b"}" * 40000))
project_case("deep-array-known-field", replace_first(fresh(), b'"stage":"concept"', b'"stage":"concept","countries":' + b"[" * 70 + b"]" * 70))
project_case("deep-65-levels", fresh(extra=b',"x":' + b"[" * 65 + b"]" * 65))
project_case("ok-deep-63-levels", fresh(extra=b',"x":' + b"[" * 63 + b"]" * 63))
# Numbers (item 7)
budget = b',"budget":{"currency":"USD","amount":%s}'
for label, value in [("1e400", b"1e400"), ("minus-1e400", b"-1e400"), ("2pow63", b"9223372036854775808"),
                     ("int-max", b"9223372036854775807"), ("1e16", b"1e16")]:
    project_case("budget-" + label, fresh(extra=budget % value))
ind = b',"indicators":[{"title":"T","unit":"u","baseline":%s,"target":%s,"actual":%s,"goal":"2030"}]'
for field in range(3):
    for label, value in [("int-max", b"9223372036854775807"), ("minus-int-max", b"-9223372036854775807"),
                         ("2pow63", b"9223372036854775808"), ("1e400", b"1e400")]:
        values = [b"1", b"2", b"3"]
        values[field] = value
        project_case("indicator-%s-%s" % (["baseline", "target", "actual"][field], label), fresh(extra=ind % tuple(values)))
project_case("ok-budget-at-the-bound", fresh(extra=budget % b"1000000000000000"))
# Text
project_case("nul-escaped-in-title", replace_first(fresh(), b"Corpus case", b"Corpus\\u0000case"))
project_case("nul-raw-in-title", replace_first(fresh(), b"Corpus case", b"Corpus\x00case"))
project_case("tab-raw-in-title", replace_first(fresh(), b"Corpus case", b"Corpus\tcase"))
project_case("tab-raw-after-escape", replace_first(fresh(), b"Corpus case", b"Corpus\\n\tcase"))
project_case("escape-raw-in-title", replace_first(fresh(), b"Corpus case", b"Corpus\x1b]2;pwned\x07case"))
project_case("carriage-return-raw", replace_first(fresh(), b"Corpus case", b"Corpus\rcase"))
project_case("ok-escaped-controls", replace_first(fresh(), b"Corpus case", b"Corpus\\t\\u001b]2;x\\u0007case"))
project_case("invalid-utf8-ff", replace_first(fresh(), b"Corpus case", b"Corpus \xff case"))
project_case("invalid-utf8-overlong", replace_first(fresh(), b"Corpus case", b"Corpus \xc0\xaf case"))
project_case("invalid-utf8-surrogate", replace_first(fresh(), b"Corpus case", b"Corpus \xed\xa0\x80 case"))
project_case("invalid-utf8-truncated", replace_first(fresh(), b"Corpus case", b"Corpus \xe2\x82"))
project_case("unpaired-surrogate-escape", replace_first(fresh(), b"Corpus case", b"Corpus \\ud800 case"))
project_case("invalid-escape", replace_first(fresh(), b"Corpus case", b"Corpus \\x41 case"))
project_case("ok-long-title-100k", replace_first(fresh(), b"Corpus case", b"x" * 100000))
# Keys
project_case("duplicate-key-title", fresh(extra=b',"title":"again"'))
project_case("duplicate-key-in-budget", fresh(extra=b',"budget":{"currency":"USD","currency":"EUR"}'))
project_case("duplicate-unknown-key", fresh(extra=b',"zz":1,"zz":2'))
project_case("key-with-escape", replace_first(fresh(), b'"title"', b'"\\u0074itle"'))
# Syntax
project_case("truncated-line", b'{"id":"P-9000","ti')
project_case("unterminated-string", b'{"id":"P-9000","rev":1,"title":"open')
project_case("leading-zero", fresh(extra=b',"budget":{"currency":"USD","amount":0123}'))
project_case("number-dot-only", fresh(extra=b',"budget":{"currency":"USD","amount":1.}'))
project_case("minus-alone", fresh(extra=b',"budget":{"currency":"USD","amount":-}'))
project_case("nan-literal", fresh(extra=b',"budget":{"currency":"USD","amount":NaN}'))
project_case("infinity-literal", fresh(extra=b',"budget":{"currency":"USD","amount":Infinity}'))
project_case("trailing-garbage", fresh() + b" trailing")
project_case("empty-object", b"{}")
project_case("array-line", b"[1,2,3]")
project_case("bare-string-line", b'"hello"')
# Revisions and ids
project_case("rev-zero", replace_first(fresh(), b'"rev":1', b'"rev":0'))
project_case("rev-negative", replace_first(fresh(), b'"rev":1', b'"rev":-1'))
project_case("rev-missing", replace_first(fresh(), b'"rev":1,', b""))
project_case("rev-fraction", replace_first(fresh(), b'"rev":1', b'"rev":1.5'))
project_case("rev-huge", replace_first(fresh(), b'"rev":1', b'"rev":1e20'))
project_case("id-empty", fresh(id_=b""))
project_case("id-with-space", fresh(id_=b"P 9000"))
project_case("id-too-long", fresh(id_=b"P" * 65))
project_case("id-duplicate", KP)
# Meaning
project_case("financing-negative", fresh(extra=b',"budget":{"currency":"USD","amount":10,"financing":[{"instrument":"green_credit","amount":-5}]}'))
project_case("stage-unknown", replace_first(fresh(), b'"concept"', b'"aproved"'))
project_case("country-unknown", fresh(extra=b',"countries":["XXX"]'))
project_case("date-impossible", fresh(extra=b',"dates":{"planned_start":"2025-02-30"}'))

# dataset.json
META = read("dataset.json")
case("meta-invalid-utf8", "dataset.json", META.replace(b'"label"', b'"la\xffbel"', 1))
case("meta-nul", "dataset.json", META.replace(b'"title": "', b'"title": "\x00', 1))
case("meta-nul-escaped", "dataset.json", META.replace(b'"title": "', b'"title": "\\u0000', 1))
case("meta-deep", "dataset.json", META.replace(b'"schema": 1,', b'"schema": 1,\n  "x": ' + b"[" * 40000 + b"]" * 40000 + b",", 1))
case("meta-label-missing", "dataset.json", META.replace(b'  "label": "illustrative",\n', b"", 1))
case("meta-label-unknown", "dataset.json", META.replace(b'"illustrative"', b'"made-up"', 1))
case("meta-trailing-comma", "dataset.json", META.replace(b"\n}", b",\n}", 1))
case("meta-empty", "dataset.json", b"")
case("meta-schema-99", "dataset.json", META.replace(b'"schema": 1', b'"schema": 99', 1))
case("meta-duplicate-key", "dataset.json", META.replace(b'"schema": 1,', b'"schema": 1,\n  "schema": 1,', 1))

# program-totals.jsonl
T = lines("program-totals.jsonl")
for label, value in [("int-max", b"9223372036854775807"), ("int-min", b"-9223372036854775808"), ("1e400", b"1e400"), ("negative", b"-3")]:
    line_case("total-" + label, "program-totals.jsonl", 1, replace_first(T[0], b'"value":3000', b'"value":' + value))

# activities.jsonl
A = lines("activities.jsonl")
for label, old, new in [("participants-huge", b'"participants":{}', b'"participants":{"MYS":1e20}'),
                        ("participants-negative", b'"participants":{}', b'"participants":{"MYS":-4}'),
                        ("reported-total-negative", b'"reported_total":50', b'"reported_total":-50'),
                        ("participants-deep", b'"participants":{}', b'"participants":{"MYS":' + b"[" * 20000 + b"]" * 20000 + b"}")]:
    line_case("activity-" + label, "activities.jsonl", 1, replace_first(A[0], old, new))

# corridor-routes.jsonl
R = lines("corridor-routes.jsonl")
line_case("route-lon-1e400", "corridor-routes.jsonl", 1, replace_first(R[0], b'"lon":102.83', b'"lon":1e400'))
line_case("route-deep-node", "corridor-routes.jsonl", 1, replace_first(R[0], b'"nodes":[', b'"nodes":[' + b"[" * 100 + b"]" * 100 + b","))

# countries.jsonl
C = lines("countries.jsonl")
case("country-two-letter-code", "countries.jsonl.append", b'{"id":"XY","rev":1,"name":"Two letters"}\n')
case("country-duplicate", "countries.jsonl.append", C[1] + b"\n")

cases = {k: v for k, v in cases.items() if v is not None}
if os.path.isdir(OUT):
    shutil.rmtree(OUT)
for name, (file, content) in sorted(cases.items()):
    os.makedirs(os.path.join(OUT, name))
    with open(os.path.join(OUT, name, file), "wb") as f:
        f.write(content)
print("%d cases in %s" % (len(cases), os.path.relpath(OUT, ROOT)))
