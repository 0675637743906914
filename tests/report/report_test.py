#!/usr/bin/env python3
"""agon report: every section present, its numbers equal to the CLI JSON of
eval / explain / hinge / robust, the tornado ordering against finite
differences computed here, ACH cells on hand-made graphs, hostile text
escaped, sections omitted with a note.

usage: report_test.py AGON SOURCE_DIR"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

AGON, SRC = sys.argv[1], sys.argv[2]
GRAPH = os.path.join(SRC, "graphs", "mexico_us_security.json")
UNC = os.path.join(SRC, "graphs", "mexico_us_uncertainty.json")
SCRIPT = os.path.join(SRC, "scripts", "whatif", "mexico_us.lua")
TMP = tempfile.mkdtemp(prefix="agon-report-")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, code=0):
    p = subprocess.run([AGON, *args], capture_output=True, text=True, cwd=SRC)
    if p.returncode != code:
        raise SystemExit(f"agon {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p


def run_json(*args, code=0):
    return json.loads(run(*args, "--json", code=code).stdout)


def close(a, b, tol=1e-12):
    return abs(a - b) <= tol


def write_graph(name, doc):
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        json.dump(doc, f)
    return path


def eval_value(path, claim, semantics="dfquad"):
    return run_json("eval", path, "--semantics", semantics)["strength"][claim]


# 1. The Mexico-US report against the CLI's own answers.
rep = run_json("report", GRAPH, "--target", "designation", "--uncertainty", UNC, "--scenarios", SCRIPT,
               "--samples", "500", "--seed", "7", "--no-maps")
for key in ["summary", "status", "influence", "hinge", "key_assumptions", "tornado", "robustness", "hypotheses",
            "scenarios", "sources"]:
    check(rep.get(key) not in (None, [], {}), f"section {key} present")
check(len(rep["summary"]) >= 4, "summary has status, rests on, change, sureness")
check("dfquad" in rep["summary"][0], "summary names the semantics")

ev = run_json("eval", GRAPH, "--semantics", "dfquad")
check(close(rep["status"]["value"], ev["strength"]["designation"]), "status equals eval")

ex = run_json("explain", GRAPH, "designation", "--semantics", "dfquad")
mine = [(a["claim"], a["removal"], a["gradient"]) for a in rep["influence"]["attributions"]]
theirs = [(a["claim"], a["removal"], a["gradient"]) for a in ex["attributions"]]
check(mine == theirs, "attributions equal explain --json")

hi = run_json("hinge", GRAPH, "designation", "--semantics", "dfquad", "--max-size", "3")
check(rep["hinge"]["sets"] == hi["sets"] and rep["hinge"]["exact"] == hi["exact"], "hinge sets equal hinge --json")
in_hinge = {c for s in hi["sets"] for c in s}
kac = rep["key_assumptions"]
check(all(a["in_hinge_set"] == (a["claim"] in in_hinge) for a in kac), "KAC hinge column")
flags = [a["in_hinge_set"] for a in kac]
check(flags == sorted(flags, reverse=True), "KAC lists hinge premises first")
doc = json.load(open(GRAPH))
supported = {e["to"] for e in doc["edges"] if e["kind"] == "support"}
check(all(a["claim"] not in supported for a in kac), "KAC rows are unsupported premises")
check(next(a for a in kac if a["claim"] == "cartel_penetration")["verdict"] == "solid", "KAC verdict from tag")

rb = run_json("robust", GRAPH, "--semantics", "dfquad", "--samples", "500", "--seed", "7", "--uncertainty", UNC)
mine, theirs = rep["robustness"], rb["claims"]["designation"]
for k in ["mean", "stddev", "q05", "q95"]:
    check(close(mine[k], theirs[k]), f"robustness {k} equals robust --json")
check(sum(mine["histogram"]) == 500 and mine["samples"] == 500 and mine["seed"] == 7, "histogram counts every sample")

# Tornado: each bar's ends and the ordering against finite differences computed here.
unc = json.load(open(UNC))
swings = []
for bar in rep["tornado"]["bars"]:
    ends = []
    for x in (bar["low"], bar["high"]):
        d = json.loads(json.dumps(doc))
        items = d["edges"] if bar["kind"] == "weight" else d["claims"]
        next(i for i in items if i["id"] == bar["input"])["weight" if bar["kind"] == "weight" else "base"] = x
        ends.append(eval_value(write_graph("fd.json", d), "designation"))
    check(close(ends[0], bar["at_low"], 1e-9) and close(ends[1], bar["at_high"], 1e-9), f"tornado {bar['input']} ends")
    swings.append(abs(ends[1] - ends[0]))
check(all(swings[i] >= swings[i + 1] - 1e-12 for i in range(len(swings) - 1)), "tornado sorted by swing")
for c in doc["claims"]:  # every influencing claim with a range is a bar
    lo, hi_ = unc["claims"].get(c["id"], {}).get("base", [max(0, c["base"] - 0.1), min(1, c["base"] + 0.1)])
    if c["id"] in [a["claim"] for a in ex["attributions"]] + ["designation"] and hi_ > lo:
        check(any(b["input"] == c["id"] for b in rep["tornado"]["bars"]), f"tornado has {c['id']}")

# Scenarios: the baseline row changes nothing; "U.S. demand falls" equals the edited graph.
rows = {s["name"]: s for s in rep["scenarios"]}
check(len(rows) == 5, "five scenarios from the what-if script")
check(rows["baseline"]["changes"] == [] and close(rows["baseline"]["target"]["value"], rep["status"]["value"]),
      "baseline scenario is the baseline")
d = json.loads(json.dumps(doc))
next(c for c in d["claims"] if c["id"] == "demand")["base"] = 0.1
d["claims"] = [c for c in d["claims"] if c["id"] != "guns"]
d["edges"] = [e for e in d["edges"] if "guns" not in (e["from"], e["to"])]
check(close(rows["U.S. demand falls"]["target"]["value"], eval_value(write_graph("s.json", d), "designation")),
      "scenario value equals eval of the edited graph")
check(rows["U.S. demand falls"]["note"].startswith("drug demand"), "scenario note from the script")

# 2. ACH cells on a hand-made graph.
ach = {"format": "agon-graph", "version": 1, "title": "ach", "claims": [
    {"id": "h1", "text": "H1", "base": 0.5, "tags": ["hypothesis"]},
    {"id": "h2", "text": "H2", "base": 0.5, "tags": ["hypothesis"]},
    {"id": "x", "text": "X", "base": 0.6},
    {"id": "e1", "text": "E1", "base": 0.8, "tags": ["evidence"]},
    {"id": "e2", "text": "E2", "base": 0.7, "tags": ["evidence"]},
    {"id": "e3", "text": "E3", "base": 0.9, "tags": ["evidence"]},
    {"id": "e4", "text": "E4", "base": 0.9, "tags": ["evidence"]},
    {"id": "e5", "text": "E5", "base": 0.9, "tags": ["evidence"]}],
    "edges": [
    {"id": "a", "from": "e1", "to": "h1", "kind": "support"},
    {"id": "b", "from": "e2", "to": "h1", "kind": "attack"},
    {"id": "c", "from": "e3", "to": "x", "kind": "attack"},
    {"id": "d", "from": "x", "to": "h1", "kind": "attack"},
    {"id": "f", "from": "e1", "to": "h2", "kind": "attack"},
    {"id": "g", "from": "e5", "to": "a", "kind": "undercut"}]}
path = write_graph("ach.json", ach)
r = run_json("report", path, "--target", "h1", "--no-maps")
cells = {(m["evidence"], m["hypothesis"]): m for m in r["hypotheses"]["matrix"]}
expect = {("e1", "h1"): "consistent", ("e2", "h1"): "inconsistent", ("e3", "h1"): "consistent",
          ("e4", "h1"): "neutral", ("e5", "h1"): "inconsistent", ("e1", "h2"): "inconsistent",
          ("e2", "h2"): "neutral", ("e3", "h2"): "neutral", ("e4", "h2"): "neutral", ("e5", "h2"): "neutral"}
for key, rel in expect.items():
    check(cells[key]["relation"] == rel, f"ACH {key} is {rel} (got {cells[key]['relation']})")
# Effects: the hypothesis's strength minus its strength with the evidence's edges removed (computed here).
for (e, h), m in cells.items():
    d = json.loads(json.dumps(ach))
    gone = {x["id"] for x in d["edges"] if e in (x["from"], x["to"])}
    d["edges"] = [x for x in d["edges"] if x["id"] not in gone and x["to"] not in gone]
    expected = eval_value(path, h) - eval_value(write_graph("ach2.json", d), h)
    check(close(m["effect"], expected, 1e-9), f"ACH effect {e}->{h}")
hyp = {x["claim"]: x for x in r["hypotheses"]["hypotheses"]}
check(hyp["h1"]["inconsistent"] == 2 and hyp["h1"]["consistent"] == 2, "H1 counts")
check(hyp["h2"]["inconsistent"] == 1 and hyp["h2"]["consistent"] == 0, "H2 counts")
check(r["hypotheses"]["by_inconsistency"] == ["h2", "h1"], "ranked by inconsistency")
strength = [eval_value(path, "h1"), eval_value(path, "h2")]
check(r["hypotheses"]["by_strength"] == (["h1", "h2"] if strength[0] >= strength[1] else ["h2", "h1"]), "ranked by strength")

# 3. Omitted sections: no hypotheses, no uncertainty, no scenarios.
check(r["tornado"] is None and r["robustness"] is None and r["scenarios"] is None, "sections omitted")
check(all(k in r["notes"] for k in ["tornado", "robustness", "scenarios"]), "omitted sections have notes")
plain = run_json("report", GRAPH, "--target", "treaty", "--semantics", "grounded", "--no-maps")
check(plain["hypotheses"] is not None, "Mexico graph has hypotheses")
designation = run_json("report", GRAPH, "--target", "designation", "--semantics", "grounded", "--no-maps")
check(not any("base score" in line for line in designation["summary"]),
      "a label semantics' summary does not say the claim rests on its base score")
# A scenario script that runs out of time: one error line naming the script (there were two).
loop = os.path.join(TMP, "loop.lua")
with open(loop, "w") as f:
    f.write("local agon = require 'agon'\nwhile true do end\n")
p = run("report", GRAPH, "--target", "treaty", "--scenarios", loop, "--timeout", "1", "-o", os.path.join(TMP, "t.html"), code=2)
check(p.stderr.splitlines() == ["agon: error: the scenario script " + loop + ":2: time limit of 1.0 s exceeded"],
      "a scenario script's time limit is one error line: %r" % p.stderr)
# An odd cycle has no stable extension: the summary says so before reading "out" as a verdict.
cycle = {"format": "agon-graph", "version": 1, "claims": [{"id": x} for x in "abc"],
         "edges": [{"id": f"e{i}", "from": x, "to": y, "kind": "attack"} for i, (x, y) in enumerate(["ab", "bc", "ca"])]}
odd = run_json("report", write_graph("odd.json", cycle), "--target", "a", "--semantics", "stable", "--no-maps")
check(any(line.startswith("Caution: there is no stable extension") for line in odd["summary"]),
      "the summary carries the evaluation's warning: %s" % odd["summary"])
small = {"format": "agon-graph", "version": 1, "title": "t", "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
         "edges": [{"id": "e", "from": "a", "to": "b", "kind": "attack"}]}
out = os.path.join(TMP, "small.html")
run("report", write_graph("small.json", small), "--target", "b", "--semantics", "grounded", "-o", out)
page = open(out).read()
check(page.count("Section omitted.") >= 5, "omitted sections say so in the HTML")
g = run_json("report", write_graph("small.json", small), "--target", "b", "--semantics", "grounded", "--spread", "0.1",
             "--samples", "200", "--no-maps")
check(g["status"]["label"] == "out" and g["robustness"]["p_out"] == 1.0, "label semantics: status and P(out)")

# 4. Hostile text is escaped; the page has no script and parses.
evil = '<script>alert(1)</script> "quoted" & \'single\' <img src=x onerror=alert(2)> --> ]]>'
hostile = {"format": "agon-graph", "version": 1, "title": evil, "claims": [
    {"id": "t", "text": evil, "tags": ["hypothesis"], "attributes": {"source": evil, "url": "javascript:" + evil}},
    {"id": "x--y", "text": evil, "base": 0.9, "tags": ["evidence", "assumption:solid"]}],
    "edges": [{"id": "e", "from": "x--y", "to": "t", "kind": "attack"}]}
hpath = write_graph("hostile.json", hostile)
for ext in ["html", "pdf"]:
    out = os.path.join(TMP, "hostile." + ext)
    run("report", hpath, "--target", "t", "--spread", "0.1", "--samples", "50", "-o", out)
page = open(os.path.join(TMP, "hostile.html")).read()
check("<script" not in page.lower() and "<img" not in page.lower(), "no markup from claim texts")
check("&lt;script&gt;" in page, "claim text escaped")
check("javascript:" not in page or "href" not in page, "no links from urls")


class Parser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


p = Parser()
p.feed(page)
check(set(p.tags) <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "ul", "li", "table",
                      "caption", "colgroup", "col", "tr", "th", "td", "figure", "figcaption", "div", "svg", "g", "text", "rect",
                      "line", "path", "polygon", "ellipse", "title", "a", "polyline", "circle"},
      f"only report markup in the page: {set(p.tags)}")
check(open(os.path.join(TMP, "hostile.pdf"), "rb").read(5) == b"%PDF-", "PDF written for hostile text")

# 5. The PDF carries the HTML's sections.
pdf = os.path.join(TMP, "m.pdf")
run("report", GRAPH, "--target", "designation", "--uncertainty", UNC, "--scenarios", SCRIPT, "--samples", "200", "-o", pdf)
if shutil.which("pdftotext"):
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    for heading in ["Summary", "The map", "Key Assumptions Check", "Sensitivity", "Robustness", "Competing hypotheses",
                    "Scenarios", "Appendix: sources"]:
        check(heading in text, f"PDF has {heading}")
    # A heading is never the last line of its page, apart from the page's footer.
    for number, page in enumerate(text.split("\f"), 1):
        lines = [line for line in page.splitlines() if line.strip()][:-2]  # the footer's title and page number
        check(not lines or lines[-1] not in ["The map", "Key Assumptions Check", "Sensitivity", "Robustness",
                                             "Competing hypotheses", "Scenarios", "Appendix: sources"],
              f"PDF page {number} does not end with the heading {lines[-1] if lines else ''!r}")

# 6. Bad input: exit 2 with one line.
for args in [["--target", "nope", "-o", os.path.join(TMP, "x.html")], ["--target", "designation", "-o", os.path.join(TMP, "x.doc")],
             ["--target", "designation"]]:
    p = subprocess.run([AGON, "report", GRAPH, *args], capture_output=True, text=True)
    check(p.returncode == 2 and p.stderr.count("\n") == 1, f"exit 2 with one line for {args}: {p.stderr}")
check(not os.path.exists(os.path.join(TMP, "x.html")), "no file on error")
# A scenario built on another graph would report that graph's differences as its effects.
other = os.path.join(TMP, "other.lua")
with open(other, "w") as f:
    f.write('local agon = require "agon"\nreturn { agon.load("%s"):scenario("elsewhere") }\n'
            % os.path.join(SRC, "graphs", "classic", "odd_cycle.json"))
p = subprocess.run([AGON, "report", GRAPH, "--target", "designation", "--scenarios", other, "--read",
                    os.path.join(SRC, "graphs"), "--no-maps", "-o", os.path.join(TMP, "x.html")], capture_output=True, text=True)
check(p.returncode == 2 and "scenario 'elsewhere'" in p.stderr and "another graph" in p.stderr,
      f"a scenario on another graph is refused: {p.returncode} {p.stderr}")

# 7. The same report from Lua: g:report{} with a scenario list.
script = os.path.join(TMP, "report.lua")
with open(script, "w") as f:
    f.write("""local agon = require "agon"
