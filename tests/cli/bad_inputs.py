#!/usr/bin/env python3
"""Table-driven check of the agon command line on bad input: exit status 2,
exactly one line on stderr of the form "agon: error: ...", naming the file (and
line:column where the table says so), nothing on stdout, no output file left."""
import os
import subprocess
import sys
import tempfile

AGON = sys.argv[1]

GOOD = '{"format":"agon-graph","version":1,"claims":[{"id":"a"},{"id":"b"}],' \
       '"edges":[{"id":"e1","from":"a","to":"b","kind":"attack"}]}'

# (name, file name, content, extra args, text the error must contain)
CASES = [
    ("truncated json", "t.json", GOOD[:40], [], "t.json:1:"),
    ("unknown edge kind", "k.json", GOOD.replace('"attack"', '"rebut"'), [], "unknown edge kind 'rebut'"),
    ("dangling id", "d.json", GOOD.replace('"to":"b"', '"to":"zz"'), [], "d.json:1:"),
    ("empty json", "e.json", "", [], "e.json:1:1:"),
    ("binary garbage", "g.json", "\x00\x01\x02\xff\xfe", [], "g.json:1:"),
    ("wrong format tag", "w.json", '{"format":"other","version":1}', [], "not an agon graph"),
    ("missing p af", "m.i23", "1 2\n", [], "m.i23:1:1:"),
    ("id out of range", "r.i23", "p af 2\n1 2\n2 7\n", [], "r.i23:3:1: argument 7 is out of range"),
    ("empty i23", "z.i23", "", [], "missing the header"),
    ("binary i23", "b.i23", "\x7fELF\x02\x01\x01", [], "b.i23:1:1:"),
    ("apx unknown argument", "u.apx", "arg(a).\natt(a,q).\n", [], "u.apx:2:1:"),
    ("tgf bad edge", "b.tgf", "a\n#\na\n", [], "b.tgf:3:1:"),
    ("nul bytes", "n.json", GOOD[:20] + "\x00" + GOOD[20:], [], "n.json:1:"),
    ("unknown semantics", "ok.json", GOOD, ["--semantics", "nonsense"], "unknown semantics 'nonsense'"),
    ("bad param", "ok.json", GOOD, ["--param", "novalue"], "KEY=VALUE"),
    ("unknown extension", "x.weird", GOOD, [], "cannot tell the format"),
    ("deep nesting", "deep.json", "[" * 100000, [], "nesting deeper"),
]


def run(args):
    return subprocess.run([AGON] + args, capture_output=True, timeout=60)


def check_one(tmp, name, fname, content, extra, needle):
    path = os.path.join(tmp, fname)
    with open(path, "wb") as f:
        f.write(content.encode("latin-1") if isinstance(content, str) else content)
    p = run(["eval", path] + extra)
    err = p.stderr.decode("utf-8", "replace")
    problems = []
    if p.returncode != 2:
        problems.append(f"exit {p.returncode}, expected 2")
    lines = err.splitlines()
    if len(lines) != 1 or not lines[0].startswith("agon: error: "):
        problems.append(f"stderr is not one 'agon: error:' line: {err!r}")
    if needle not in err:
        problems.append(f"stderr lacks {needle!r}: {err!r}")
    if p.stdout:
        problems.append(f"unexpected stdout {p.stdout[:80]!r}")
    return problems


def main():
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in CASES:
            problems = check_one(tmp, *case)
            if problems:
                failed += 1
                print(f"FAIL {case[0]}: " + "; ".join(problems))
        # Missing file and usage errors.
        for args, needle in [(["eval", os.path.join(tmp, "nope.json")], "no such file"),
                             (["frobnicate"], "agon: error:"),
                             (["eval"], "agon: error:")]:
            p = run(args)
            if p.returncode != 2 or needle not in p.stderr.decode():
                failed += 1
                print(f"FAIL {args}: exit {p.returncode} {p.stderr!r}")
        # A failed conversion leaves an existing output file untouched.
        out = os.path.join(tmp, "keep.json")
        with open(out, "w") as f:
            f.write("precious")
        bad = os.path.join(tmp, "t.json")
        p = run(["convert", bad, "--to", "json", "-o", out])
        if p.returncode != 2 or open(out).read() != "precious":
            failed += 1
            print("FAIL failed convert touched the output file")
        leftovers = [n for n in os.listdir(tmp) if ".tmp-" in n]
        if leftovers:
            failed += 1
            print(f"FAIL temporary files left behind: {leftovers}")
    total = len(CASES) + 4
    print(f"{total - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
