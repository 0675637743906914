#!/usr/bin/env python3
"""Run agon over real files and check each against counts computed here, from
the file itself (stdlib only; nothing is fetched).

usage: check_corpus.py --agon PATH [--verbose] [DIR ...]

DIR defaults to tests/realworld/corpus. Every file below DIR is checked by its
kind (.argdown/.ad, .json, .txt, .yml/.yaml, .i23/.af/.apx/.tgf); NAME.expect.json sidecars hold
another tool's own expectations (e.g. Argdown's test suite) for NAME.argdown.

What is compared, per format:
  AIF / xAIF   I-nodes = statements, RA-nodes = arguments, and the supports,
               attacks and undercuts the node types imply (FORMATS.md section 3).
  Kialo        numbered lines = claims (links excluded); Pro/Con lines with a
               parent = supports/attacks.
  Carneades    every statement key is a claim, one argument claim per argument
               key, and the labels of the file's `tests:` (or `labels:`) block from
               `agon eval --semantics carneades`.
  ICCMA        i23/af, apx, tgf: arguments and distinct attacks.
  Argdown      every [title]: and <title>: definition is a claim of that kind; no
               claim text swallowed a relation, inference or list line; with a
               sidecar, the statement/argument/relation counts Argdown reports.
A file may also fail cleanly: exit 2 with one located "file:line:col" error is
a pass only for files listed in DIR/UNSUPPORTED (one name a line).
DIR/KNOWN_FAILURES lists "name: reason" for differences not fixed yet: they are
run and reported as known, and a listed file that passes is reported too.
Prints one line per failure and "N passed, M failed"; exit 1 if any failed."""
import argparse
import json
import os
import re
import subprocess
import sys

TIMEOUT = 60


class Failure(Exception):
    pass


def run(agon, *args):
    p = subprocess.run([agon, *args], capture_output=True, text=True, timeout=TIMEOUT)
    return p.returncode, p.stdout, p.stderr


def convert(agon, path, fmt=None):
    extra = ["--from", fmt] if fmt else []
    code, out, err = run(agon, "convert", path, *extra, "--to", "json")
    if code != 0:
        raise Failure(f"exit {code}: {err.strip()[:300]}")
    return json.loads(out)


def counts(graph):
    c = {"statements": 0, "arguments": 0, "support": 0, "attack": 0, "undercut": 0}
    for claim in graph["claims"]:
        c[claim.get("kind", "statement") + "s"] += 1
    for edge in graph["edges"]:
        c[edge["kind"]] += 1
    return c


def compare(expected, got):
    diff = [f"{k}: expected {v}, agon {got.get(k)}" for k, v in expected.items() if got.get(k) != v]
    if diff:
        raise Failure("; ".join(diff))


# ---------------------------------------------------------------- AIF
def check_aif(agon, path):
    doc = json.load(open(path, encoding="utf-8"))
    aif = doc["AIF"] if isinstance(doc.get("AIF"), dict) else doc
    ids = lambda v: str(v)
    kind = {ids(n["nodeID"]): n.get("type", "") for n in aif.get("nodes", [])}
    out, into = {}, {}
    for e in aif.get("edges", []):
        f, t = ids(e["fromID"]), ids(e["toID"])
        out.setdefault(f, []).append(t)
        into.setdefault(t, []).append(f)
    expected = {"statements": 0, "arguments": 0, "support": 0, "attack": 0, "undercut": 0}
    content = ("I", "RA")
    for n, k in kind.items():
        if k == "I":
            expected["statements"] += 1
        elif k == "RA":
            expected["arguments"] += 1
            expected["support"] += sum(kind[s] in content for s in into.get(n, []))
            expected["support"] += sum(kind[t] == "I" for t in out.get(n, []))
    for n, k in kind.items():
        if k not in ("CA", "MA"):
            continue
        for s in into.get(n, []):
            if kind[s] not in content:
                continue
            for t in out.get(n, []):
                if k == "MA" and kind[t] == "I":
                    expected["support"] += 1
                elif k == "CA" and kind[t] == "I":
                    expected["attack"] += 1
                elif k == "CA" and kind[t] == "RA":
                    # an undercut when the RA has a conclusion, else an attack
                    has_conclusion = any(kind[c] == "I" for c in out.get(t, []))
                    expected["undercut" if has_conclusion else "attack"] += 1
    compare(expected, counts(convert(agon, path)))


