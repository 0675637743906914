#!/usr/bin/env python3
"""Table-driven check of the agon command line on bad input for every reader
(truncated, wrong types, duplicate ids, dangling references, invalid UTF-8, NUL
bytes, a 100 MB single line, deep nesting, as far as each format has them):
exit status 2, exactly one line on stderr of the form "agon: error: ...",
naming the file (and line:column where the table says so), nothing on stdout,
and a conversion of the same input leaves no output file."""
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

AGON = sys.argv[1]
ULIMIT = "--no-ulimit" not in sys.argv[2:]  # off under sanitizers (they need the address space)

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
    ("json invalid utf-8", "u8.json", '{"format":"agon-graph","version":1,"title":"Jos\xe9"}', [], "u8.json:1:48: invalid UTF-8"),
    ("json duplicate id", "dup.json", GOOD.replace('"id":"b"', '"id":"a"'), [], "duplicate claim id 'a'"),
    ("json wrong type", "wt.json", GOOD.replace('"claims":[', '"claims":7,"x":['), [], '"claims" must be an array'),
    ("json syntax error", "se.json", GOOD.replace('"b"}]', '"b"},]'), [], "se.json:1:68: invalid JSON: syntax error"),
    ("json number overflow", "no.json", GOOD.replace('"a"}', '"a","base":1e999}'), [], "invalid JSON: number overflow"),
    ("json undercut cycle", "uc.json", GOOD.replace(']}', ',{"id":"u1","from":"a","to":"u2","kind":"undercut"},'
                                                    '{"id":"u2","from":"b","to":"u1","kind":"undercut"}]}'),
     [], "undercuts form a cycle (u1 -> u2 -> u1)"),
    ("json dangling undercut chain", "ud.json", GOOD.replace(']}', ',{"id":"u1","from":"a","to":"u2","kind":"undercut"},'
                                                             '{"id":"u2","from":"b","to":"zz","kind":"undercut"}]}'),
     [], "edge 'u2': unknown edge 'zz'"),
    # i23 / apx / tgf
    ("i23 wrong type", "wt.i23", "p af 2\n1 x\n", [], "wt.i23:2:3:"),
    ("i23 nul bytes", "n.i23", "p af 2\n1\x002\n", [], "n.i23:2:"),
    ("apx truncated", "t.apx", "arg(a).\natt(a,", [], "t.apx:2:"),
    ("apx invalid utf-8", "u8.apx", "arg(a).\narg(\xff).\n", [], "u8.apx:2:5: invalid UTF-8"),
    ("apx nul bytes", "n.apx", "arg(a).\narg(\x00).\n", [], "n.apx:2:5: a NUL byte"),
    ("tgf invalid utf-8", "u8.tgf", "a\n\xfe\n#\n", [], "u8.tgf:2:1: invalid UTF-8"),
    ("tgf dangling", "d.tgf", "a\nb\n#\na c\n", [], "d.tgf:4:"),
    # Argdown (a lenient format: only what it cannot read at all is an error)
    ("argdown invalid utf-8", "u8.argdown", "[A]: a\n  - [B]: \xc3(\n", [], "u8.argdown:2:10: invalid UTF-8"),
    ("argdown nul bytes", "n.argdown", "[A]: a\x00b\n", [], "n.argdown:1:7: a NUL byte"),
    # AIF
    ("aif truncated", "t.json", '{"nodes":[{"nodeID":"1",', ["--from", "aif"], "t.json:1:"),
    ("aif wrong type", "wt.json", '{"nodes":"x"}', ["--from", "aif"], "expected an object with a \"nodes\" array"),
    ("aif duplicate id", "dup.json", '{"nodes":[{"nodeID":"1","type":"I"},{"nodeID":"1","type":"I"}]}', ["--from", "aif"],
     "duplicate nodeID '1'"),
    ("aif dangling", "d.json", '{"nodes":[{"nodeID":"1","type":"I"}],"edges":[{"fromID":"1","toID":"9"}]}', ["--from", "aif"],
     "names an unknown node"),
    ("aif invalid utf-8", "u8.json", '{"nodes":[{"nodeID":"\xff"}]}', ["--from", "aif"], "u8.json:1:22: invalid UTF-8"),
    ("aif deep nesting", "deep.json", '{"nodes":' + "[" * 100000, ["--from", "aif"], "nesting deeper"),
    ("xaif truncated", "t.json", '{"OVA":{},"AIF":{"nodes":[{"nodeID":"1",', [], "t.json:1:"),
    ("xaif without nodes", "n.json", '{"text":"x","AIF":{"edges":[]}}', [], "not an AIF document"),
    # Kialo
    ("kialo truncated", "t.txt", "1.", [], "t.txt:1:1:"),
    ("kialo duplicate id", "dup.txt", "1. A\n1.1. Pro: B\n1.1. Con: C\n", [], "dup.txt:3:1: claim 1.1 appears twice"),
    ("kialo dangling", "d.txt", "1. A\n1.1. Pro: -> See 1.9.\n", [], "link to an unknown claim"),
    ("kialo invalid utf-8", "u8.txt", "1. A\n1.1. Pro: \xc0\xaf\n", [], "u8.txt:2:11: invalid UTF-8"),
    # Carneades YAML
    ("carneades truncated", "t.yml", "statements:\n  p: [unclosed\n", [], "t.yml:"),
    ("carneades wrong type", "wt.yml", "statements: [1, 2]\n", [], "wt.yml:1:13: statements must be a mapping"),
    ("carneades duplicate id", "dup.yml", "statements:\n  p: a\n  p: b\n", [], "dup.yml:3:3: statement 'p' is given twice"),
    ("carneades missing conclusion", "c.yml", "arguments:\n  a1:\n    premises: [p]\n", [], "needs a conclusion"),
    ("carneades invalid utf-8", "u8.yml", "statements:\n  p: \xff\n", [], "u8.yml:2:6: invalid UTF-8"),
    ("carneades deep nesting", "deep.yml", "[" * 100000, [], "nesting too deep"),
    # yaml-cpp reads a quote left open as running to the end of the file: a truncated file passed
    ("carneades open quote", "q.yml", 'statements:\n  p: "cut off\n  q: b\n', [], "q.yml:2:6: a quoted text is not closed"),
    ("carneades open quote after an anchor", "qa.yml", "statements:\n  p: &x 'it''s cut\n", [], "qa.yml:2:6: a quoted"),
]

