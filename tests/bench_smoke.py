#!/usr/bin/env python3
"""bench_smoke.py: scripts/bench runs and prints all four tables (issue #8).

    bench_smoke.py --targets TARGETS_TSV [--keep DIR]

Runs `scripts/bench --smoke` (one round of single calls, the scaling
families at 1 to 64 KB, 100 libFuzzer runs per target: seconds, not minutes)
and checks what it printed and the Markdown report it wrote:
  - every table is there: parse speed, scaling (SIP, MIME, DER/CMS), harness
    throughput, memory; in the terminal output and in the report;
  - every table has all its rows: the draft's messages and RFC 4475's VALID
    ones, the draft's multipart bodies, the four CMS blobs; every scaling
    family with ours, the memchr floor and each peer; every fuzz target of
    TARGETS_TSV (the build's fuzz/targets.tsv) plus bench/'s sip_parse and
    osip_message;
  - every figure is a number where one is due: times, MB/s, the peer/ours
    ratios and their geometric means, ns per byte and largest/smallest, exec/s,
    coverage, RSS; a peer that failed says so with its reason, and ours never
    fails.
Nothing is timed and no figure is compared with another: a smoke run's
figures mean nothing, only that they are there and are numbers."""
import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data")

# Table titles (their start) as scripts/bench prints them.
TITLES = {
    "sip-speed": "SIP parse speed",
    "sip-scaling": "SIP scaling",
    "mime-speed": "MIME parse speed",
    "mime-scaling": "MIME scaling",
    "cms-speed": "CMS parse speed",
    "der-scaling": "DER/BER and CMS scaling",
    "fuzz": "Harness throughput",
    "memory": "Memory: peak RSS",
}

DRAFT_MESSAGES = ["4.2-200-ok.sip", "4.2-message-over-tls.sip", "5.1-message-signed.sip",
                  "5.2-message-encrypted.sip", "5.3-message-encrypted-signed.sip"]
MIME_INPUTS = ["5.1-message-signed.sip body", "5.3-message-encrypted-signed.sip body",
               "mpart01.dat body"]
CMS_BLOBS = ["blob1-signed.der", "blob2-enveloped.der", "blob3-enveloped.der",
             "blob4-signed.der"]

# The speed tables' peers, and the inputs each must accept (the draft's own).
SPEED = {
    "sip-speed": (["libosip2", "sofia-sip"], DRAFT_MESSAGES),
    "mime-speed": (["GMime"], MIME_INPUTS[:2]),
    "cms-speed": (["OpenSSL"], CMS_BLOBS),
}

# The scaling families of issue #8 (and the few more bench/ has), with the
# contenders of each, in the order the table lists them.
SIP_PARSERS = ["ours", "memchr", "libosip2", "sofia-sip"]
MIME_PARSERS = ["ours", "memchr", "GMime"]
DER_PARSERS = ["ours", "memchr", "openssl d2i", "openssl walk"]
SCALING = {
    "sip-scaling": [("sip: many headers", SIP_PARSERS),
                    ("sip: long folded header", SIP_PARSERS),
                    ("sip: many parameters", SIP_PARSERS),
                    ("sip: many values", SIP_PARSERS),
                    ("sip: nested comments", SIP_PARSERS)],
    "mime-scaling": [("mime: many parts", MIME_PARSERS),
                     ("mime: nesting at the depth limit", MIME_PARSERS),
                     ("mime: almost-boundaries", MIME_PARSERS)],
    "der-scaling": [("der: many small elements", DER_PARSERS),
                    ("der: maximal nesting, definite", DER_PARSERS),
                    ("der: maximal nesting, indefinite", DER_PARSERS),
                    ("cms: data in many segments", ["ours", "memchr", "OpenSSL"])],
}

SMOKE_RUNS = 100
NS = re.compile(r"^\d+(\.\d+)?( (s|ms|us))?$")  # bench_fmt_ns
WHOLE = re.compile(r"^\d+$")
RATIO = re.compile(r"^\d+\.\dx$")
NSPB = re.compile(r"^\d+\.\d{3}( \(.*\))?$")
LARGEST = re.compile(r"^\d+\.\d\d$")
VERDICT = re.compile(r"^(linear|NOT LINEAR: ~n\^\d+\.\d\d(, quadratic-like)?)$")


def rfc4475_valid():
    """RFC 4475's messages that tests/data/rfc4475/INDEX.tsv calls VALID
    (VALID, VALID syntax, VALID (legacy)), in its order."""
    with open(os.path.join(DATA, "rfc4475", "INDEX.tsv")) as f:
        rows = list(csv.reader(f, delimiter="\t"))
    return [r[0] for r in rows[1:] if len(r) > 3 and r[3].startswith("VALID")]


