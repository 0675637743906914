"""Python benchmark (tests/bench/python.sh): agon's gradual semantics from Python against a
pure-Python reference written from ../shared/SEMANTICS.md, and the cost of the Python layer on a
scenario sweep against the same sweep in Lua. Prints markdown tables; not part of CI."""
import argparse
import json
import math
import os
import pathlib
import random
import subprocess
import sys
import tempfile
import time

import agon

# ---------------------------------------------------------------- the reference (SEMANTICS.md §1-2)
# Uncertainpy is not packaged for Debian, so the peer is this plain-Python reading of the spec.

REFERENCE = ("hcat", "max", "card", "dfquad", "euler")
JACOBI = ("hcat", "max", "card")


def aggregate(values):
    p = 1.0
    for v in values:
        p *= 1.0 - v
    return 1.0 - p


def update(semantics, tau, att, sup, alive=None):
    if semantics == "hcat":
        return tau / (1.0 + sum(att))
    if semantics == "max":
        return tau / (1.0 + max(att, default=0.0))
    if semantics == "card":
        live = alive if alive is not None else att
        n = len(live)
        return tau if n == 0 else tau / (1.0 + n + sum(live) / n)
    if semantics == "dfquad":
        va, vs = aggregate(att), aggregate(sup)
        return tau - tau * (va - vs) if va >= vs else tau + (1.0 - tau) * (vs - va)
    if semantics == "euler":
        e = sum(sup) - sum(att)
        return 1.0 - (1.0 - tau * tau) / (1.0 + tau * math.exp(e))
    raise ValueError(semantics)


class Reference:
    """A graph as plain lists: claims by index, edges (kind, source, target, weight), undercuts by edge."""

    def __init__(self, claims, edges):
        self.ids = [c["id"] for c in claims]
        self.tau = [c.get("base", 0.5) for c in claims]
        at = {c: i for i, c in enumerate(self.ids)}
        eat = {e["id"]: i for i, e in enumerate(edges)}
        self.kind = [e["kind"] for e in edges]
        self.src = [at[e["from"]] for e in edges]
        self.dst = [eat[e["to"]] if e["kind"] == "undercut" else at[e["to"]] for e in edges]
        self.w = [e.get("weight", 1.0) for e in edges]
        self.cuts = [[] for _ in edges]
        self.into = [[] for _ in claims]
        for i, k in enumerate(self.kind):
            (self.cuts if k == "undercut" else self.into)[self.dst[i]].append(i)

    def w_eff(self, e, sigma):
        w = self.w[e]
        for u in self.cuts[e]:
            w *= 1.0 - min(1.0, self.w_eff(u, sigma) * sigma[self.src[u]])
        return w

    def local(self, semantics, a, sigma):
        att, sup, alive = [], [], []
        for e in self.into[a]:
            v = self.w_eff(e, sigma) * sigma[self.src[e]]
            if self.kind[e] == "attack":
                att.append(v)
                if self.tau[self.src[e]] > 0 and self.w_eff(e, sigma) > 0:
                    alive.append(v)
            else:
                sup.append(v)
        return update(semantics, self.tau[a], att, sup, alive)

    def order(self):
        """A topological order of the claim dependency graph, or None when it has a cycle."""
        readers = [[] for _ in self.ids]

        def sources(e):
            yield self.src[e]
            for u in self.cuts[e]:
                yield from sources(u)

        for a, edges in enumerate(self.into):
            for e in edges:
                readers_of = set(sources(e))
                for x in readers_of:
                    readers[x].append(a)
        indegree = [0] * len(self.ids)
        for rs in readers:
            for a in rs:
                indegree[a] += 1
        ready = [a for a, d in enumerate(indegree) if d == 0]
        out = []
        while ready:
            x = ready.pop()
            out.append(x)
            for a in readers[x]:
                indegree[a] -= 1
                if indegree[a] == 0:
                    ready.append(a)
        return out if len(out) == len(self.ids) else None

    def evaluate(self, semantics, epsilon=1e-10, step=0.1, max_iterations=100000):
        order = self.order()
        sigma = list(self.tau)
        if order is not None:
            for a in order:
                sigma[a] = self.local(semantics, a, sigma)
            return sigma
        n = len(sigma)
        T = lambda s: [self.local(semantics, a, s) for a in range(n)]
        for _ in range(max_iterations):
            if semantics in JACOBI:
                nxt = T(sigma)
                done = max(abs(x - y) for x, y in zip(nxt, sigma)) < epsilon
                sigma = nxt
            else:  # RK4 on dσ/dt = T(σ) − σ
                f = lambda s: [t - x for t, x in zip(T(s), s)]
                k1 = f(sigma)
                if max(abs(x) for x in k1) < epsilon:
                    break
                k2 = f([x + step / 2 * k for x, k in zip(sigma, k1)])
                k3 = f([x + step / 2 * k for x, k in zip(sigma, k2)])
                k4 = f([x + step * k for x, k in zip(sigma, k3)])
                sigma = [x + step / 6 * (a + 2 * b + 2 * c + d) for x, a, b, c, d in zip(sigma, k1, k2, k3, k4)]
                done = False
            if done:
                break
        return sigma


