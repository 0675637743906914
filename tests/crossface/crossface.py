#!/usr/bin/env python3
"""The same questions through the command line (--json), the C API and Lua
must give byte-identical JSON; a few answers are also checked against values
worked out by hand for faces.json (docs/semantics.md):
  - a attacks b, but z undercuts that attack (e1): b stands, and its
    explanation names the edge e1 as the attacker z answers;
  - p supports q, r attacks q: q falls; read deductively (p accepted means
    q accepted) r also attacks p, so p falls too, r being its in-attacker.
Usage: crossface.py AGON AGON_CROSSFACE_C"""
import json, os, subprocess, sys, tempfile

agon, cface = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
graph = os.path.join(here, "faces.json")

# QUESTION SEMANTICS CLAIM|- [k=v ...]
questions = [
    "eval grounded -", "eval grounded - support=deductive", "eval preferred - support=necessary", "eval dfquad -",
    "extensions preferred -", "extensions preferred - support=deductive",
    "explain grounded b", "explain grounded p", "explain grounded p support=deductive",
    "explain preferred q support=necessary", "explain stable b", "explain dfquad b", "explain grounded q support=evidential",
    "hinge grounded b", "hinge dfquad q",
    "diff grounded z", "diff dfquad z",
]

def cli_answers(tmp):
    # The scenario "without z" as a file for `agon diff`.
    g = json.load(open(graph))
    g["claims"] = [c for c in g["claims"] if c["id"] != "z"]
    g["edges"] = [e for e in g["edges"] if e["from"] != "z"]
    without = os.path.join(tmp, "without_z.json")
    json.dump(g, open(without, "w"))
    out = []
    for q in questions:
        question, semantics, claim, *params = q.split()
        support = [p.split("=")[1] for p in params if p.startswith("support=")]
        args = [agon, question, graph] + ([claim] if question in ("explain", "hinge") else [])
        if question == "diff":
            args = [agon, "diff", graph, without]
        args += ["-s", semantics, "--json"] + (["--support", support[0]] if support else [])
        p = subprocess.run(args, capture_output=True, text=True, timeout=60)
        out.append(p.stdout.rstrip("\n") if p.returncode in (0, 1) else "error: " + p.stderr.strip())
    return out

def run(args):
    p = subprocess.run(args + questions, capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        print(p.stderr)
    return p.stdout.rstrip("\n").split("\n")

failed = 0
with tempfile.TemporaryDirectory() as tmp:
    cli = cli_answers(tmp)
    c = run([cface, graph])
    lua = run([agon, "run", "--out", tmp, os.path.join(here, "faces.lua"), graph])
for i, q in enumerate(questions):
    answers = {"cli": cli[i] if i < len(cli) else None, "c": c[i] if i < len(c) else None,
               "lua": lua[i] if i < len(lua) else None}
    if len(set(answers.values())) != 1 or answers["cli"].startswith("error"):
        failed += 1
        print(f"FAIL {q}:\n" + "\n".join(f"  {k}: {v}" for k, v in answers.items()))

def answer(q):
    return json.loads(cli[questions.index(q)])

# Hand-checked answers.
expect = [
    (answer("eval grounded -")["labels"], {"a": "in", "b": "in", "z": "in", "p": "in", "q": "out", "r": "in"}),
    (answer("eval grounded - support=deductive")["labels"]["p"], "out"),
    (answer("explain grounded b")["defeats"], [{"defender": "z", "attacker": "e1"}]),
    (answer("explain grounded p")["defeats"], []),
    (answer("explain grounded p support=deductive")["label"], "out"),
    (answer("explain grounded p support=deductive")["defeats"][0], {"defender": "r", "attacker": "p"}),
    (answer("extensions preferred -")["extensions"], [["a", "b", "z", "p", "r"]]),
    (answer("extensions preferred - support=deductive")["extensions"], [["a", "b", "z", "r"]]),
    (answer("hinge grounded b")["sets"], [["z"]]),
    (answer("diff grounded z"), [{"id": "b", "before": "in", "after": "out"}, {"id": "z", "before": "in", "after": None}]),
]
for got, want in expect:
    if got != want:
        failed += 1
        print(f"FAIL hand-checked: got {got}, want {want}")
# The dispute tree in words when an undercut attack is inactive because its
# source falls: c attacks a, so a's attack e1 on b (undercut by z, whom w
# defeats) is answered by c, in one step that names the edge.
with tempfile.TemporaryDirectory() as tmp:
    source_falls = os.path.join(tmp, "source_falls.json")
    json.dump({"format": "agon-graph", "version": 1,
               "claims": [{"id": x} for x in "abzcw"],
               "edges": [{"id": "e1", "from": "a", "to": "b", "kind": "attack"},
                         {"id": "u1", "from": "z", "to": "e1", "kind": "undercut"},
                         {"id": "e2", "from": "c", "to": "a", "kind": "attack"},
                         {"id": "e3", "from": "w", "to": "z", "kind": "attack"}]}, open(source_falls, "w"))
    text = subprocess.run([agon, "explain", source_falls, "b"], capture_output=True, text=True).stdout
    if "the attack e1 (a on b) attacks b, but it falls because c attacks its source." not in text:
        failed += 1
        print("FAIL dispute tree through an inactive undercut attack:\n" + text)
    # The same attack in a preferred witness's defence (it used to be left out).
    text = subprocess.run([agon, "explain", source_falls, "b", "-s", "preferred"], capture_output=True, text=True).stdout
    if "the attack e1 (a on b) attacks b, but it falls because c attacks its source." not in text:
        failed += 1
        print("FAIL witness defence through an inactive undercut attack:\n" + text)
# A count asked for as JSON is an object too (it used to be a bare number).
p = subprocess.run([agon, "extensions", graph, "--count", "--json"], capture_output=True, text=True, timeout=60)
if p.returncode != 0 or json.loads(p.stdout) != {"semantics": "preferred", "complete": True, "count": 1}:
    failed += 1
    print(f"FAIL extensions --count --json: {p.returncode} {p.stdout!r} {p.stderr!r}")
print(f"{len(questions)} questions through 3 faces, {len(expect)} hand-checked answers, {failed} failed")
sys.exit(1 if failed else 0)