def markdown_tables(text):
    """{title: (header, rows, notes)} of a scripts/bench report."""
    tables, title = {}, None
    for line in text.splitlines():
        if line.startswith("### "):
            title = line[4:]
            tables[title] = ([], [], [])
        elif title is None:
            continue
        elif line.startswith("| --- "):
            continue
        elif line.startswith("| "):
            cells = [c.replace("\\|", "|") for c in re.split(r"(?<!\\) \| ", line[2:-2])]
            header, rows, _ = tables[title]
            if header:
                rows.append(cells)
            else:
                header.extend(cells)
        elif line.startswith("- "):
            tables[title][2].append(line[2:])
    return tables


def find_table(tables, key):
    hits = [t for t in tables if t.startswith(TITLES[key])]
    return tables[hits[0]] if len(hits) == 1 else None


class Problems(list):
    def need(self, ok, what):
        if not ok:
            self.append(what)


def check_speed(p, key, table):
    header, rows, notes = table
    peers, must_accept = SPEED[key]
    want = {"sip-speed": DRAFT_MESSAGES + rfc4475_valid(), "mime-speed": MIME_INPUTS,
            "cms-speed": CMS_BLOBS}[key]
    p.need([r[0] for r in rows] == want, "%s: rows %s, want %s" % (key, [r[0] for r in rows], want))
    p.need(len(header) == 6 + 4 * len(peers), "%s: header %s" % (key, header))
    accepted = {peer: 0 for peer in peers}
    for r in rows:
        where = "%s, %s" % (key, r[0])
        if len(r) != len(header):
            p.append("%s: %d cells, header has %d" % (where, len(r), len(header)))
            continue
        p.need(WHOLE.match(r[1]), "%s: bytes %r" % (where, r[1]))
        p.need(NS.match(r[2]), "%s: memchr %r" % (where, r[2]))
        p.need(NS.match(r[3]) and NS.match(r[4]) and WHOLE.match(r[5]),
               "%s: ours %r %r %r (ours must parse every input)" % (where, r[3], r[4], r[5]))
        for i, peer in enumerate(peers):
            cells = r[6 + 4 * i:10 + 4 * i]
            if cells[0].startswith("failed: "):
                p.need(len(cells[0]) > len("failed: ") and cells[1:] == ["-", "-", "-"],
                       "%s: %s failed without a reason or with figures: %s" % (where, peer, cells))
                p.need(r[0] not in must_accept, "%s: %s failed on the draft's input: %s"
                       % (where, peer, cells[0]))
                continue
            accepted[peer] += 1
            p.need(NS.match(cells[0]) and NS.match(cells[1]) and WHOLE.match(cells[2]),
                   "%s: %s figures %s" % (where, peer, cells[:3]))
            p.need(RATIO.match(cells[3]), "%s: %s/ours ratio %r is no number" % (where, peer, cells[3]))
    for peer in peers:
        mean = [n for n in notes if n.startswith("%s/ours, geometric mean over the %d inputs"
                                                 % (peer, accepted[peer]))]
        p.need(len(mean) == 1 and re.search(r": \d+\.\d\dx \(above 1", mean[0]),
               "%s: no geometric mean of %s/ours over its %d ratios (notes: %s)"
               % (key, peer, accepted[peer], notes))


def check_scaling(p, key, table):
    header, rows, notes = table
    sizes = header[2:6]
    p.need(header[:2] == ["family", "parser"] and len(header) == 8
           and all(s.endswith(" ns/B") for s in sizes) and header[6:] == ["largest/smallest", "verdict"],
           "%s: header %s" % (key, header))
    want = [(f, c) for f, cs in SCALING[key] for c in cs]
    got = [tuple(r[:2]) for r in rows]
    p.need(got == want, "%s: rows %s, want %s" % (key, got, want))
    for r in rows:
        where = "%s, %s, %s" % (key, r[0], r[1])
        if len(r) != 8:
            p.append("%s: %d cells" % (where, len(r)))
            continue
        cells = r[2:6]
        numbers = [c for c in cells if NSPB.match(c)]
        for c, size in zip(cells, sizes):
            p.need(NSPB.match(c) or c in ("past limit", "failed"), "%s at %s: %r" % (where, size, c))
        if r[1] == "ours":
            p.need("failed" not in cells, "%s: ours failed: %s" % (where, cells))
            past = [i for i, c in enumerate(cells) if c == "past limit"]
            p.need(not past or "at limit" in cells[past[0] - 1],
                   "%s: past limit without a size at the limit first: %s" % (where, cells))
        if r[1] == "memchr":
            p.need(len(numbers) == 4, "%s: memchr did not run at every size: %s" % (where, cells))
        for i, c in enumerate(cells):
            if c == "failed":
                p.need(any(n.startswith("%s, %s at " % (r[0], r[1])) for n in notes),
                       "%s failed at %s with no note saying why" % (where, sizes[i]))
        if len(numbers) >= 2:
            p.need(LARGEST.match(r[6]) and VERDICT.match(r[7]),
                   "%s: largest/smallest %r, verdict %r" % (where, r[6], r[7]))
        else:
            p.need(r[6:] == ["-", "-"], "%s: %r %r with fewer than two sizes" % (where, r[6], r[7]))
    for family, _ in SCALING[key]:
        p.need(any(n.startswith(family + ": ") for n in notes), "%s: no note saying what %s is"
               % (key, family))