local g = agon.load(arg[1])
local s = g:scenario("no guns"):remove("guns")
print(g:report{ target = "designation", scenarios = { { scenario = s, note = "guns stop" } }, maps = false,
                file = "%s" })
""" % os.path.join(TMP, "out", "lua.html"))
p = run("run", script, "--read", os.path.join(SRC, "graphs"), "--out", os.path.join(TMP, "out"), GRAPH)
lua = json.loads(p.stdout)
check(close(lua["status"]["value"], rep["status"]["value"]), "Lua report status equals the CLI's")
check([s["name"] for s in lua["scenarios"]] == ["no guns"] and lua["scenarios"][0]["note"] == "guns stop", "Lua scenarios")
check(os.path.exists(os.path.join(TMP, "out", "lua.html")), "Lua report file written")

# 8. Each scenario map outlines exactly the claims the table lists as moved, however small
# the move (the target of "bilateral treaty signed", 0.522 → 0.517, was not outlined: both
# read 0.52 on the map). Without Graphviz the report has no maps to check.
maps_html = os.path.join(TMP, "maps.html")
run("report", GRAPH, "--target", "designation", "--scenarios", SCRIPT, "-o", maps_html)
figures = {}
for fig in re.findall(r"<figure.*?</figure>", open(maps_html, encoding="utf-8").read(), re.S):
    name = re.search("Scenario “(.*?)”: claims whose status moved", fig)
    if name:
        figures[html.unescape(name.group(1))] = fig
if figures:
    for s in rows.values():
        if not s["changes"]:
            continue
        outlined = set()
        for node in re.findall(r'<g id="[^"]*" class="node">(.*?)</g>', figures.get(s["name"], ""), re.S):
            if 'stroke="#cc79a7"' in node.lower():
                outlined.add(html.unescape(re.search(r"<title>(.*?)</title>", node, re.S).group(1)))
        listed = {c["id"] for c in s["changes"] if c["label_after"] is not None or c["strength_after"] is not None}
        check(outlined == listed, f"scenario map {s['name']!r} outlines what the table lists: "
                                  f"only outlined {sorted(outlined - listed)}, only listed {sorted(listed - outlined)}")
    check("0.522 → 0.517" in html.unescape(figures.get("bilateral treaty signed", "")),
          "the treaty scenario's map reads the target's small move as 0.522 → 0.517")

if "--keep" not in sys.argv:
    shutil.rmtree(TMP)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