def best(f, repeat=3):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        value = f()
        times.append(time.perf_counter() - t)
    return min(times), value


# ------------------------------------------------------------------------------------- benchmarks

def vectors(shared):
    cases = [v for v in json.loads((shared / "data" / "semantics" / "public.json").read_text())
             if v["semantics"] in REFERENCE]
    print("### Gradual semantics of the public vectors: agon from Python against a pure-Python reference\n")
    print("| semantics | vectors | agree with expected (agon / reference) | agon | reference | ratio |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for semantics in REFERENCE:
            mine = [v for v in cases if v["semantics"] == semantics]
            graphs, refs = [], []
            for v in mine:
                path = pathlib.Path(tmp) / "g.json"
                path.write_text(json.dumps(v["graph"]))
                graphs.append(agon.load(str(path)))
                refs.append(Reference(v["graph"]["claims"], v["graph"]["edges"]))
            t_agon, results = best(lambda: [g.evaluate(semantics=semantics, **v.get("params", {}))
                                            for g, v in zip(graphs, mine)])
            t_ref, expected = best(lambda: [r.evaluate(semantics) for r in refs])
            ok_agon = ok_ref = 0
            for v, r, sigma, ref in zip(mine, results, expected, refs):
                want = v["expected"]
                tol = v.get("tol", 1e-6)
                ok_agon += all(abs(r[c] - x) <= tol for c, x in want.items())
                ok_ref += all(abs(sigma[ref.ids.index(c)] - x) <= tol for c, x in want.items())
            print(f"| {semantics} | {len(mine)} | {ok_agon} / {ok_ref} | {t_agon * 1e3:.2f} ms | "
                  f"{t_ref * 1e3:.2f} ms | {t_ref / t_agon:.0f}× |")
    print()


def big_dfquad(n, seed=1):
    rng = random.Random(seed)
    claims = [{"id": f"c{i}", "base": rng.random()} for i in range(n)]
    edges = []
    for i in range(1, n):
        for _ in range(rng.randint(1, 5)):
            edges.append({"id": f"e{len(edges) + 1}", "kind": "attack" if rng.random() < 2 / 3 else "support",
                          "from": f"c{rng.randrange(i)}", "to": f"c{i}", "weight": 0.5})
    print(f"### DF-QuAD on {n:,} claims and {len(edges):,} edges (acyclic, random)\n")
    t = time.perf_counter()
    g = agon.Graph("big")
    for c in claims:
        g.claim(c["id"], base=c["base"])
    for e in edges:
        (g.attack if e["kind"] == "attack" else g.support)(e["from"], e["to"], e["weight"], e["id"])
    t_build = time.perf_counter() - t
    t_eval, r = best(lambda: g.evaluate(semantics="dfquad"))
    ref = Reference(claims, edges)
    t_ref, sigma = best(lambda: ref.evaluate("dfquad"), repeat=1)
    worst = max(abs(r[c["id"]] - s) for c, s in zip(claims, sigma))
    t_pandas = best(lambda: r.to_pandas())[0] if _has("pandas") else float("nan")
    print("| step | time |")
    print("|---|---|")
    print(f"| build the graph through the Python API (g.claim, g.attack, g.support) | {t_build:.2f} s |")
    print(f"| agon: g.evaluate(semantics='dfquad') ({r.method}) | {t_eval * 1e3:.1f} ms |")
    print(f"| pure-Python reference, one pass in topological order | {t_ref:.2f} s |")
    print(f"| ratio reference / agon | {t_ref / t_eval:.0f}× |")
    print(f"| result.to_pandas() | {t_pandas * 1e3:.1f} ms |")
    print(f"\nLargest difference between agon and the reference: {worst:.1e}\n")


def _has(module):
    try:
        __import__(module)
        return True
    except ImportError:
        return False


LUA_SWEEP = r"""
local agon = require "agon"
local g = agon.load(arg[1])
local ids = {}
for c in g:claims() do ids[#ids + 1] = c.id end
local base = g:scenario("base")
local starts = { graph = function() return g:scenario("sweep") end,
                 scenario = function() return base:scenario("sweep") end }
local edits = { remove = function(s, id) return s:remove(id) end,
                set_base = function(s, id) return s:set_base(id, 0.9) end }
local start, edit = starts[arg[2]], edits[arg[3]]
local t = os.clock()
for _, id in ipairs(ids) do
  local r = edit(start(), id):evaluate{ semantics = "grounded" }
end
print(string.format("%.6f", os.clock() - t))
"""


def sweep(lua_module, n=1000, seed=2):
    rng = random.Random(seed)
    g = agon.Graph("sweep")
    for i in range(n):
        g.claim(f"c{i}", base=rng.random())
    for _ in range(3 * n):
        g.attack(f"c{rng.randrange(n)}", f"c{rng.randrange(n)}")
    ids = [c.id for c in g]
    base = g.scenario("base")
    starts = {"graph": lambda: g.scenario("sweep"), "scenario": lambda: base.scenario("sweep")}
    edits = {"remove": lambda s, i: s.remove(i), "set_base": lambda s, i: s.set_base(i, 0.9)}
    print(f"### The Python layer on a scenario sweep ({n:,} claims, {3 * n:,} attacks, grounded, "
          "one scenario per claim)\n")
    print("| scenarios made from | edit | Python | Lua (stock lua5.4 + module) | Python / Lua |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "sweep.json"
        g.save(str(path))
        script = pathlib.Path(tmp) / "sweep.lua"
        script.write_text(LUA_SWEEP)
        for start in starts:
            for edit in edits:
                def run():
                    for i in ids:
                        edits[edit](starts[start](), i).evaluate(semantics="grounded")

                py = min(_cpu(run) for _ in range(3))
                lua = min(float(subprocess.run(["lua5.4", str(script), str(path), start, edit], capture_output=True,
                                               text=True, check=True,
                                               env={**os.environ, "LUA_CPATH": f"{lua_module}/?.so"}).stdout)
                          for _ in range(3))
                print(f"| {'g.scenario()' if start == 'graph' else 'base.scenario()'} | {edit} | "
                      f"{py * 1e3:.0f} ms ({n / py:,.0f}/s) | {lua * 1e3:.0f} ms ({n / lua:,.0f}/s) | {py / lua:.2f} |")
    print()


def _cpu(f):
    t = time.process_time()
    f()
    return time.process_time() - t


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--shared", type=pathlib.Path, required=True)
    p.add_argument("--lua-module", required=True, help="directory holding the Lua module agon.so")
    p.add_argument("--claims", type=int, default=100_000)
    a = p.parse_args()
    print(f"agon {agon.version()}, Python {sys.version.split()[0]}\n")
    vectors(a.shared)
    big_dfquad(a.claims)
    sweep(a.lua_module)


if __name__ == "__main__":
    main()