def corpus_files(corpus):
    d = os.path.join(ROOT, corpus)
    return [os.path.join(d, f) for f in os.listdir(d) if os.path.isfile(os.path.join(d, f))]


def check_fuzz(p, table, targets):
    header, rows, _ = table
    p.need(header == ["target", "corpus", "files", "runs", "exec/s", "cov", "ft",
                      "corpus replay exec/s", "peak RSS MB", "status"], "fuzz: header %s" % header)
    p.need([r[0] for r in rows] == targets, "fuzz: rows %s, want %s" % ([r[0] for r in rows], targets))
    for r in rows:
        where = "fuzz, " + r[0]
        if len(r) != 10:
            p.append("%s: %d cells" % (where, len(r)))
            continue
        p.need(r[9] == "ok", "%s: status %r" % (where, r[9]))
        p.need(r[2] == str(len(corpus_files(r[1]))), "%s: files %r, %s holds %d" % (
            where, r[2], r[1], len(corpus_files(r[1]))))
        p.need(r[3] == str(SMOKE_RUNS), "%s: runs %r, want %d" % (where, r[3], SMOKE_RUNS))
        # A rate is "-" when the CPU time it divides by came out as nothing
        # (a 100-run smoke on a busy machine: start-up noise can exceed the
        # work, and /usr/bin/time counts in 10 ms steps); never anything else.
        for name, c in (("exec/s", r[4]), ("corpus replay exec/s", r[7])):
            p.need(WHOLE.match(c) or c == "-", "%s: %s %r" % (where, name, c))
        for name, c in (("cov", r[5]), ("ft", r[6]), ("peak RSS MB", r[8])):
            p.need(WHOLE.match(c), "%s: %s %r is no number" % (where, name, c))
    # ...but the rates are computed: some row of each has one.
    for i, name in ((4, "exec/s"), (7, "corpus replay exec/s")):
        p.need(any(len(r) == 10 and WHOLE.match(r[i]) for r in rows),
               "fuzz: no target has a number in %s" % name)


def check_memory(p, table, targets):
    header, rows, _ = table
    p.need(len(header) == 6 and header[:4] == ["target", "corpus", "files", "largest file"],
           "memory: header %s" % header)
    p.need([r[0] for r in rows] == targets, "memory: rows %s, want %s" % ([r[0] for r in rows], targets))
    for r in rows:
        where = "memory, " + r[0]
        p.need(len(r) == 6 and all(WHOLE.match(c) for c in r[2:6]),
               "%s: files, largest, RSS must be numbers: %s" % (where, r[2:]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--targets", required=True, help="the build's fuzz/targets.tsv")
    ap.add_argument("--keep", help="write the report and the output here instead of a temporary folder")
    a = ap.parse_args()
    with open(a.targets) as f:
        targets = [row[0] for row in csv.reader(f, delimiter="\t")][1:]
    targets += ["sip_parse", "osip_message"]
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = a.keep or tmp
        report_path = os.path.join(out_dir, "bench-smoke.md")
        cmd = [os.path.join(ROOT, "scripts", "bench"), "--smoke", "--output", report_path]
        print("==> " + " ".join(cmd), flush=True)
        run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=900)
        terminal = run.stdout.decode("utf-8", "replace")
        print(terminal)
        if run.returncode != 0:
            print("FAIL: scripts/bench --smoke exited %d" % run.returncode)
            return 1
        with open(report_path) as f:
            report = f.read()
    p = Problems()
    tables = markdown_tables(report)
    for key, title in TITLES.items():
        p.need(re.search(r"^" + re.escape(title), terminal, re.M),
               "the terminal output has no table %r" % title)
        table = find_table(tables, key)
        if table is None:
            p.append("the report has no table %r (it has %s)" % (title, list(tables)))
        elif key in SPEED:
            check_speed(p, key, table)
        elif key in SCALING:
            check_scaling(p, key, table)
        elif key == "fuzz":
            check_fuzz(p, table, targets)
        else:
            check_memory(p, table, targets)
    for row in ("| CPU |", "| cores |", "| compiler |", "| libosip2 |", "| sofia-sip |", "| GMime |",
                "| OpenSSL |", "| libFuzzer |"):
        p.need(row in report, "the report does not describe the machine: no %r row" % row)
    p.need("A smoke run (--smoke)" in report, "the report does not say it is a smoke run")
    for x in p:
        print("FAIL: " + x)
    print("%d tables checked, %d problems" % (len(TITLES), len(p)))
    return 1 if p else 0


if __name__ == "__main__":
    sys.exit(main())
