#!/usr/bin/env python3
"""Turn the inline Argdown sources of Argdown's own model tests into corpus files.

usage: extract_argdown_tests.py SPEC.ts [SPEC.ts ...] OUTDIR

Each `it("...", ...)` block of a spec file (e.g. packages/argdown-core/test/
ModelPlugin.spec.ts of github.com/argdown/argdown, MIT licence) that defines a
template-literal source and asserts how many statements, arguments or relations
Argdown's model has becomes OUTDIR/<spec>-<n>.argdown plus a sidecar
<spec>-<n>.expect.json holding those numbers: the expectations are Argdown's,
not agon's. Relation counts of strict-mode blocks are left out (strict mode
merges contrary relations; agon reads loose mode), and blocks that turn off
argument-relation transformation or explode arguments are skipped."""
import json
import os
import re
import sys

COUNTS = {
    "statements": re.compile(r"Object\.keys\((?:result|response)\.statements!?\)\.length\)\.to\.equal\((\d+)\)"),
    "arguments": re.compile(r"Object\.keys\((?:result|response)\.arguments!?\)\.length\)\.to\.equal\((\d+)\)"),
    "relations": re.compile(r"(?:Object\.keys\()?(?:result|response)\.relations!?\)?\.length\)\.to\.equal\((\d+)\)"),
}
SOURCE = re.compile(r"(?:let|const|var)\s+(?:source|input)\s*=\s*`(.*?)`", re.S)


def main():
    *specs, out = sys.argv[1:]
    os.makedirs(out, exist_ok=True)
    made = 0
    for spec in specs:
        text = open(spec, encoding="utf-8").read()
        stem = os.path.basename(spec).split(".")[0]
        for n, block in enumerate(re.split(r"\n\s*it\(", text)[1:]):
            source = SOURCE.search(block)
            if not source or "${" in source.group(1) or "transformArgumentRelations" in block or "explode" in block:
                continue
            expect = {}
            for key, pattern in COUNTS.items():
                found = pattern.findall(block)
                if len(found) == 1:  # one assertion: unambiguous
                    expect[key] = int(found[0])
            if "STRICT" in block:  # strict mode merges contrary relations; agon reads loose
                expect.pop("relations", None)
            if not expect:
                continue
            title = re.match(r"\s*[\"'](.*?)[\"']", block)
            expect["origin"] = f"{os.path.basename(spec)}: it(\"{title.group(1) if title else '?'}\")"
            base = os.path.join(out, f"{stem}-{n:03d}")
            with open(base + ".argdown", "w", encoding="utf-8") as f:
                f.write(source.group(1))
            with open(base + ".expect.json", "w", encoding="utf-8") as f:
                json.dump(expect, f, indent=1)
                f.write("\n")
            made += 1
    print(f"{made} sources with expectations")


if __name__ == "__main__":
    main()
