#!/usr/bin/env python3
"""API tests of `agon serve` through HTTP, standard library only.

    api_test.py AGON GRAPH

Expected answers are worked out by hand from the Mexico–US map: every claim
nobody attacks stands under grounded semantics; lack_of_results falls to
sheinbaum_shift; designation falls to its nine unattacked attackers.
Hostile requests must get a 4xx JSON error and change nothing.
"""
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from served import Server, is_error

AGON, GRAPH = sys.argv[1], sys.argv[2]
ATTACKERS = ["demand", "hinders_aid", "military_incursion", "economic_costs", "involuntary_ties",
             "arms_industry", "certification", "compliance_costs", "treaty"]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


work = tempfile.mkdtemp(prefix="agon-api-")
try:
    file = os.path.join(work, "debate.json")
    shutil.copy(GRAPH, file)
    original = open(file, "rb").read()
    s = Server(AGON, file, "--watch")
    check(s.host == "127.0.0.1", "loopback by default")

    st, m = s.get("/api/map")
    check(st == 200 and len(m["claims"]) == 23 and len(m["edges"]) == 25, "the map is served")
    version = m["version"]

    st, r = s.post("/api/evaluate", {"semantics": "grounded"})
    labels = r["result"]["labels"]
    check(labels["designation"] == "out" and labels["lack_of_results"] == "out", "grounded: the two that fall")
    check(sum(v == "in" for v in labels.values()) == 21, "grounded: 21 stand")
    check(r["svg"].lstrip().startswith("<?xml") and "designation" in r["svg"], "the map as SVG")

    st, r = s.post("/api/evaluate", {"semantics": "grounded", "whatif": {"off": ATTACKERS}})
    check(r["result"]["labels"]["designation"] == "in", "what-if: without its attackers it stands")
    check({"id": "designation", "before": "out", "after": "in"} in r["diff"], "the diff says so")
    check(r["baseline"]["labels"]["designation"] == "out", "the baseline is kept")

    # Answers are not compressed on loopback (Brotli cost more than it saved).
    c = http.client.HTTPConnection("127.0.0.1", s.port, timeout=30)
    c.request("POST", "/api/evaluate", body=b"{}", headers={"Host": "127.0.0.1:%d" % s.port, "Content-Type": "application/json",
                                                              "Accept-Encoding": "gzip, deflate, br"})
    r = c.getresponse()
    check(r.status == 200 and r.getheader("Content-Encoding") is None and r.read().startswith(b"{"), "no compression on loopback")
    c.close()

    # A click that only switches claims off needs no new drawing: the looks
    # (the renderer's colours and status lines) recolour the drawing in place.
    st, r = s.post("/api/evaluate", {"semantics": "grounded", "whatif": {"off": ATTACKERS}, "draw": False})
    check(st == 200 and "svg" not in r, "draw: false sends no SVG")
    looks = r.get("looks", {})
    check(looks.get("designation", {}).get("fill", "").upper() == "#9AD8C1", "the look of a claim that now stands")
    check(looks.get("designation", {}).get("change") == "out \u2192 in" and "outline" in looks["designation"],
          "a changed claim's look says before -> after")
    check(not any(a in looks for a in ATTACKERS), "switched-off claims have no look")
    st, r = s.post("/api/evaluate", {"semantics": "dfquad", "draw": False})
    check(re.fullmatch(r"\[\d\.\d\d\]", r["looks"]["designation"]["status"] or "") is not None, "a strength look: %s" % r["looks"]["designation"])
    st, r = s.post("/api/evaluate", {"semantics": "grounded", "whatif": {"off": ["treaty"]}})
    check("treaty" in r["svg"] and "treaty" not in r["looks"], "a drawing keeps switched-off claims for the page to fade")
    g_svg = s.post("/api/evaluate", {"semantics": "grounded"})[1]["svg"]
    check(s.post("/api/evaluate", {"semantics": "dfquad"})[1]["svg"] == g_svg, "one drawing serves every semantics")
    st, r = s.post("/api/evaluate", {"draw": "yes"})
    check(is_error(st, r, 400) and r["where"] == "draw", "draw must be true or false")

    st, r = s.post("/api/evaluate", {"semantics": "grounded",
                                     "whatif": {"claims": [{"id": "x", "text": "counter"}],
                                                "edges": [{"from": "x", "to": "sheinbaum_shift", "kind": "attack"}]}})
    check(r["result"]["labels"]["sheinbaum_shift"] == "out", "a counter-claim defeats what it attacks")

    # Clicks are answered incrementally, each what-if from the last one asked
    # (engine: IncrementalEvaluation::set_scenario): every answer equals
    # `agon eval` from scratch on the what-if exported as a file.
    edge = m["edges"][0]["id"]
    x_attacks = {"from": "x", "to": "sheinbaum_shift", "kind": "attack"}
    y_supports = {"from": "y", "to": "guard_needs_time", "kind": "support", "weight": 0.6}
    clicks = [{"off": ["treaty"]}, {"off": ["treaty", "demand"]},
              {"off": ["treaty", "demand"], "base": {"sheinbaum_shift": 0.2}},
              {"off": ["demand"], "base": {"sheinbaum_shift": 0.2}, "weight": {edge: 0.3}},
              {"off": ["demand"], "claims": [{"id": "x", "text": "counter"}], "edges": [x_attacks]},
              {"claims": [{"id": "x", "text": "counter", "base": 0.7}], "edges": [x_attacks]},
              {"claims": [{"id": "x", "text": "counter"}, {"id": "y", "text": "another"}],
               "edges": [x_attacks, {"from": "y", "to": "x", "kind": "attack"}, y_supports]},
              {"claims": [{"id": "y", "text": "another"}], "edges": [y_supports], "off": ["lack_of_results"]},
              {"off": ATTACKERS}, {}, {"off": ["sheinbaum_shift"], "weight": {edge: 0.0}}]
    worst, incremental = 0.0, 0
    for semantics in ["grounded", "dfquad"]:
        for i, click in enumerate(clicks):
            st, r = s.post("/api/evaluate", {"semantics": semantics, "whatif": click, "draw": False})
            st2, graph = s.post("/api/export", {"format": "json", "whatif": click})
            path = os.path.join(work, "click.json")
            open(path, "wb").write(graph)
            out = subprocess.run([AGON, "eval", path, "-s", semantics, "--json"], capture_output=True, text=True)
            if st != 200 or st2 != 200 or out.returncode != 0:
                check(False, "click %d under %s: %s %s" % (i, semantics, r, out.stderr))
                continue
            want, got = json.loads(out.stdout), r["result"]
            if "labels" in want:
                check(got.get("labels") == want["labels"], "click %d under %s: labels as from scratch" % (i, semantics))
            else:
                check(got["strength"].keys() == want["strength"].keys(), "click %d: the same claims" % i)
                worst = max([worst] + [abs(got["strength"][k] - want["strength"][k]) for k in want["strength"]])
                incremental += got.get("method") == "incremental"
            os.remove(path)
    check(worst <= 1e-9, "clicks under dfquad: strengths within 1e-9 of from scratch (%g)" % worst)
    check(incremental >= len(clicks) - 3, "clicks under dfquad were answered incrementally (%d)" % incremental)

    # Explanations and drawings of a what-if take the answer the clicks keep
    # (the map's own, or the what-if re-answered from the last one asked):
    # each equals `agon explain` and `agon hinge` from scratch on the what-if
    # exported as a file, and an exported drawing fills every claim as
    # `agon render` of that file does.
    def same(a, b):  # equal JSON, numbers within 1e-9 (gradual answers re-answered incrementally)
        if isinstance(a, dict):
            return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
        if isinstance(a, list):
            return isinstance(b, list) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
        if isinstance(a, float) or isinstance(b, float):
            return isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) <= 1e-9
        return a == b

    def fills(svg):
        text = svg.decode() if isinstance(svg, bytes) else svg
        return dict(re.findall(r'class="node">\s*<title>([^<]*)</title>.*?fill="([^"]*)"', text, re.S))

    for semantics, params in [("grounded", {}), ("grounded", {"support": "deductive"}),
                              ("grounded", {"support": "evidential"}), ("dfquad", {})]:
        flags = ["-s", semantics] + (["--support", params["support"]] if params else [])
        for i, click in enumerate(clicks[3:9]):
            what = "click %d under %s %s" % (i, semantics, params)
            s.post("/api/evaluate", {"semantics": semantics, "params": params, "whatif": click, "draw": False})
            path = os.path.join(work, "click.json")
            open(path, "wb").write(s.post("/api/export", {"format": "json", "whatif": click})[1])
            for claim in ["designation", "guard_needs_time"]:
                st, r = s.post("/api/explain", {"semantics": semantics, "params": params, "claim": claim, "whatif": click})
                why = subprocess.run([AGON, "explain", path, claim, "--json"] + flags, capture_output=True, text=True)
                hinge = subprocess.run([AGON, "hinge", path, claim, "--json", "--max-evaluations", "5000"] + flags,
                                       capture_output=True, text=True)
                # `agon hinge` exits 1 when no set changes the status.
                if st != 200 or why.returncode != 0 or hinge.returncode not in (0, 1):
                    check(False, "%s: explain %s: %s %s" % (what, claim, why.stderr, hinge.stderr))
                    continue
                check(same(r["explain"]["answer"], json.loads(why.stdout)), "%s: explain %s as from scratch" % (what, claim))
                got = {k: v for k, v in r["hinge"].items() if k != "text"}
                check(same(got, json.loads(hinge.stdout)), "%s: hinge of %s as from scratch" % (what, claim))
            st, svg = s.post("/api/export", {"format": "svg", "semantics": semantics, "params": params, "whatif": click})
            drawn = os.path.join(work, "click.svg")
            out = subprocess.run([AGON, "render", path, "-o", drawn] + flags, capture_output=True, text=True)
            if st != 200 or out.returncode != 0:
                check(False, "%s: export svg: %s" % (what, out.stderr))
                os.remove(path)
                continue
            want = fills(open(drawn).read())
            check(want and fills(svg) == want, "%s: the exported drawing is filled as from scratch" % what)
            os.remove(path)
            os.remove(drawn)

    st, r = s.post("/api/explain", {"semantics": "grounded", "claim": "designation"})
    check(st == 200 and "falls (out)" in r["explain"]["text"], "explain says it falls")
    check(any(a in r["explain"]["involved"] for a in ATTACKERS), "explain names an attacker")
    check("No set of up to 3 claims" in r["hinge"]["text"] and r["hinge"]["sets"] == [], "nine attackers: no small hinge")
    st, r = s.post("/api/explain", {"semantics": "grounded", "claim": "lack_of_results"})
    # Without sheinbaum_shift and guard_needs_time, lack_of_results and demand attack
    # each other and nothing settles it: undecided. No single claim does that.
    check(r["hinge"]["sets"] == [["sheinbaum_shift", "guard_needs_time"]], "hinge of lack_of_results: %s" % r["hinge"]["sets"])
    for ranking in ("burden", "burden-rank"):  # no threshold to cross: explained, with no hinge sets
        st, r = s.post("/api/explain", {"semantics": ranking, "claim": "designation"})
        check(st == 200 and r["hinge"]["sets"] == [] and "only ranks claims" in r["hinge"]["text"],
              "a click under %s is explained: %s %s" % (ranking, st, r))

    st, r = s.post("/api/evaluate", {"semantics": "grounded"})
    drawn_before = r["svg"]
    # Edits: a new claim attacking the treaty defeats it (nothing attacks the new claim).
    st, r = s.post("/api/edit", {"version": version, "ops": [
        {"op": "add_claim", "claim": {"id": "new", "text": "A treaty would take years", "tags": ["t"],
                                      "attributes": {"source": "test"}}},
        {"op": "add_edge", "edge": {"from": "new", "to": "treaty", "kind": "attack"}}]})
    check(st == 200 and r["version"] == version + 1, "an edit bumps the version")
    version = r["version"]
    st, r = s.post("/api/evaluate", {"semantics": "grounded"})
    check(r["result"]["labels"]["treaty"] == "out" and r["result"]["labels"]["new"] == "in", "the edit counts")
    drawn_after = r["svg"]

    st, r = s.post("/api/edit", {"version": version - 1, "ops": [{"op": "delete_claim", "id": "treaty"}]})
    check(is_error(st, r, 409), "a stale version gets 409")
    check(any(c["id"] == "treaty" for c in s.get("/api/map")[1]["claims"]), "and changes nothing")

    st, r = s.post("/api/edit", {"version": version, "ops": [
        {"op": "delete_claim", "id": "guns"}, {"op": "add_edge", "edge": {"from": "nobody", "to": "treaty"}}]})
    check(is_error(st, r, 400) and r["where"].startswith("ops[1]"), "a bad edit names its place")
    check(any(c["id"] == "guns" for c in s.get("/api/map")[1]["claims"]), "all or nothing")
    st, r = s.post("/api/edit", {"version": version, "ops": [{"op": "update_edge", "id": edge}]})
    check(is_error(st, r, 400) and "weight" in r["error"], "update_edge without a weight is refused (it reset it to 1)")

    st, r = s.post("/api/undo", {"version": version})
    version = r["version"]
    st, m = s.get("/api/map")
    check(not any(c["id"] == "new" for c in m["claims"]) and m["can_redo"], "undo")
    # Undo and redo bring back maps drawn already: their drawings are reused, not made again
    # (a 600-claim map took 0.2-0.3 s of Graphviz per undo).
    st, r = s.post("/api/evaluate", {"semantics": "grounded"})
    check(r["ms"]["draw"] == 0 and r["svg"] == drawn_before, "undo draws nothing again: %s" % r["ms"])
    st, r = s.post("/api/redo", {"version": version})
    version = r["version"]
    check(any(c["id"] == "new" for c in s.get("/api/map")[1]["claims"]), "redo")
    st, r = s.post("/api/evaluate", {"semantics": "grounded"})
    check(r["ms"]["draw"] == 0 and r["svg"] == drawn_after, "redo draws nothing again: %s" % r["ms"])
    # Two drawings are kept, the latest shown last: an edit after an undo keeps the map undone to.
    version = s.post("/api/undo", {"version": version})[1]["version"]
    s.post("/api/evaluate", {"semantics": "grounded"})  # as the page does after an undo
    st, r = s.post("/api/edit", {"version": version, "ops": [{"op": "add_claim", "claim": {"id": "other", "text": "x"}}]})
    version = r["version"]
    s.post("/api/evaluate", {"semantics": "grounded"})
    version = s.post("/api/undo", {"version": version})[1]["version"]
    st, r = s.post("/api/evaluate", {"semantics": "grounded"})
    check(r["ms"]["draw"] == 0 and r["svg"] == drawn_before, "an undo after an edit after an undo draws nothing again: %s" % r["ms"])
    st, r = s.post("/api/edit", {"version": version, "ops": [  # the edit again, for the saves below
        {"op": "add_claim", "claim": {"id": "new", "text": "A treaty would take years"}},
        {"op": "add_edge", "edge": {"from": "new", "to": "treaty", "kind": "attack"}}]})
    version = r["version"]

    # Saving: back to the file, and under a new plain name; path tricks are refused.
    st, r = s.post("/api/save", {"version": version})
    check(st == 200 and any(c["id"] == "new" for c in json.load(open(file))["claims"]), "saved to the file")
    st, r = s.post("/api/save", {"version": version, "name": "copy.argdown"})
    check(st == 200 and os.path.exists(os.path.join(work, "copy.argdown")), "save as")
    check(s.get("/api/map")[1]["file"] == "copy.argdown", "after save as, the map belongs to the new file")
    # Nothing the page has not seen is replaced unasked: another file, or a change made on disk.
    st, r = s.post("/api/save", {"version": version, "name": "debate.json"})
    check(is_error(st, r, 409) and r["where"] == "overwrite" and "already exists" in r["error"], "save as over another file asks")
    st, r = s.post("/api/save", {"version": version, "name": "debate.json", "overwrite": True})
    check(st == 200 and s.get("/api/map")[1]["file"] == "debate.json", "and goes ahead when told to")
    time.sleep(0.02)
    with open(file, "a") as f:
        f.write("\n")  # someone else's change (the graph reads the same)
    st, r = s.post("/api/save", {"version": version})
    check(is_error(st, r, 409) and "changed on disk" in r["error"], "a file changed on disk is not replaced unasked")
    st, r = s.post("/api/save", {"version": version, "overwrite": True})
    check(st == 200 and s.post("/api/save", {"version": version})[0] == 200, "saving anyway, then saving again")
    for bad in ["../evil.json", "/tmp/evil.json", ".hidden.json", "a/b.json", "..", "x\\y.json", "evil.json\u0000.txt"]:
        st, r = s.post("/api/save", {"version": version, "name": bad})
        check(is_error(st, r, 400), "path trick refused: " + bad)
    check(sorted(os.listdir(work)) == ["copy.argdown", "debate.json"], "and nothing was written")
    check(not os.path.exists(os.path.join(os.path.dirname(work), "evil.json")), "nothing outside")
    # Names that would lose part of the map, block the server, or write elsewhere.
    st, r = s.post("/api/save", {"version": version, "name": "x.aif"})
    check(is_error(st, r, 400) and not os.path.exists(os.path.join(work, "x.aif")), "no save as AIF, which drops supports")
    os.mkfifo(os.path.join(work, "pipe.json"))
    st, r = s.post("/api/save", {"version": version, "name": "pipe.json", "overwrite": True})
    check(is_error(st, r, 400) and "not a regular file" in r["error"], "a pipe is refused, not written into")
    check(s.get("/api/version")[0] == 200, "and the server still answers")
    os.remove(os.path.join(work, "pipe.json"))
    outside = os.path.join(os.path.dirname(work), "outside.json")
    os.symlink(outside, os.path.join(work, "link.json"))
    st, r = s.post("/api/save", {"version": version, "name": "link.json", "overwrite": True})
    check(is_error(st, r, 400) and "link" in r["error"] and not os.path.exists(outside), "a link out of the folder is refused")
    os.remove(os.path.join(work, "link.json"))
    moved = file + ".moved"
    os.rename(file, moved)
    st, r = s.post("/api/save", {"version": version})
    check(is_error(st, r, 409) and "deleted or moved" in r["error"], "a file gone from disk is said to be gone")
    os.rename(moved, file)
    st, r = s.post("/api/edit", {"version": version, "ops": [{"op": "add_claim"}]})
    check(is_error(st, r, 400) and "needs" in r["error"], "an add_claim without a claim is refused")
    st, r = s.request("DELETE", "/api/map")
    check(is_error(st, r, 405), "other methods get 405")

    # The Lua script of a what-if replays under agon run.
    st, r = s.post("/api/lua", {"semantics": "grounded", "name": "no attackers", "whatif": {"off": ATTACKERS}})
    script = os.path.join(work, r["file_name"])
    open(script, "w").write(r["script"])
    out = subprocess.run([AGON, "run", script, "--read", work, file], capture_output=True, text=True)
    check(out.returncode == 0 and re.search(r"designation.*out.*in", out.stdout), "the Lua script replays: " + out.stdout + out.stderr)
    os.remove(script)
    # A claim switched off twice is switched off; the script keeps numbers exactly.
    st, r = s.post("/api/evaluate", {"semantics": "grounded", "draw": False, "whatif": {"off": ["treaty", "treaty"]}})
    check(st == 200 and "treaty" not in r["result"]["labels"], "a repeated switch-off: %s %s" % (st, r))
    st, r = s.post("/api/lua", {"semantics": "dfquad", "name": "exact", "whatif": {"base": {"treaty": 0.1234567891}}})
    check(st == 200 and "0.1234567891" in r["script"], "the Lua script keeps the base exactly")

    # The static page: a repeated -s before the file takes one value each time.
    page = os.path.join(work, "page.html")
    out = subprocess.run([AGON, "export", "-s", "grounded", "-s", "hcat", file, "--html", page], capture_output=True, text=True)
    check(out.returncode == 0 and os.path.getsize(page) > 0, "export -s SEM FILE: " + out.stderr)
    # Each claim's hinge search stops at --max-evaluations, and the page says so.
    stopped = lambda html: len(re.findall(r"the search stopped after [0-9]+ evaluations; raise --max-evaluations", html))
    full = stopped(open(page).read())
    out = subprocess.run([AGON, "export", "-s", "grounded", "--max-evaluations", "1", file, "--html", page],
                         capture_output=True, text=True)
    check(out.returncode == 0 and stopped(open(page).read()) > full,
          "export --max-evaluations 1 stops hinge searches and says so: %s" % out.stderr)
    out = subprocess.run([AGON, "export", "--max-evaluations", "0", file, "--html", page], capture_output=True, text=True)
    check(out.returncode == 2 and "max-evaluations" in out.stderr, "export --max-evaluations 0 is refused: " + out.stderr)
    os.remove(page)
    # Claim text that opens an HTML comment or closes the script stays data
    # (an "<!--" once hid the page's script: a blank page).
    odd = os.path.join(work, "odd.json")
    json.dump({"format": "agon-graph", "version": 1, "claims": [{"id": "a", "text": "<!-- </script> x /*AGON_JS*/"}, {"id": "b"}],
               "edges": [{"id": "e1", "from": "a", "to": "b", "kind": "attack"}]}, open(odd, "w"))
    out = subprocess.run([AGON, "export", odd, "--html", page], capture_output=True, text=True)
    html = open(page).read() if out.returncode == 0 else ""
    check("\\u003c!-- \\u003c/script> x" in html and "<!--" not in html and html.count("</script>") == html.count("<script"),
          "export escapes '<' in the page's data: " + out.stderr)
    check("/*AGON_JS*/" in html and "<script>/*AGON_JS*/</script>" not in html,
          "a claim's text that spells a template marker stays data (the script went into it: a blank page)")
    os.remove(page)
    os.remove(odd)

    # Exports.
    st, body = s.post("/api/export", {"format": "argdown"})
    check(st == 200 and b"[designation]" in body, "export Argdown")
    st, body = s.post("/api/export", {"format": "svg", "semantics": "grounded"})
    check(st == 200 and body.lstrip().startswith(b"<?xml"), "export SVG")
    st, body = s.post("/api/export", {"format": "kialo"})
    check(is_error(st, body, 400), "no Kialo writer")

    # Hostile requests: 4xx JSON errors, nothing changed.
    before = s.get("/api/map")[1]
    st, r = s.post("/api/edit", raw=b'{"version": 3, "ops": [')
    check(is_error(st, r, 400), "malformed JSON")
    st, r = s.post("/api/edit", raw=b"[1, 2]")
    check(is_error(st, r, 400), "not an object")
    st, r = s.post("/api/edit", raw=b'{"version": "7", "ops": []}')
    check(is_error(st, r, 400), "wrong types")
    st, r = s.post("/api/edit", raw=b"{\"a\": \"\xff\xfe\"}")
    check(is_error(st, r, 400), "invalid UTF-8")
    st, r = s.post("/api/evaluate", raw=b'{"pad": "' + b"x" * (9 << 20) + b'"}')
    check(is_error(st, r, 413), "a huge body gets 413")
    st, r = s.post("/api/edit", {"version": version, "ops": [{"op": "delete_claim", "id": "treaty"}]},
                   headers={"Origin": "http://evil.example"})
    check(is_error(st, r, 403), "foreign Origin")
    st, r = s.post("/api/edit", {"version": version, "ops": [{"op": "delete_claim", "id": "treaty"}]},
                   headers={"Origin": "null"})
    check(is_error(st, r, 403), "null Origin")
    st, r = s.get("/api/map", headers={"Host": "attacker.example:%d" % s.port})
    check(is_error(st, r, 403), "DNS rebinding: foreign Host")
    st, r = s.post("/api/edit", raw=b'{"version": 1}', headers={"Content-Type": "text/plain"})
    check(is_error(st, r, 415), "a form post (not JSON) gets 415")
    st, r = s.post("/api/evaluate", {"semantics": "no-such"})
    check(is_error(st, r, 400), "unknown semantics")
    st, r = s.post("/api/evaluate", {"semantics": "dfquad", "params": {"epsilon": "-1"}})
    check(is_error(st, r, 400), "bad parameter")
    st, r = s.post("/api/explain", {"claim": "nobody"})
    check(is_error(st, r, 404), "unknown claim")
    st, r = s.post("/api/evaluate", {"whatif": {"off": ["nobody"]}})
    check(is_error(st, r, 404), "what-if on an unknown claim")
    st, r = s.get("/api/../../etc/passwd")
    check(st in (400, 403, 404) and b"root:" not in (r if isinstance(r, bytes) else json.dumps(r).encode()), "path in URL")
    for bad in ["../x", "/etc/passwd", ".profile", "a/b"]:
        st, r = s.post("/api/export", {"format": "json", "name": bad})
        check(is_error(st, r, 400), "export: path trick in the name " + bad)
    st, r = s.post("/api/open", {"name": "../x.json", "text": "{}"})
    check(is_error(st, r, 400), "open: path trick in the name")
    st, r = s.post("/api/open", {"name": "x.json", "text": '{"format":"agon-graph","version":1,"claims":[{"id":1}]}'})
    check(is_error(st, r, 400), "open: malformed map")
    after = s.get("/api/map")[1]
    check(after == before, "hostile requests changed nothing")

    # --watch: a change on disk is picked up.
    g = json.load(open(file))
    g["claims"].append({"id": "from_disk", "text": "written by an editor"})
    open(file, "w").write(json.dumps(g))
    deadline = time.time() + 5
    while time.time() < deadline and not any(c["id"] == "from_disk" for c in s.get("/api/map")[1]["claims"]):
        time.sleep(0.2)
    check(any(c["id"] == "from_disk" for c in s.get("/api/map")[1]["claims"]), "--watch reloads")
    # A file that no longer reads is seen, not taken in: saving over it still asks.
    good = open(file).read()
    open(file, "w").write(good[:len(good) // 2])
    deadline = time.time() + 5
    while time.time() < deadline and not s.get("/api/map")[1].get("watch_error"):
        time.sleep(0.2)
    m = s.get("/api/map")[1]
    st, r = s.post("/api/save", {"version": m["version"]})
    check(m.get("watch_error") and is_error(st, r, 409) and r["where"] == "overwrite",
          "--watch: a broken file on disk is not replaced unasked: %s %s" % (st, r))
    open(file, "w").write(good)
    s.stop()
    # A file made read-only stays as it is, even for root.
    os.chmod(file, 0o444)
    s = Server(AGON, file)
    version = s.get("/api/map")[1]["version"]
    st, r = s.post("/api/edit", {"version": version, "ops": [{"op": "set_title", "title": "x"}]})
    st, r = s.post("/api/save", {"version": r["version"]})
    check(is_error(st, r, 403) and "read-only" in r["error"] and open(file).read() == good, "a read-only file is refused")
    s.stop()
    os.chmod(file, 0o644)

    # Read-only, token, non-loopback host, evaluation time limit.
    s = Server(AGON, file, "--read-only")
    st, r = s.post("/api/edit", {"version": 1, "ops": [{"op": "delete_claim", "id": "treaty"}]})
    check(is_error(st, r, 403), "read-only refuses edits")
    st, r = s.post("/api/evaluate", {"whatif": {"off": ["treaty"]}})
    check(st == 200, "read-only still answers what-ifs")
    s.stop()

    s = Server(AGON, file, "--token", "s3cret")
    check("?token=s3cret" in s.banner, "the printed address carries the token")
    st, r = s.get("/api/map")
    check(is_error(st, r, 403), "no token")
    st, r = s.get("/api/map", headers={"X-Agon-Token": "wrong"})
    check(is_error(st, r, 403), "wrong token")
    st, r = s.get("/api/map", headers={"X-Agon-Token": "s3cret"})
    check(st == 200, "right token")
    st, r = s.get("/?token=s3cret")
    check(st == 200 and b"<html" in r, "the page with the token in the address")
    s.stop()

    s = Server(AGON, file, "--host", "0.0.0.0")
    m = re.search(r"token ([0-9a-f]{32})", s.banner)
    check(m is not None, "a non-loopback host gets a generated token")
    st, r = s.get("/api/map", headers={"Host": "0.0.0.0:%d" % s.port})
    check(is_error(st, r, 403), "and needs it")
    # Listening on every address, the machine is reached under any of its names (with the token;
    # every client was refused for its Host header), and the banner names the machine.
    for name in ("127.0.0.1", "localhost", "192.0.2.7"):
        st, r = s.get("/api/map", headers={"Host": "%s:%d" % (name, s.port), "X-Agon-Token": m.group(1)})
        check(st == 200, "0.0.0.0 reached as %s: %s %s" % (name, st, r))
    st, r = s.get("/api/map", headers={"Host": "192.0.2.7:%d" % s.port, "X-Agon-Token": m.group(1),
                                       "Origin": "http://evil.example:%d" % s.port})
    check(is_error(st, r, 403), "a request from another site is refused")
    check("0.0.0.0" not in s.banner.splitlines()[-1], "the printed address names the machine: " + s.banner)
    s.stop()

    # A server killed (SIGKILL) while saving a large map leaves the file
    # either as it was or fully saved, never cut short.
    large = os.path.join(work, "large.json")
    n = 30000
    json.dump({"format": "agon-graph", "version": 1, "title": "large",
               "claims": [{"id": "c%d" % i, "text": "claim %d %s" % (i, "words " * 8)} for i in range(n)],
               "edges": [{"from": "c%d" % i, "to": "c%d" % (i // 2), "kind": "attack"} for i in range(1, n)]},
              open(large, "w"))
    old_bytes = open(large, "rb").read()
    outcomes = []
    for delay in [0.0, 0.005, 0.02, 0.05, 0.1, 0.2, 0.4]:
        s = Server(AGON, large)
        version = s.get("/api/map")[1]["version"]
        st, r = s.post("/api/edit", {"version": version, "ops": [{"op": "add_claim", "claim": {"id": "late", "text": "x"}}]})
        c = http.client.HTTPConnection("127.0.0.1", s.port, timeout=30)
        c.request("POST", "/api/save", body=json.dumps({"version": r["version"]}),
                  headers={"Host": "127.0.0.1:%d" % s.port, "Content-Type": "application/json"})
        time.sleep(delay)
        s.proc.kill()
        s.proc.wait()
        data = open(large, "rb").read()
        if data == old_bytes:
            outcomes.append("old")
        else:
            try:
                saved = json.loads(data)
                outcomes.append("new" if len(saved["claims"]) == n + 1 else "wrong")
            except ValueError:
                outcomes.append("partial")
        open(large, "wb").write(old_bytes)
    check(all(o in ("old", "new") for o in outcomes), "killed during a save: old or new file, never partial: %s" % outcomes)
    print("kill -9 during save:", outcomes)

    # Ctrl-C (SIGTERM here) stops the server at once even while Graphviz is
    # still laying the large map out.
    s = Server(AGON, large)
    started = time.time()
    s.proc.terminate()
    try:
        s.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        s.proc.kill()
        s.proc.wait()
    check(time.time() - started < 10 and "still being laid out" in s.proc.stdout.read(),
          "SIGTERM during the start-up layout stops the server at once")
    # ...and the layout processes of every server killed above went with them.
    time.sleep(0.5)
    left = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if large.encode() in open("/proc/%s/cmdline" % pid, "rb").read():
                left.append(pid)
        except OSError:
            pass
    check(not left, "no layout process outlives its killed server: %s" % left)

    # A dense 3000-claim framework: preferred semantics cannot finish in 1 ms.
    big = os.path.join(work, "big.apx")
    with open(big, "w") as f:
        n = 3000
        f.write("".join("arg(a%d).\n" % i for i in range(n)))
        f.write("".join("att(a%d,a%d).\n" % (i, (i * 7 + k) % n) for i in range(n) for k in (1, 2, 3)))
    s = Server(AGON, big, "--timeout", "0.001")
    st, r = s.post("/api/evaluate", {"semantics": "preferred"})
    check(is_error(st, r, 422) and "time limit" in r["error"], "the evaluation time limit gives 422")
    s.stop()
    check(open(file, "rb").read() != original, "(the file was saved above)")
finally:
    shutil.rmtree(work, ignore_errors=True)

print("%d failure(s)" % len(failures) if failures else "workbench API tests: ok")
sys.exit(1 if failures else 0)
