#!/usr/bin/env python3
"""The PDF report's footer with a long title: one line per page, inside the
margins, the page number still there. Words are placed by pdftotext -bbox
(poppler-utils, installed by scripts/setup.sh).

usage: pdf_footer_test.py AGON"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

AGON = sys.argv[1]
TMP = tempfile.mkdtemp(prefix="agon-pdf-footer-")
MARGIN = 50  # points, as in report/pdf_cairo.cpp
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def pages(pdf):
    """For each page: its width, height and words as (x_min, y_min, x_max, y_max, text)."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for page in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page[2])]
        found.append((float(page[0]), float(page[1]), words))
    return found


def footer_stays_on_one_line(pdf, what):
    listed = pages(pdf)
    check(len(listed) >= 2, f"{what}: a report of several pages ({len(listed)})")
    for number, (width, height, words) in enumerate(listed, 1):
        foot = [w for w in words if w[1] > height - MARGIN]
        check(foot, f"{what}: page {number} has a footer")
        if not foot:
            continue
        lines = len({round(w[1]) for w in foot})
        check(lines == 1, f"{what}: page {number}'s footer is one line, not {lines}")
        check(all(w[0] >= MARGIN - 1 and w[2] <= width - MARGIN + 1 for w in foot),
              f"{what}: page {number}'s footer inside the margins")
        check(all(w[3] <= height for w in foot), f"{what}: page {number}'s footer on the page")
        check([w[4] for w in foot[-2:]] == ["page", str(number)], f"{what}: page {number} numbered at the end")
        # The cut title's text is still extractable (pango marks the ellipsis
        # as standing for it), so the cut shows as the words ending before "page".
        check(foot[-3][2] < foot[-2][0], f"{what}: page {number}'s title ends before its page number")


if shutil.which("pdftotext") is None:
    raise SystemExit("pdftotext is missing: run scripts/setup.sh (poppler-utils)")

long_text = " ".join(["The designation of cartels as foreign terrorist organisations"] * 4)  # 247 characters
graph = {"format": "agon-graph", "version": 1, "title": "Long titles", "claims": [
    {"id": "t", "text": long_text, "tags": ["hypothesis"]},
    {"id": "a", "text": "An attack on it", "base": 0.7},
    {"id": "s", "text": "A support for it", "base": 0.6}],
    "edges": [{"id": "e1", "from": "a", "to": "t", "kind": "attack"},
              {"id": "e2", "from": "s", "to": "t", "kind": "support"}]}
path = os.path.join(TMP, "long.json")
with open(path, "w") as f:
    json.dump(graph, f)

title = ("Stress test of the proposal to designate Mexican drug cartels as foreign terrorist organisations, "
         "with its claimed benefits, collateral risks, and the Mexican view that U.S. drug demand drives the violence")
assert len(title) >= 200
try:
    for name, args in [("given", ["--title", title]), ("default", [])]:  # the default: "Stress test: " + the claim
        pdf = os.path.join(TMP, name + ".pdf")
        p = subprocess.run([AGON, "report", path, "--target", "t", "--spread", "0.1", "--samples", "50", *args,
                            "-o", pdf], capture_output=True, text=True)
        if p.returncode == 2 and "without cairo" in p.stderr:
            print("SKIP: agon was built without PDF reports")
            sys.exit(77)
        if p.returncode != 0:
            raise SystemExit(f"agon report exited {p.returncode}: {p.stderr}")
        footer_stays_on_one_line(pdf, name + " title")
finally:
    shutil.rmtree(TMP)
if failures:
    sys.exit(1)
print("ok")
