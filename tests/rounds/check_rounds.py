#!/usr/bin/env python3
"""agon round end to end: decisions of every shipped paradigm on hand-checked
flows (worked out by hand from the definitions in docs/rounds.md), the JSON
shape, located errors with exit 2, paradigms stopped by the sandbox, the flow
sheet, round trips, and the Mexico-U.S. example with its what-if.
Usage: check_rounds.py AGON SOURCE_DIR"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

agon, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
flows = os.path.join(src, "tests", "rounds", "flows")
bad = os.path.join(src, "tests", "rounds", "bad")
failures = []


def run(*args, timeout=120):
    return subprocess.run([agon, *args], capture_output=True, text=True, timeout=timeout)


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL", what)


def decision(flow, paradigm):
    p = run("round", os.path.join(flows, flow), "--paradigm", paradigm, "--json")
    check(p.returncode == 0, f"{flow} {paradigm}: exit {p.returncode} {p.stderr}")
    return json.loads(p.stdout)["decision"] if p.returncode == 0 else {"winner": None, "totals": {}}


p = run("round", "--paradigms")
check(p.stdout == "lay\npf-offence\ntech\ntruth\n", f"--paradigms: {p.stdout!r}")
p = run("round", "--formats")
check(p.stdout.split() == ["asian-parliamentary", "british-parliamentary", "lincoln-douglas", "policy",
                           "public-forum", "world-schools"], f"--formats: {p.stdout!r}")

# Winner and weighed offence per side, by hand (see the comments in each flow).
expected = {
    ("policy_small.flow", "tech"): ("aff", {"aff": 0.50625, "neg": 0.05625}),
    ("policy_small.flow", "pf-offence"): ("aff", {"aff": 0.50625, "neg": 0.05625}),
    ("policy_small.flow", "truth"): ("aff", {"aff": 0.0703125, "neg": 0.0140625}),
    ("policy_small.flow", "lay"): ("aff", {"aff": 0.45, "neg": 0.05}),
    ("ld_drop.flow", "tech"): ("aff", {"aff": 0.455625, "neg": 0}),
    ("ld_drop.flow", "pf-offence"): ("aff", {"aff": 0.455625, "neg": 0}),
    ("ld_drop.flow", "truth"): ("neg", {"aff": 0, "neg": 0.140625 * 0.9 * 0.63}),
    ("ld_drop.flow", "lay"): ("aff", {"aff": 0.729, "neg": 0}),
    ("pf_offence.flow", "tech"): ("pro", {"pro": 0.225, "con": 0.1125}),
    ("pf_offence.flow", "pf-offence"): ("con", {"pro": 0.05625, "con": 0.1125}),
    ("pf_offence.flow", "truth"): ("pro", {"pro": 0.0421875 + 0.017578125, "con": 0.028125}),
    ("pf_offence.flow", "lay"): ("pro", {"pro": 0.2, "con": 0.1}),
}
for (flow, paradigm), (winner, totals) in expected.items():
    d = decision(flow, paradigm)
    check(d["winner"] == winner, f"{flow} {paradigm}: winner {d['winner']}, expected {winner}")
    for side, w in totals.items():
        got = d["totals"].get(side)
        check(got is not None and abs(got - w) < 1e-9, f"{flow} {paradigm}: {side} {got}, expected {w}")

# The JSON shape and status spellings, after a chosen speech.
p = run("round", os.path.join(flows, "policy_small.flow"), "--after", "1NC", "--json")
doc = json.loads(p.stdout)
check(doc["speeches"] == ["1AC", "1NC"], f"--after speeches {doc['speeches']}")
check({a["id"]: a["status"] for a in doc["arguments"]} == {"a1": "answered", "a2": "dropped", "n1": "open", "d1": "open"},
      f"--after 1NC statuses {doc['arguments']}")
check(all({"id", "speech", "side", "status"} <= set(a) for a in doc["arguments"]), "argument keys")
check({"winner", "reasons"} <= set(doc["decision"]), "decision keys")
spellings = {"open", "answered", "dropped", "extended", "conceded", "turned", "new-in-rebuttal"}
p = run("round", os.path.join(src, "graphs", "rounds", "mexico_fto.flow"), "--json")
doc = json.loads(p.stdout)
seen = {a["status"] for a in doc["arguments"]}
check(seen <= spellings and {"dropped", "extended", "conceded", "turned", "new-in-rebuttal"} <= seen, f"statuses {seen}")

# The example: two paradigms, two decisions, both explained.
tech, truth = decision("../../../graphs/rounds/mexico_fto.flow", "tech"), decision("../../../graphs/rounds/mexico_fto.flow", "truth")
check(tech["winner"] == "aff" and truth["winner"] == "neg", f"mexico: tech {tech['winner']}, truth {truth['winner']}")
check(any("turned" in r and "buyers, 1AR" in r and "dropped it in the 2NR" in r for r in tech["reasons"]), "tech RFD cites the turn")
check(any("too weak to stand" in r for r in truth["reasons"]), "truth RFD explains a weak argument")
with tempfile.TemporaryDirectory() as out:
    p = subprocess.run([agon, "run", "--out", "out", os.path.join(src, "graphs", "rounds", "what_if_turn_answered.lua")],
                       capture_output=True, text=True, timeout=120, cwd=out)
    check(p.returncode == 0 and "tech   neg" in p.stdout.split("Had the Negative")[-1], f"what-if: {p.stdout} {p.stderr}")

# The negative block (2NC + 1NR) answers the 2AC as one: a 1NR answer is not late,
# and what neither speech answers is dropped in the 1NR.
block = {a["id"]: a for a in json.loads(run("round", os.path.join(flows, "policy_block.flow"), "--json").stdout)["arguments"]}
check(block["adv2"]["answered_by"] == ["a2"] and block["adv2"]["status"] == "extended", f"block split: {block['adv2']}")
check(block["nolink"]["status"] == "dropped" and block["nolink"]["dropped_in"] == "1NR", f"block drop: {block['nolink']}")
mid = {a["id"]: a for a in json.loads(run("round", os.path.join(flows, "policy_block.flow"), "--after", "2NC", "--json").stdout)["arguments"]}
check(mid["nolink"]["status"] == "open", f"judged after the 2NC, the 1NR still to come: not dropped yet: {mid['nolink']}")

# A turn not extended is not weighed, yet it still answers the disadvantage it turned.
turned = json.loads(run("round", os.path.join(flows, "policy_dropped_turn.flow"), "--json").stdout)
stands = {a["id"]: a["stands"] for a in turned["arguments"]}
check(turned["decision"]["winner"] == "aff" and not stands["da"] and "t" not in turned["decision"]["on"],
      f"a dropped turn still takes out the disad: {turned['decision']}")

# A cross-application sits in the column of the speech that made it, not displaced into the
# answered cell by the extension it implies; a cycle of answers is "undecided" in the table and
# on the sheet, as the RFD says, not "falls".
cross = os.path.join(flows, "policy_cross_apply.flow")
p = run("round", cross)
check(p.returncode == 0 and "the Negative wins" in p.stdout and
      [l.split()[5] for l in p.stdout.splitlines() if l.startswith(("adv ", "nolink "))] == ["undecided"] * 2,
      f"cycle of answers in the table: {p.stdout}")
with tempfile.TemporaryDirectory() as out:
    dot = os.path.join(out, "x.dot")
    run("round", cross, "-o", dot)
    dot = open(dot).read() if os.path.exists(dot) else ""
    check('BGCOLOR="white"><I>cross-apply adv (1AC)</I></TD>' in dot and dot.count("EXT adv") == 1 and
          dot.count("<B>undecided</B>") == 2 and "falls" not in dot.split("Each response")[0], f"cross-application sheet: {dot}")

# An answer cross-applied in a later speech is cited with the speech that applied it,
# not only the one that made it (before: "(joint, 2AC)", as if the 2AC had answered the 2NC).
p = run("round", os.path.join(flows, "policy_cross_applied_answer.flow"))
check(p.returncode == 0 and "(sov, 2NC) falls to" in p.stdout and "(joint, 2AC; cross-applied in the 1AR)" in p.stdout
      and "(cost, 1NC) falls to “joint operations share the cost and keep each country's sovereignty whole” (joint, 2AC);"
      in p.stdout, f"cross-applied answer in the RFD: {p.stdout}")

# The guide's first example flow (docs/rounds.md, "Typing a flow") reads and is judged.
guide = open(os.path.join(src, "docs", "rounds.md")).read().split("## Typing a flow", 1)[1].split("```")[1]
with tempfile.TemporaryDirectory() as out:
    example = os.path.join(out, "example.flow")
    with open(example, "w") as f:
        f.write(guide.lstrip("\n"))
    p = run("round", example)
    check(p.returncode == 0 and "the Affirmative wins" in p.stdout, "the guide's example flow: " + p.stderr)

# Speeches that made no moves: statuses, the decision and the RFD after them (see the flow's comments),
# and a round trip through JSON and the text form.
empty = os.path.join(flows, "policy_empty_speeches.flow")
doc = json.loads(run("round", empty, "--after", "2AC", "--json").stdout)
st = {a["id"]: (a["status"], a.get("dropped_in")) for a in doc["arguments"]}
check(doc["speeches"] == ["1AC", "1NC", "2AC"] and doc["after"] == "2AC" and st ==
      {"a1": ("answered", None), "a2": ("dropped", "1NC"), "n1": ("dropped", "2AC"), "d1": ("dropped", "2AC")},
      f"after a silent 2AC: {doc['speeches']} {st}")
d = decision("policy_empty_speeches.flow", "tech")
check(d["winner"] == "neg" and abs(d["totals"]["neg"] - 0.16875) < 1e-12 and d["totals"]["aff"] == 0 and
      any("dropped it in the 2AC" in r for r in d["reasons"]) and
      any("(a2, 1AC) is not weighed: it was not extended into the 2AR" in r for r in d["reasons"]), f"forfeited 2AR: {d}")
p = run("round", empty, "--after", "2NR", "--json")
check(json.loads(p.stdout)["decision"]["winner"] == "aff", "judged before the forfeited 2AR")
with tempfile.TemporaryDirectory() as out:
    as_json, as_text = os.path.join(out, "e.json"), os.path.join(out, "e.flow")
    run("round", empty, "--export", as_json)
    run("round", as_json, "--export", as_text)
    reports = [run("round", f, "--json").stdout for f in (empty, as_json, as_text)]
    check(reports[0] == reports[1] == reports[2] and reports[0] and "2AR nothing: forfeited" in open(as_text).read(),
          "empty speeches survive JSON and the text form")

# Malformed flows: one located line on stderr, exit 2, nothing on stdout.
for name, where in [("unknown_target.flow", ":3:16:"), ("out_of_order.flow", ":5:1:"), ("twice_in_a_row.flow", ":4:1:"),
                    ("unknown_speech.flow", ":3:1:"), ("unknown_move.flow", ":3:5:"), ("bad_weighing.flow", ":2:15:"),
                    ("unclosed_weighing.flow", ":2:20:"), ("missing_speech.json", ":4:5:"),
                    ("unknown_format.flow", ":1:1:"), ("unclosed.csv", ":2:1:"), ("unknown_target.json", ":3:2:"),
                    ("empty_speech_with_move.flow", ":4:1:")]:
    p = run("round", os.path.join(bad, name))
    lines = p.stderr.strip().splitlines()
    check(p.returncode == 2 and p.stdout == "" and len(lines) == 1 and
          lines[0].startswith("agon: error: " + os.path.join(bad, name) + where), f"{name}: {p.returncode} {p.stderr!r}")

# Paradigms that loop or allocate are stopped by the sandbox; bad rules are named.
for name, message, extra in [("loop.lua", "time limit", ["--timeout", "1"]), ("loop_in_weigh.lua", "time limit", ["--timeout", "1"]),
                             ("alloc.lua", "memory limit", ["--max-memory", "32", "--timeout", "30"]),
                             ("bad_rule.lua", "unknown rule 'dropped_is_ture'", []),
                             ("nan_weigh.lua", "a weight must be a finite number", []),
                             ("bad_threshold.lua", "threshold 1.5 is outside [0,1]", []),
                             ("typo_role.lua", "offence_in names the role 'final_focus'", []),
                             ("ranking.lua", "burden only ranks claims", [])]:
    p = run("round", os.path.join(flows, "policy_small.flow"), "--paradigm", os.path.join(bad, name), *extra, timeout=60)
    check(p.returncode == 2 and message in p.stderr and p.stdout == "", f"{name}: {p.returncode} {p.stderr!r}")

# The flow sheet, and round trips through the text and JSON forms.
with tempfile.TemporaryDirectory() as out:
    sheet = os.path.join(out, "sheet.svg")
    p = run("round", os.path.join(src, "graphs", "rounds", "mexico_fto.flow"), "-o", sheet)
    svg = open(sheet).read() if os.path.exists(sheet) else ""
    check(p.returncode == 0 and "<svg" in svg and "DROPPED" in svg and "TURN" in svg and "2AR" in svg, "flow sheet")
    p = run("round", os.path.join(flows, "policy_small.flow"), "-o", os.path.join(out, "sheet.txt"))
    check(p.returncode == 2 and not os.path.exists(os.path.join(out, "sheet.txt")), "bad sheet extension")
    # --export over the flow itself is refused: it once replaced the coach's file, comments lost.
    mine = os.path.join(out, "mine.flow")
    shutil.copy(os.path.join(src, "graphs", "rounds", "mexico_fto.flow"), mine)
    before = open(mine).read()
    p = run("round", mine, "--export", mine)
    check(p.returncode == 2 and "is the input file" in p.stderr and p.stdout == "" and open(mine).read() == before,
          f"--export over the flow: {p.returncode} {p.stderr!r}")
    as_json, as_text = os.path.join(out, "r.json"), os.path.join(out, "r.flow")
    run("round", os.path.join(flows, "pf_offence.flow"), "--export", as_json)
    run("round", as_json, "--export", as_text)
    reports = [run("round", f, "--json").stdout for f in (os.path.join(flows, "pf_offence.flow"), as_json, as_text)]
    check(reports[0] == reports[1] == reports[2] and reports[0], "text -> JSON -> text keeps the round")
    # Braces in a text, a format file beside the flow, a text over two lines.
    shutil.copy(os.path.join(src, "graphs", "rounds", "formats", "policy.json"), os.path.join(out, "league.json"))
    braces = os.path.join(out, "braces.json")
    with open(braces, "w") as f:
        json.dump({"format": "agon-round", "version": 1, "debate_format": "league.json", "moves": [
            {"speech": "1AC", "move": "new", "id": "a", "text": "a set {m=1} of things}"},
            {"speech": "1NC", "move": "attack", "id": "b", "targets": ["a"], "text": "b {}", "weighing": {"magnitude": 0.5}}]}, f)
    back = os.path.join(out, "braces.flow")
    p = run("round", braces, "--export", back)
    texts = [run("round", f, "--json").stdout for f in (braces, back)]
    check(p.returncode == 0 and "format: league.json" in open(back).read() and texts[0] == texts[1] and texts[0],
          "braces and a format file survive the text form: " + p.stderr)
    closed = os.path.join(out, "closed.flow")  # braces closed inside a text are text, not a forgotten '}'
    with open(closed, "w") as f:
        f.write("format: policy\n1AC new a: costs {see card=5} are high\n1NC new b: sets {a, b} where a=b\n")
    p = run("round", closed, "--json")
    check(p.returncode == 0 and [a["text"] for a in json.loads(p.stdout)["arguments"]] ==
          ["costs {see card=5} are high", "sets {a, b} where a=b"], "closed braces in a text: " + p.stderr)
    with open(braces, "w") as f:
        json.dump({"format": "agon-round", "version": 1, "moves": [{"speech": "1AC", "id": "a", "text": "one\ntwo"}]}, f)
    p = run("round", braces, "--export", back + "2")
    check(p.returncode == 2 and "spans several lines" in p.stderr and not os.path.exists(back + "2"), "a two-line text")

print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