# ---------------------------------------------------------------- Kialo
KIALO_LINE = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s+(?:(pro|con):\s*)?(.*)$", re.I)


def check_kialo(agon, path):
    claims, edges = 0, {"support": 0, "attack": 0}
    for line in open(path, encoding="utf-8"):
        m = KIALO_LINE.match(line)
        if not m:
            continue
        number, polarity, text = m.groups()
        if not text.lower().startswith("-> see"):
            claims += 1
        if polarity and "." in number:
            edges["support" if polarity.lower() == "pro" else "attack"] += 1
    got = counts(convert(agon, path, "kialo"))
    compare({"statements": claims, **edges}, got)


# ---------------------------------------------------------------- Carneades
def yaml_blocks(text):
    """Top-level keys -> their indented lines (a reading of the block structure
    that Carneades files use; flow lists [a, b] are split on commas)."""
    blocks, key = {}, None
    for raw in text.splitlines():
        line = raw.split(" #")[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        if not line[0].isspace():
            key, _, rest = line.partition(":")
            blocks[key.strip()] = [rest.strip()] if rest.strip() else []
        elif key:
            blocks[key].append(line)
    return blocks


def child_keys(lines):
    """Keys of the first indentation level of a block."""
    if not lines:
        return []
    indent = min(len(l) - len(l.lstrip()) for l in lines if not l.strip().startswith("-")) if any(
        not l.strip().startswith("-") for l in lines) else None
    keys = []
    for l in lines:
        if indent is not None and len(l) - len(l.lstrip()) == indent and not l.strip().startswith("-"):
            keys.append(re.split(r":(\s|$)", l.strip(), maxsplit=1)[0].strip().strip("'\""))
    return keys


def listed(value):
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        return [v.strip().strip("'\"") for v in split_terms(value[1:-1]) if v.strip()]
    return [value.strip("'\"")] if value else []


def split_terms(s):
    """Split on commas outside parentheses (terms such as p(a, b))."""
    out, depth, cur = [], 0, ""
    for ch in s:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return out + [cur]


def tests_block(lines):
    joined = []  # a flow list may continue over several lines
    for l in lines:
        if joined and joined[-1].count("[") > joined[-1].count("]"):
            joined[-1] += " " + l.strip()
        else:
            joined.append(l)
    labels, current = {}, None
    for l in joined:
        s = l.strip()
        m = re.match(r"(in|out|undecided)\s*:\s*(.*)$", s)
        if m:
            current = m.group(1)
            for t in listed(m.group(2)):
                labels[t] = current
        elif s.startswith("-") and current:
            labels[s[1:].strip().strip("'\"")] = current
    return labels


def term(s):
    return s.replace(" ", "") if "(" in s else s


def check_carneades(agon, path):
    text = open(path, encoding="utf-8").read()
    blocks = yaml_blocks(text)
    graph = convert(agon, path, "carneades")
    claims = {c["id"]: c.get("kind", "statement") for c in graph["claims"]}
    missing = [s for s in child_keys(blocks.get("statements", [])) if claims.get(term(s)) != "statement"]
    if missing:
        raise Failure(f"statements not imported: {missing[:5]}")
    arguments = child_keys(blocks.get("arguments", []))
    got = sum(k == "argument" for k in claims.values())
    if got < len(arguments):
        raise Failure(f"arguments: file has {len(arguments)}, agon {got}")
    # Carneades reads `tests:`; some examples write their expectations as `labels:`.
    expected = tests_block(blocks.get("tests") or blocks.get("labels", []))
    if expected:
        code, out, err = run(agon, "eval", path, "--semantics", "carneades", "--json")
        if code != 0:
            raise Failure(f"eval exit {code}: {err.strip()[:300]}")
        labels = json.loads(out)["labels"]
        wrong = [f"{s}: expected {l}, agon {labels.get(term(s))}" for s, l in expected.items()
                 if labels.get(term(s), "absent").replace("undec", "undecided").replace("undecidedided", "undecided") != l]
        if wrong:
            raise Failure(f"{len(wrong)}/{len(expected)} tested labels differ: " + "; ".join(wrong[:4]))


# ---------------------------------------------------------------- Argdown
COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/|(^|\s)//[^\n]*", re.S)
PREFIX = r"^[ \t]*(?:(?:<?[+\-_]>?|><|_>|<_)[ \t]*|\(\d+\)[ \t]*|\d+\.[ \t]+|\*[ \t]+)?"
DEFINITION = re.compile(PREFIX + r"(\[[^\]\n]+\]|<[^>\n]+>):", re.M)
# Lines Argdown reads as a construct of their own: an inference, a list item,
# a numbered premise or a relation.
CONSTRUCT = re.compile(r"^[ \t]*(--|\d+\.\s|\*\s|\(\d+\)|\+>|->|<\+|<-|><|_>|<_|\+|-|_\s)")


def argdown_source(text):
    text = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return re.sub(r"^===+\n.*?\n===+\n", "", text, flags=re.S)  # front matter


def pcs_edges(text):
    """Supports a premise-conclusion structure adds: one per item."""
    items = set()
    total = 0
    for block in re.split(r"\n[ \t]*\n(?=[ \t]*[\[<A-Za-z#])", text):
        numbered = re.findall(r"^[ \t]*\(\d+\)[ \t]*(\[[^\]\n]+\])?", block, re.M)
        if numbered:
            titles = [t for t in numbered if t]
            total += len(numbered) - (len(titles) - len(set(titles)))
    return total


def contradictions(text):
    """Distinct pairs joined by ><: agon stores each as two attacks, Argdown as one relation."""
    lines = text.splitlines()
    indent = lambda l: len(l) - len(l.lstrip())
    title = lambda l: (re.search(r"\[[^\]]+\]|<[^>]+>", l[l.find("><") + 2:] if "><" in l else l) or [None])[0]
    pairs = set()
    for i, line in enumerate(lines):
        if not re.match(r"^[ \t]*><", line):
            continue
        for above in reversed(lines[:i]):
            if above.strip() and indent(above) < indent(line):
                pairs.add(frozenset((title(above), title(line))))
                break
    return len(pairs)


def check_argdown(agon, path):
    text = argdown_source(open(path, encoding="utf-8").read())
    graph = convert(agon, path, "argdown")
    claims = {}
    for c in graph["claims"]:
        cid = c["id"][4:] if c["id"].startswith("arg:") else c["id"]
        claims.setdefault(cid, set()).add(c.get("kind", "statement"))
    missing = []
    for m in DEFINITION.finditer(text):
        token = m.group(1)
        title, kind = token[1:-1].strip(), "argument" if token[0] == "<" else "statement"
        if "](" in token or kind not in claims.get(title, set()):
            if "](" not in token:
                missing.append(token)
    if missing:
        raise Failure(f"definitions not imported: {missing[:5]}")
    texts = [" ".join(c.get("text", "").split()) for c in graph["claims"]]
    swallowed = [line.strip() for line in text.splitlines()
                 if CONSTRUCT.match(line) and len(line.strip()) > 3 and any(" ".join(line.split()) in t for t in texts)]
    if swallowed:
        raise Failure(f"texts that swallowed a construct: {swallowed[:5]}")
    sidecar = os.path.splitext(path)[0] + ".expect.json"
    if os.path.exists(sidecar):
        expected = json.load(open(sidecar, encoding="utf-8"))
        got = counts(graph)
        mine = {"statements": got["statements"], "arguments": got["arguments"],
                # agon stores a contradiction as two attacks and a PCS as supports
                "relations": got["support"] + got["attack"] + got["undercut"] - pcs_edges(text)
                - contradictions(text)}
        compare({k: v for k, v in expected.items() if k in mine}, mine)


# ---------------------------------------------------------------- ICCMA
def check_framework(agon, path):
    """Arguments and distinct attacks of an i23/af, apx or tgf framework."""
    ext = os.path.splitext(path)[1].lower()
    lines = [l.split("#")[0].strip() if ext != ".tgf" else l.strip() for l in open(path, encoding="utf-8")]
    lines = [l for l in lines if l]
    if ext in (".i23", ".af"):
        arguments = int(lines[0].split()[2])
        attacks = {tuple(l.split()) for l in lines[1:]}
    elif ext == ".apx":
        arguments = len({l for l in lines if l.startswith("arg(")})
        attacks = {l.replace(" ", "") for l in lines if l.startswith("att(")}
    else:
        split = lines.index("#") if "#" in lines else len(lines)
        arguments = len({l.split()[0] for l in lines[:split]})
        attacks = {tuple(l.split()[:2]) for l in lines[split + 1:]}
    got = counts(convert(agon, path))
    compare({"statements": arguments, "attack": len(attacks)}, got)


# ---------------------------------------------------------------- driver
def kind_of(path):
    ext = os.path.splitext(path)[1].lower()
    if path.endswith(".expect.json"):
        return None
    if ext in (".argdown", ".ad"):
        return check_argdown
    if ext in (".yml", ".yaml"):
        return check_carneades
    if ext == ".txt":
        return check_kialo
    if ext == ".json":
        return check_aif
    if ext in (".i23", ".af", ".apx", ".tgf"):
        return check_framework
    return None


def located_error(agon, path):
    code, out, err = run(agon, "convert", path, "--to", "json")
    lines = err.strip().splitlines()
    return code == 2 and not out and len(lines) == 1 and re.search(r":\d+:\d+: ", lines[0]) is not None


def listing(top, name):
    """Entries of DIR/NAME: "file" or "file: reason" per line, # comments."""
    out = {}
    path = os.path.join(top, name)
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                file, _, reason = line.partition(":")
                out[file.strip()] = reason.strip()
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--agon", required=True)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("dirs", nargs="*", default=[os.path.join(here, "corpus")])
    args = ap.parse_args()
    passed = failed = known_seen = 0
    for top in args.dirs:
        unsupported = set(listing(top, "UNSUPPORTED"))
        known = listing(top, "KNOWN_FAILURES")
        for root, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d != "LICENSES")
            for name in sorted(files):
                path = os.path.join(root, name)
                check = kind_of(path)
                if not check:
                    continue
                rel = os.path.relpath(path, top)
                try:
                    if rel in unsupported:
                        if not located_error(args.agon, path):
                            raise Failure("listed as unsupported but not refused with one located error")
                    else:
                        check(args.agon, path)
                    if rel in known:
                        print(f"FIXED {rel}: passes now; remove it from KNOWN_FAILURES")
                        failed += 1
                        continue
                    passed += 1
                    if args.verbose:
                        print(f"ok    {rel}")
                except (Failure, ValueError, KeyError, TypeError, subprocess.TimeoutExpired) as e:
                    why = f"{type(e).__name__ + ': ' if not isinstance(e, Failure) else ''}{e}"
                    if rel in known:
                        known_seen += 1
                        if args.verbose:
                            print(f"known {rel}: {known[rel]} ({why})")
                        continue
                    failed += 1
                    print(f"FAIL  {rel}: {why}")
    print(f"{passed} passed, {failed} failed" + (f" ({known_seen} known differences not counted)" if known_seen else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