# One 100 MB line per reader: refused by a limit, never swapped in whole.
HUGE = 100 << 20
HUGE_CASES = [
    ("json 100 MB line", "h.json", lambda: '{"format":"agon-graph","version":1,"title":"' + "a" * HUGE + '"}', [],
     "longer than"),
    ("i23 100 MB line", "h.i23", lambda: "p af 2 " + "1 " * (HUGE // 2), [], "h.i23:1:"),
    ("apx 100 MB line", "h.apx", lambda: "arg(" + "a" * HUGE + ").", [], "argument name too long"),
    ("argdown 100 MB line", "h.argdown", lambda: "[A]: " + "a" * HUGE, [], "longer than"),
    ("aif 100 MB line", "h.json",
     lambda: '{"nodes":[{"nodeID":"1","type":"I","text":"' + "a" * HUGE + '"}]}', ["--from", "aif"], "longer than"),
    ("kialo 100 MB line", "h.txt", lambda: "1. " + "a" * HUGE, [], "claim text too long"),
    ("carneades 100 MB line", "h.yml", lambda: "statements:\n  p: " + "a" * HUGE, [], "longer than"),
]


def run(args, memory=None):
    """Run agon; `memory` caps its address space in bytes (as `ulimit -v` does)."""
    limit = (lambda: resource.setrlimit(resource.RLIMIT_AS, (memory, memory))) if memory else None
    return subprocess.run([AGON] + args, capture_output=True, timeout=600, preexec_fn=limit)  # a hang guard; sanitizer builds are slow


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
    # A conversion of a bad file fails the same way and leaves no output file.
    if not any(a in ("--semantics", "--param") for a in extra):
        out = os.path.join(tmp, "converted.json")
        c = run(["convert", path, "--to", "json", "-o", out] + extra)
        if c.returncode != 2 or os.path.exists(out):
            problems.append(f"convert: exit {c.returncode}, output file left: {os.path.exists(out)}")
            if os.path.exists(out):
                os.remove(out)  # or every later case fails for this one
    return problems


def main():
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in CASES:
            problems = check_one(tmp, *case)
            if problems:
                failed += 1
                print(f"FAIL {case[0]}: " + "; ".join(problems))
        for name, fname, make, extra, needle in HUGE_CASES:
            problems = check_one(tmp, name, fname, make(), extra, needle)
            os.remove(os.path.join(tmp, fname))
            if problems:
                failed += 1
                print(f"FAIL {name}: " + "; ".join(problems))
        # Under a 512 MiB address-space limit a huge framework is refused, by the
        # size limit or as "out of memory", never by a crash or by swapping.
        for header, needle in [("p af 60000000", "more than 50000000 arguments"), ("p af 45000000", "out of memory")][:2 * ULIMIT]:
            path = os.path.join(tmp, "huge.i23")
            with open(path, "w") as f:
                f.write(header + "\n1 2\n")
            p = run(["eval", path], memory=512 << 20)
            err = p.stderr.decode("utf-8", "replace")
            if p.returncode != 2 or needle not in err or len(err.splitlines()) != 1:
                failed += 1
                print(f"FAIL {header} under ulimit: exit {p.returncode} {err!r}")
        # agon explain --map: a bad map name is refused before anything is printed; a good
        # one gets the map with the explanation's claims outlined (penwidth 3; DOT, which
        # builds without Graphviz write too).
        graph = os.path.join(tmp, "ok.json")
        with open(graph, "w") as f:
            f.write(GOOD)
        p = run(["explain", graph, "b", "--map", os.path.join(tmp, "map.gif")])
        if p.returncode != 2 or p.stdout or b"must end in" not in p.stderr:
            failed += 1
            print(f"FAIL explain --map map.gif: exit {p.returncode} {p.stderr!r}")
        dot = os.path.join(tmp, "why.dot")
        p = run(["explain", graph, "b", "--map", dot])
        if p.returncode != 0 or b"falls" not in p.stdout or open(dot).read().count("penwidth=3") != 2:
            failed += 1
            print(f"FAIL explain --map why.dot: exit {p.returncode} {p.stderr!r}")
        # The map outlines what the text names: a counter-position's attacker, and
        # only the --top contributions shown (all 23 claims were outlined).
        repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        for args, outlined in ((["graphs/classic/floating_reinstatement.json", "c", "-s", "preferred"], 2),
                               (["graphs/mexico_us_security.json", "designation", "-s", "dfquad", "--top", "3"], 4)):
            p = run(["explain", os.path.join(repo, args[0])] + args[1:] + ["--map", dot])
            if p.returncode != 0 or open(dot).read().count("penwidth=3") != outlined:
                failed += 1
                print(f"FAIL explain {args} --map outlines {open(dot).read().count('penwidth=3')}, not {outlined}")
        # An attack that an undercut aims at is named by its source in a counter-position.
        undercut = os.path.join(tmp, "undercut.json")
        with open(undercut, "w") as f:
            f.write('{"format":"agon-graph","version":1,"claims":[{"id":"x"},{"id":"y"},{"id":"z"},{"id":"w"}],'
                    '"edges":[{"id":"e1","from":"x","to":"y","kind":"attack"},{"id":"u1","from":"z","to":"e1","kind":"undercut"},'
                    '{"id":"e2","from":"w","to":"z","kind":"attack"}]}')
        p = run(["explain", undercut, "y", "-s", "preferred"])
        if p.returncode != 0 or b"there x attacks it (e1)" not in p.stdout:
            failed += 1
            print(f"FAIL explain through an undercut attack: {p.stdout!r}")
        def uncertainty(key, value="0.2"):
            path = os.path.join(tmp, key + ".json")
            with open(path, "w") as f:
                f.write('{"' + key + '":' + value + '}')
            return path

        spaced = os.path.join(tmp, "spaced.json")
        with open(spaced, "w") as f:
            f.write(GOOD.replace('"a"', '"a b"'))
        quoted = os.path.join(tmp, "quoted.json")  # apx quotes names, without escapes
        with open(quoted, "w") as f:
            f.write(GOOD.replace('"a"', '"a \\"b\\""'))

        # Missing file and usage errors (a spread outside [0,1] once drew base scores outside it).
        for args, needle in [(["eval", os.path.join(tmp, "nope.json")], "no such file"),
                             (["frobnicate"], "unknown command 'frobnicate' (commands: iccma, eval"),
                             (["eval"], "agon: error:"),
                             (["robust", graph, "--spread=-3"], "spread must be a number in [0,1]"),
                             (["robust", graph, "--spread", "nan"], "spread must be a number in [0,1]"),
                             (["eval", graph, "--timeout", "nan"], "must be a number of seconds"),
                             (["eval", graph, "--timeout=-1"], "must be a number of seconds"),
                             (["extensions", graph, "--limit=-1"], "--limit: must be a number, 0 or more"),
                             (["hinge", graph, "b", "--threshold", "nan"], "--threshold: must be a finite number"),
                             (["eval", graph, "-s", "preferred", "--credulous"], "--credulous requires --query"),
                             (["convert", quoted, "--to", "apx"], "claim id 'a \"b\"' cannot be written in apx"),
                             (["convert", spaced, "--to", "tgf"], "claim id 'a b' cannot be written in tgf"),
                             (["robust", graph, "--uncertainty", uncertainty("default_spred")], 'unknown key "default_spred"'),
                             (["robust", graph, "--uncertainty", uncertainty("claims", '{"a":{"presense":1}}')],
                              'unknown key "presense" in claims.a'),
                             (["robust", graph, "--uncertainty", uncertainty("edges", '{"e1":{"weight":[0,1}}')],
                              "edges.json:1:30: invalid JSON: syntax error"),
                             (["convert", graph, "--to", "apx", "--support", "evidential"], "no attack-only framework"),
                             (["convert", graph, "--to", "json", "-o", os.path.join(tmp, "nodir", "x.json")],
                              "cannot write it: the directory '" + os.path.join(tmp, "nodir") + "' does not exist"),
                             (["convert", graph, "--to", "tgx"], "unknown format 'tgx' (the formats are listed in"),
                             (["report", graph, "--target", "b", "--max-evaluations=-1", "--json"],
                              "--max-evaluations: must be a number, 1 or more"),
                             (["hinge", graph, "b", "--max-evaluations", "0"], "--max-evaluations: must be a number, 1 or more"),
                             (["robust", graph, "-n", "0"], "--samples: must be a number, 1 or more"),
                             # A count too large for its option is called that, with the largest accepted
                             # (it read "must be a number, 0 or more").
                             (["extensions", graph, "--limit", "99999999999999999999"],
                              "--limit: too large (the largest accepted is 18446744073709551615)"),
                             (["extensions", graph, "--limit", "18446744073709551616"], "--limit: too large"),
                             (["robust", graph, "-n", "99999999999999999999"],
                              "--samples: too large (the largest accepted is 18446744073709551615)"),
                             (["report", graph, "--target", "b", "-n", "1e400"], "--samples: too large"),
                             (["render", graph, "-o", os.path.join(tmp, "d.dot"), "--depth", "99999999999"],
                              "--depth: too large (the largest accepted is 2147483647)"),
                             (["hinge", graph, "b", "-k", "4294967296"], "--max-size: too large (the largest accepted is 4294967295)"),
                             (["iccma", "-p", "SE-GR", "-f", graph, "--timeout", "-1"],
                              "--timeout: must be a number of seconds, 0 or more (0 = no limit)"),
                             (["iccma", "-p", "SE-GR", "-f", graph, "--timeout", "soon"], "--timeout: must be a number of seconds")]:
            p = run(args)
            if p.returncode != 2 or needle not in p.stderr.decode():
                failed += 1
                print(f"FAIL {args}: exit {p.returncode} {p.stderr!r}")
        # A hinge set of two claims is one set, removed whole; a gradual status names threshold and strength
        # (the text once read "removing any one of these sets" over "a; b;" and "at or above 0.500000").
        mexico = os.path.join(repo, "graphs", "mexico_us_security.json")
        p = run(["hinge", mexico, "demand"])
        if p.returncode != 0 or b"It hinges on 2 claims together: removing both would change that.\n  - sheinbaum_shift (" \
                not in p.stdout or b'") + guard_needs_time ("' not in p.stdout:
            failed += 1
            print(f"FAIL hinge text of a two-claim set: {p.stdout!r}")
        p = run(["hinge", mexico, "designation", "-s", "dfquad"])
        if p.returncode != 0 or b"is at or above 0.5 (its strength is 0.5224) under dfquad." not in p.stdout \
                or b"It hinges on one claim: removing it would change that.\n  - cartel_penetration (" not in p.stdout:
            failed += 1
            print(f"FAIL hinge text under dfquad: {p.stdout!r}")
        # An empty framework (valid apx) says so rather than printing nothing.
        empty = os.path.join(tmp, "empty.apx")
        open(empty, "w").close()
        p = run(["eval", empty])
        if p.returncode != 0 or p.stdout != b"The graph has no claims.\n":
            failed += 1
            print(f"FAIL eval of an empty framework: exit {p.returncode} {p.stdout!r}")
        # A label semantics explained by attributions speaks of labels, not strengths.
        p = run(["explain", graph, "b", "-s", "carneades"])
        if p.returncode != 0 or b"strength" in p.stdout or b"label value" not in p.stdout:
            failed += 1
            print(f"FAIL explain -s carneades: exit {p.returncode} {p.stdout!r}")
        # A huge timeout means no limit (it once overflowed into "stop at once"),
        # and output that cannot be written is an error (a full disk passed for success).
        p = run(["eval", graph, "--timeout", "1e12"])
        if p.returncode != 0:
            failed += 1
            print(f"FAIL eval --timeout 1e12: exit {p.returncode} {p.stderr!r}")
        # The largest count is accepted; --timeout 0 is no limit for every command, and
        # each --help says so (agon round refused 0 as "must be positive").
        for args in (["extensions", graph, "--limit", "18446744073709551615"], ["eval", graph, "--timeout", "0"],
                     ["round", os.path.join(repo, "graphs", "rounds", "mexico_fto.flow"), "--timeout", "0"],
                     ["iccma", "-p", "SE-GR", "-f", os.path.join(repo, "graphs", "classic", "floating_reinstatement.json"),
                      "--timeout", "0"]):
            p = run(args)
            if p.returncode != 0:
                failed += 1
                print(f"FAIL {args}: exit {p.returncode} {p.stderr!r}")
        for command in ("eval", "extensions", "explain", "hinge", "robust", "report", "render", "diff", "run", "round",
                        "serve", "iccma"):
            text = run([command, "--help"]).stdout.decode()
            line = next((l for l in text.splitlines() if "--timeout" in l), "") if command != "iccma" else text
            if "0 = no limit" not in line:
                failed += 1
                print(f"FAIL {command} --help does not say what --timeout 0 means: {line!r}")
        with open("/dev/full", "w") as full:
            p = subprocess.run([AGON, "eval", graph], stdout=full, stderr=subprocess.PIPE, timeout=60)
        if p.returncode != 2 or b"cannot write to standard output" not in p.stderr:
            failed += 1
            print(f"FAIL eval > /dev/full: exit {p.returncode} {p.stderr!r}")
        # A dense map of fewer than 300 claims is laid out where --timeout can stop
        # it (dot ran three minutes in-process on 290 claims and 1,740 edges).
        dense = os.path.join(tmp, "dense.json")
        rng = random.Random(7)
        claims = [{"id": f"c{i}", "text": f"claim {i}"} for i in range(290)]
        edges = [{"id": f"e{k}", "from": f"c{rng.randrange(290)}", "to": f"c{rng.randrange(290)}",
                  "kind": rng.choice(["attack", "support"])} for k in range(1740)]
        with open(dense, "w") as f:
            json.dump({"format": "agon-graph", "version": 1, "claims": claims, "edges": edges}, f)
        started = time.monotonic()
        p = run(["render", dense, "-o", os.path.join(tmp, "dense.svg"), "--layout", "dot", "--timeout", "1"])
        took = time.monotonic() - started
        if p.returncode != 2 or b"took longer than 1 s" not in p.stderr or took > 30:
            failed += 1
            print(f"FAIL render --timeout 1 on a dense map: exit {p.returncode} after {took:.1f} s {p.stderr!r}")
        # Writing over the input file is refused (convert, export, report once replaced the graph, exit 0).
        same = os.path.join(tmp, "same.json")
        with open(same, "w") as f:
            f.write(GOOD)
        for args in (["convert", same, "--to", "apx", "-o", same], ["export", same, "--html", same],
                     ["report", same, "--target", "b", "-o", same]):
            p = run(args)
            if p.returncode != 2 or b"is the input file" not in p.stderr or open(same).read() != GOOD:
                failed += 1
                print(f"FAIL {args[0]} over its input: exit {p.returncode} {p.stderr!r}")
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
    total = len(CASES) + len(HUGE_CASES) + 26 + 8 + 4 + 12 + 2 * ULIMIT
    print(f"{total - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
