#!/usr/bin/env python3
"""check_codes_tested.py: every status code and warning of every parser is
expected by some test.

    tests/check_codes_tested.py          exit 1 if a code is expected by no test

The codes are read from the tables in parsers/include/sf/*.h: the X-lists
SF_<FORMAT>_STATUS_LIST and SF_<FORMAT>_WARNING_LIST (SIP, content, MIME,
DER, and CMS's own codes, SF_CMS_OWN_STATUS_LIST; the DER codes CMS shares
count under DER), and the SF_<FORMAT>_W_* warning constants of DER, content
and CMS. A code counts as expected when a test names it: tests/*.c and
tests/*.h, and tests/data/cms-bad/INDEX.tsv, whose rows test_cms runs. A
file's one-argument shorthands such as "#define ST(x) SF_SIP_##x" or
"#define W(x) SF_MIME_W(x)" are expanded first, so ST(OK) names SF_SIP_OK.

Naming a code is how every test here expects one (a table row, CHECK_INT,
an INDEX.tsv line), so a code no test names is a code no test produces: a
branch of the parser that nothing shows to be reachable or correct. A new
code needs a test that produces it, or, if nothing can return it, leaves
the table."""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def table_codes():
    """Every code name of the tables, in header order."""
    codes = []
    for header in sorted(glob.glob(os.path.join(ROOT, "parsers", "include", "sf", "*.h"))):
        with open(header) as f:
            src = f.read()
        for m in re.finditer(r"#define SF_(\w+?)(_OWN)?_(STATUS|WARNING)_LIST\(X\)((?:.*\\\n)*.*)",
                             src):
            fmt, kind, body = m.group(1), m.group(3), m.group(4)
            for name in re.findall(r"\bX\((\w+),", body):
                codes.append("SF_%s_%s" % (fmt, name) if kind == "STATUS"
                             else "SF_%s_W(%s)" % (fmt, name))
        codes += re.findall(r"^\s*(SF_(?:DER|CONTENT|CMS)_W_\w+)\s*=", src, re.M)
    return codes


def expand(src):
    """|src| with the file's one-argument code shorthands written out."""
    for name, arg, prefix, close in re.findall(
            r"#define (\w+)\((\w+)\)\s+(SF_\w+?_(?:W\()?)(?:##)?\2(\)?)", src):
        src = re.sub(r"\b%s\(\s*(\w+)\s*\)" % name,
                     lambda m, p=prefix, c=close: p + m.group(1) + c, src)
    return src


def tests_text():
    files = glob.glob(os.path.join(ROOT, "tests", "*.c")) + \
        glob.glob(os.path.join(ROOT, "tests", "*.h")) + \
        [os.path.join(ROOT, "tests", "data", "cms-bad", "INDEX.tsv")]
    text = []
    for path in sorted(files):
        with open(path, errors="replace") as f:
            text.append(expand(f.read()))
    return "\n".join(text)


def named(code, text):
    if code.endswith(")"):  # SF_FMT_W(NAME): also SF_FMT_WB_NAME
        fmt, name = re.match(r"SF_(\w+)_W\((\w+)\)", code).groups()
        return re.search(r"\bSF_%s_W\(\s*%s\s*\)|\bSF_%s_WB_%s\b" % (fmt, name, fmt, name),
                         text) is not None
    return re.search(r"\b%s\b" % re.escape(code), text) is not None


def main():
    codes = table_codes()
    text = tests_text()
    problems = ["%s is expected by no test" % code for code in codes if not named(code, text)]
    for p in problems:
        print("FAIL:", p)
    if problems:
        return 1
    print("%d codes and warnings, each expected by a test" % len(codes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
