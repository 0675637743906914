"""The Python API: building, evaluating, scenarios, results as mappings, errors, maps.
Expected values are worked out by hand in the comments or come from the shared test vectors."""
import copy
import inspect
import json
import math
import pickle
import pydoc

import pytest

import agon
from conftest import SHARED


def test_chain_by_hand(chain):
    # a -> b -> c (attacks): a is unattacked, so in; b is defeated; c is reinstated.
    r = chain.evaluate()
    assert r.semantics == "grounded" and r.labels
    assert dict(r) == {"a": "in", "b": "out", "c": "in"}
    assert list(r) == ["a", "b", "c"] and len(r) == 3
    assert r["b"] == r.label("b") == "out" and r.strength("b") == 0.0 and r.strength("c") == 1.0
    # h-categoriser: b = 0.5 / (1 + 0.5) = 1/3, c = 0.5 / (1 + 1/3) = 0.375.
    h = chain.evaluate(semantics="hcat")
    assert not h.labels and h["a"] == 0.5
    assert h["b"] == pytest.approx(1 / 3) and h["c"] == pytest.approx(0.375)
    # DF-QuAD: b = 0.5 - 0.5 * 0.5 = 0.25, c = 0.5 - 0.5 * 0.25 = 0.375.
    d = chain.evaluate(semantics="dfquad")
    assert (d["b"], d["c"]) == (pytest.approx(0.25), pytest.approx(0.375))
    assert d.converged and d.method
    with pytest.raises(agon.Error, match="strengths, not labels"):
        d.label("a")


def test_result_is_a_mapping(chain):
    r = chain.evaluate()
    assert list(r.keys()) == ["a", "b", "c"] and list(r.values()) == ["in", "out", "in"]
    assert r.get("zzz") is None and "a" in r and "zzz" not in r and chain["a"] in r
    assert r == {"a": "in", "b": "out", "c": "in"} and r == chain.evaluate()
    with pytest.raises(KeyError):
        r["zzz"]
    assert r.to_dict() == {"semantics": "grounded", "labels": {"a": "in", "b": "out", "c": "in"}}
    assert json.loads(r.json()) == r.to_dict()


def test_public_vectors_through_python(tmp_path):
    """Every gradual, grounded and Carneades vector of ../shared/data/semantics (SEMANTICS.md §8)."""
    vectors = json.loads((SHARED / "data" / "semantics" / "public.json").read_text())
    for v in vectors:
        path = tmp_path / "g.json"
        path.write_text(json.dumps(v["graph"]))
        r = agon.load(str(path)).evaluate(semantics=v["semantics"], **v.get("params", {}))
        for claim, expected in v["expected"].items():
            if isinstance(expected, str):
                assert r[claim] == expected, v["name"]
            else:
                assert math.isclose(r.strength(claim), expected, abs_tol=v.get("tol", 1e-6)), v["name"]


def test_building_and_handles():
    g = agon.Graph("t")
    a = g.claim("a", "claim a", base=0.7, tags=["x"], attributes={"source": "paper"})
    b = g.claim("b", kind="argument")
    e = g.support(a, b, 0.5, "s1")
    u = g.undercut("a", e)
    assert (a.id, a.text, a.base, a.kind, a.tags, a.attributes) == ("a", "claim a", 0.7, "statement", ["x"], {"source": "paper"})
    assert a.source == "paper" and b.kind == "argument"
    assert (e.id, e.kind, e.from_, e.to, e.weight) == ("s1", "support", "a", "b", 0.5)
    assert u.kind == "undercut" and u.to == "s1" and u.id == "e2"  # fresh ids are eN
    assert g["a"] == a and g["s1"] == e and g.get("zzz") is None and len(g) == 2
    assert [c.id for c in g] == ["a", "b"] and [x.id for x in g.edges()] == ["s1", "e2"]
    g.set_base(a, 0.2)
    g.set_weight("s1", 0.9)
    assert a.base == 0.2 and e.weight == 0.9  # handles read the graph as it is now
    g.remove("s1")  # removes the undercut on it too
    assert len(g.edges()) == 0 and "s1" not in g
    g.remove(b)
    with pytest.raises(agon.Error) as info:
        b.text
    assert info.value.kind == "not_found"
    with pytest.raises(AttributeError):
        a.nothing
    g.title = "renamed"
    assert g.title == "renamed" and "1 claims" in repr(g)


def test_scenarios_chain_and_leave_the_graph_alone(chain):
    s = chain.scenario("no a")
    assert s.remove("a") is s and s.name == "no a"
    assert dict(s.evaluate()) == {"b": "in", "c": "out"}
    assert dict(chain.evaluate()) == {"a": "in", "b": "out", "c": "in"}
    # Later edits of the graph do not reach an existing scenario.
    chain.set_base("a", 0.9)
    assert s.evaluate(semantics="hcat")["b"] == 0.5
    t = s.scenario("and d").add_claim("d", "claim d", base=1.0).attack("d", "b").set_base("c", 0.1)
    assert dict(t.evaluate()) == {"b": "out", "c": "in", "d": "in"}
    assert "a" not in s and "d" in t and "d" not in s
    g = t.graph()
    assert [c.id for c in g] == ["b", "c", "d"] and g["c"].base == 0.1


def test_glossary_names_and_their_older_aliases(chain):
    # docs/glossary.md: hinge (alias hinges), remove_claim / remove_edge beside remove.
    assert chain.hinge("c", max_size=2) == chain.hinges("c", max_size=2)
    s = chain.scenario("x")
    assert s.remove_edge("ab") is s
    assert dict(s.evaluate()) == {"a": "in", "b": "in", "c": "out"}
    assert s.remove_claim("b") is s and "b" not in s
    assert dict(s.evaluate()) == {"a": "in", "c": "in"}
    g = chain.copy()
    g.remove_edge("bc")
    assert dict(g.evaluate()) == {"a": "in", "b": "out", "c": "in"}
    g.remove_claim("a")
    assert "a" not in g and dict(g.evaluate()) == {"b": "in", "c": "in"}
    with pytest.raises(agon.Error):
        g.remove_claim("bc")  # an edge id is not a claim


def test_diff_by_hand(chain):
    before = chain.evaluate()
    after = chain.scenario().remove("a").evaluate()
    assert agon.diff(before, after) == [
        {"id": "a", "before": "in", "after": None},
        {"id": "b", "before": "out", "after": "in"},
        {"id": "c", "before": "in", "after": "out"},
    ]
    h1, h2 = chain.evaluate(semantics="hcat"), chain.scenario().set_base("a", 0.5).evaluate(semantics="hcat")
    assert agon.diff(h1, h2) == []


def test_explain_hinges_extensions_by_hand(chain):
    why = chain.explain("c")
    assert why == {"claim": "c", "semantics": "grounded", "label": "in",
                   "defeats": [{"defender": "a", "attacker": "b"}], "cycle": [], "path": []}
    assert chain.evaluate().explain("c") == why
    # Removing a flips c (b then stands and defeats it); removing b leaves c in.
    h = chain.hinges("c", max_size=2)
    assert h["sets"] == [["a"]] and h["exact"] and h["at_least"] == 1
    g = agon.Graph()
    for x in "abcd":
        g.claim(x)
    g.attack("a", "b"), g.attack("b", "a"), g.attack("a", "c"), g.attack("b", "c"), g.attack("c", "d")
    # Floating reinstatement: {a, d} and {b, d}.
    assert sorted(g.extensions("preferred")) == [["a", "d"], ["b", "d"]]
    assert g.extensions("preferred", limit=1) in ([["a", "d"]], [["b", "d"]])
    assert g.evaluate(semantics="preferred")["d"] == "in"
    why = g.explain("a", semantics="preferred")
    assert why["credulous"] and not why["skeptical"] and why["counter"] == ["b", "d"]
    gradual = chain.explain("c", semantics="hcat")
    assert gradual["value"] == pytest.approx(0.375) and {a["claim"] for a in gradual["attributions"]} == {"a", "b"}


def test_extensions_say_when_limit_cut_them_short():
    g = agon.Graph()
    for x in "abcd":
        g.claim(x)
    g.attack("a", "b"), g.attack("b", "a"), g.attack("c", "d"), g.attack("d", "c")
    # Four preferred extensions; the CLI's --json says "complete" the same way.
    every = g.extensions("preferred")
    assert isinstance(every, agon.Extensions) and isinstance(every, list)
    assert every.complete and len(every) == 4
    assert g.extensions("preferred", limit=4).complete
    cut = g.extensions("preferred", limit=3)
    assert not cut.complete and len(cut) == 3 and all(e in every for e in cut)
    assert g.scenario().extensions("preferred", limit=1).complete is False
    assert "complete=False" in repr(cut)


def test_robustness_is_reproducible(chain):
    r1 = chain.robustness(semantics="hcat", samples=400, seed=7, threads=1)
    r2 = chain.robustness(semantics="hcat", samples=400, seed=7, threads=2)
    assert r1 == r2 and r1["samples"] == 400 and set(r1["claims"]) == {"a", "b", "c"}
    a = r1["claims"]["a"]
    # a's base is drawn uniformly from [0.4, 0.6] and nothing attacks it: mean 0.5, sd 0.2/sqrt(12).
    assert a["mean"] == pytest.approx(0.5, abs=0.01) and a["stddev"] == pytest.approx(0.0577, abs=0.006)
    labels = chain.robustness(samples=50)["claims"]
    assert labels["a"] == {"p_in": 1.0, "p_undec": 0.0, "p_out": 0.0}
    u = chain.robustness(samples=200, uncertainty='{"claims":{"a":{"presence":0}}}')
    assert u["claims"]["b"]["p_in"] == 1.0
    for spread in (-3, 1.5, float("nan")):
        with pytest.raises(agon.Error, match=r"spread must be a number in \[0,1\]"):
            chain.robustness(semantics="hcat", samples=10, spread=spread)


def test_errors_for_bad_input(tmp_path, chain):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "agon-graph", "version": 1,\n "claims": [\n   {"id": "a", "base": 2}]}\n')
    with pytest.raises(agon.Error) as info:
        agon.load(str(bad))
    e = info.value
    assert e.kind == "invalid_input" and e.file == str(bad) and e.line == 3 and e.column > 0
    assert str(e).startswith(f"{bad}:3:") and "base" in e.message
    syntax = tmp_path / "syntax.json"
    syntax.write_text('{"claims": [\n  {"id": }\n')
    with pytest.raises(agon.Error) as info:
        agon.load(str(syntax))
    assert info.value.kind == "invalid_input" and info.value.line == 2
    with pytest.raises(agon.Error) as info:
        agon.load(str(tmp_path / "missing.json"))
    assert info.value.kind in ("io", "not_found") and info.value.line is None
    with pytest.raises(agon.Error, match="duplicate claim id 'a'") as info:
        chain.claim("a")
    assert info.value.kind == "invalid_input"
    for call in (lambda: chain.claim("z", base=1.5), lambda: chain.attack("a", "nowhere"),
                 lambda: chain.support("a", "b", -1.0), lambda: chain.claim("k", kind="opinion")):
        with pytest.raises(agon.Error):
            call()
    assert len(chain) == 3 and len(chain.edges()) == 2  # nothing half-added
    with pytest.raises(agon.Error) as info:
        chain.evaluate(semantics="nonsense")
    assert info.value.kind == "usage"
    with pytest.raises(agon.Error, match="epsilon"):
        chain.evaluate(semantics="hcat", epsilon=-1)
    with pytest.raises(agon.Error):
        chain.evaluate(semantics="hcat", no_such_parameter=1)
    with pytest.raises(TypeError):
        chain.evaluate(semantics="hcat", epsilon=[1])
    with pytest.raises(TypeError):
        chain.attack(1, "a")
    with pytest.raises(KeyError):
        chain["nowhere"]
    with pytest.raises(agon.Error) as info:
        chain.explain("nowhere")
    assert info.value.kind == "not_found"
    with pytest.raises(agon.Error):
        chain.extensions("hcat")
    with pytest.raises(agon.Error):
        chain.scenario().remove("nowhere")
    assert issubclass(agon.Error, Exception) and agon.Error.__module__ == "agon"


@pytest.mark.skipif(not agon.render_available(), reason="built without Graphviz")
def test_maps(chain, tmp_path):
    plain = chain.render()
    assert plain.lstrip().startswith(b"<?xml") and b"<svg" in plain
    assert chain.render(format="png").startswith(b"\x89PNG")
    assert chain.render(format="dot").startswith(b"digraph")
    assert chain.render(str(tmp_path / "m.pdf")) is None
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    # Jupyter: the map coloured by the last evaluation (the legend names the labels).
    assert chain._repr_svg_().startswith("<?xml")
    r = chain.evaluate()
    coloured = chain._repr_svg_()
    assert coloured != plain.decode() and coloured == r._repr_svg_()
    assert chain.last_result is r
    s = chain.scenario("x").remove("a")
    s.evaluate(semantics="hcat")
    assert "0.50" in s._repr_svg_()
    with pytest.raises(agon.Error) as info:
        chain.render(str(tmp_path / "no" / "dir" / "m.svg"))
    assert info.value.kind == "io" and not (tmp_path / "no").exists()
    with pytest.raises(agon.Error):
        chain.render(str(tmp_path / "m.bmp"))
    with pytest.raises(agon.Error):
        chain.render(focus="nowhere")


def test_save_and_load_round_trip(chain, tmp_path):
    chain.save(str(tmp_path / "c.json"))
    again = agon.load(str(tmp_path / "c.json"))
    assert [(c.id, c.text) for c in again] == [(c.id, c.text) for c in chain]
    with pytest.warns(UserWarning):  # TGF keeps attacks only and no texts
        chain.save(str(tmp_path / "c.tgf"))
    assert dict(agon.load(str(tmp_path / "c.tgf")).evaluate()) == {"a": "in", "b": "out", "c": "in"}


def test_help_shows_docstrings():
    text = pydoc.render_doc(agon.Graph, renderer=pydoc.plaintext)
    for name in ("evaluate", "scenario", "hinges", "robustness", "extensions", "explain", "claim", "render"):
        assert name in text
    assert "semantics" in agon.Graph.evaluate.__doc__ and "KeyboardInterrupt" in agon.Graph.evaluate.__doc__
    assert "pandas" in agon.Result.to_pandas.__doc__ and agon.semantics()[0] and agon.version().count(".") == 2
    assert "dfquad" in agon.semantics() and "grounded" in agon.semantics()


def test_to_pandas(chain):
    pandas = pytest.importorskip("pandas")
    frame = chain.evaluate().to_pandas()
    assert list(frame.index) == ["a", "b", "c"] and list(frame.columns) == ["label", "strength"]
    assert list(frame["label"]) == ["in", "out", "in"] and list(frame["strength"]) == [1.0, 0.0, 1.0]
    frame = chain.evaluate(semantics="hcat").to_pandas()
    assert list(frame.columns) == ["strength"] and frame.loc["c", "strength"] == pytest.approx(0.375)
    assert isinstance(frame, pandas.DataFrame) and frame.attrs["semantics"] == "hcat"


def test_limits_are_numbers_the_command_line_would_take(chain):
    # timeout=-1 and NaN once meant "no limit", max_size=0 was searched as 1, and a
    # NaN threshold was accepted; the command line refuses all of them.
    for timeout in (-1, float("nan")):
        with pytest.raises(ValueError, match="timeout must be a number of seconds"):
            chain.evaluate(semantics="grounded", timeout=timeout)
    with pytest.raises(agon.Error, match="largest set size of 1 or more"):
        chain.hinge("c", max_size=0)
    with pytest.raises(agon.Error, match=r"threshold must be in \[0,1\]"):
        chain.hinge("c", semantics="dfquad", threshold=float("nan"))
    assert chain.evaluate(semantics="grounded", timeout=None) == chain.evaluate(semantics="grounded")


def test_handles_compare_with_anything(chain):
    # == against a str, None or the other kind of handle once raised TypeError.
    a = chain["a"]
    assert a != "a" and a != None and a not in ["x"] and a == chain.claims()[0] and a != chain["b"]  # noqa: E711
    assert a.__eq__("a") is NotImplemented and chain["ab"] != "ab" and chain["ab"] == chain.edges()[0]
    assert a != chain.copy()["a"]  # a handle belongs to one graph
    chain.attack("c", "a", id="a")  # an edge may share a claim's id
    assert chain.get("a") == a and len({*chain.claims(), *chain.edges()}) == 6
    assert hash(chain["a"]) == hash(a) and {a: 1}[chain.claims()[0]] == 1


def test_stale_handles_print_and_getattr_defaults(chain):
    e, c = chain["ab"], chain["a"]
    chain.remove("a")  # its edge goes with it
    assert repr(e) == str(e) == "<agon.Edge 'ab' (no longer in the graph)>"
    assert repr(c) == "<agon.Claim 'a' (no longer in the graph)>" and str([e, c]).count("no longer") == 2
    assert not hasattr(c, "source") and getattr(c, "source", None) is None
    with pytest.raises(AttributeError, match="claim 'a' is no longer in the graph"):
        c.source
    with pytest.raises(agon.Error) as info:  # fields of a stale handle stay agon.Error
        e.weight
    assert info.value.kind == "not_found" and repr(chain["b"]) == "<agon.Claim 'b'>"


def test_a_timeout_of_the_wrong_type_is_a_type_error(chain):
    # evaluate/explain/hinge/robustness read timeout from **params and cast it, raising
    # RuntimeError "Unable to cast"; now every timeout is a typed argument.
    r = chain.evaluate()
    for call in (lambda t: chain.evaluate("dfquad", timeout=t), lambda t: chain.explain("b", timeout=t),
                 lambda t: chain.hinge("b", timeout=t), lambda t: chain.robustness(samples=5, timeout=t),
                 lambda t: chain.extensions(timeout=t), lambda t: r.explain("b", timeout=t),
                 lambda t: chain.scenario().evaluate(timeout=t), lambda t: chain.session().extension(timeout=t),
                 lambda t: agon.render(chain, timeout=t)):
        with pytest.raises(TypeError, match="incompatible function arguments"):
            call("1")
        with pytest.raises(ValueError, match="timeout must be a number of seconds, 0 or more"):
            call(-1)
    assert chain.explain("b", timeout=5)["label"] == "out" and chain.hinge("b", timeout=None)["sets"]


def test_diff_tolerance_and_render_limits_are_checked(chain):
    # NaN listed nothing and -1 everything; timeout -1 or NaN meant no limit, depth -1 was taken.
    h1, h2 = chain.evaluate(semantics="hcat"), chain.scenario().set_base("a", 0.6).evaluate(semantics="hcat")
    for tolerance in (float("nan"), -1):
        with pytest.raises(ValueError, match="tolerance must be a number, 0 or more"):
            agon.diff(h1, h2, tolerance=tolerance)
    assert [d["id"] for d in agon.diff(h1, h2, tolerance=0)] == ["a", "b", "c"] and agon.diff(h1, h2, 1) == []
    for timeout in (-1, float("nan")):
        with pytest.raises(ValueError, match="timeout must be a number of seconds"):
            agon.render(chain, timeout=timeout)
    with pytest.raises(ValueError, match="depth must be a number, 0 or more"):
        chain.render(focus="a", depth=-1)


def test_results_and_graphs_take_handles_and_anything_in_in(chain):
    r = chain.evaluate()
    assert r[chain["b"]] == r.label(chain["b"]) == "out" and chain["b"] in r
    assert 0 not in r and None not in r and chain["ab"] not in r
    assert 0 not in chain and None not in chain and 0 not in chain.scenario() and chain["ab"] in chain
    with pytest.raises(TypeError, match="claim or claim id expected, got int"):
        r[0]


def test_help_names_python_types():
    # Signatures once showed agon::python::ResultState and `handle` for claims and edges.
    classes = (agon.Graph, agon.Scenario, agon.Result, agon.Claim, agon.Edge, agon.Session)
    docs = [x.__doc__ for x in (agon.render, agon.diff, agon.load)] + [x.__doc__ for c in classes for x in vars(c).values()]
    text = "\n".join(d for d in docs if d)
    assert "::" not in text and ": handle" not in text and "-> handle" not in text and "agon._agon" not in text
    for expected in ("-> agon.Result", "-> agon.Scenario", "claim: Union[agon.Claim, str]",
                     "to: Union[agon.Claim, agon.Edge, str]", "edge: Union[agon.Edge, str]",
                     "graph: Union[agon.Graph, agon.Scenario]", "result: agon.Result = None",
                     "timeout: Optional[float] = None", "claims: Union[agon.Claim, str, Iterable[Union[agon.Claim, str]]]"):
        assert expected in text, expected


def test_errors_are_also_the_builtin_exceptions_that_fit(chain, mexico, tmp_path):
    # Every engine error was a bare agon.Error: `except FileNotFoundError` missed a missing file,
    # `except KeyError` an unknown claim in explain() (though g["x"] raised KeyError).
    missing = tmp_path / "missing.json"
    with pytest.raises(FileNotFoundError) as info:
        agon.load(str(missing))
    assert isinstance(info.value, agon.Error) and info.value.kind == "not_found"
    assert info.value.filename == info.value.file == str(missing) and str(info.value) == f"{missing}: no such file"
    with pytest.raises(OSError) as info:
        agon.load(str(tmp_path))
    assert info.value.kind == "io" and isinstance(info.value, agon.Error)
    bad = tmp_path / "bad.json"
    bad.write_text('{"claims": [\n  {"id": }\n')
    with pytest.raises(ValueError) as info:
        agon.load(str(bad))
    assert info.value.kind == "invalid_input" and info.value.line == 2
    for call in (lambda: chain.evaluate(semantics="nonsense"), lambda: chain.evaluate(semantics="hcat", nope=1),
                 lambda: chain.render(layout="nonsense"), lambda: chain.claim("a"), lambda: chain.session("hcat")):
        with pytest.raises(ValueError) as info:
            call()
        assert isinstance(info.value, agon.Error) and info.value.kind in ("usage", "invalid_input")
    for call in (lambda: chain.explain("nowhere"), lambda: chain.hinge("nowhere"), lambda: chain.remove("nowhere"),
                 lambda: chain.scenario().set_base("nowhere", 0.5), lambda: chain.session().credulous("nowhere")):
        with pytest.raises(KeyError) as info:
            call()
        assert info.value.kind == "not_found" and str(info.value) in ("no claim 'nowhere'", "no claim or edge 'nowhere'")
    # Named by where it lives, so tracebacks say agon.Error.KeyError and pickle (multiprocessing
    # sends a worker's exception back pickled) finds the class; str() is the command line's message.
    assert type(info.value) is agon.Error.KeyError and type(info.value).__qualname__ == "Error.KeyError"
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is agon.Error.KeyError and (again.kind, str(again)) == ("not_found", str(info.value))
    with pytest.raises(agon.Error) as info:
        mexico.robustness(semantics="dfquad", samples=2_000_000, timeout=0.05)
    assert info.value.kind == "limit" and not isinstance(info.value, (ValueError, KeyError, OSError))


def test_negative_counts_are_value_errors(chain):
    # samples=-1 (and limit, max_size, max_evaluations, threads) was pybind11's TypeError
    # listing the signature; samples=0 was already an error of the engine's.
    calls = {"samples": lambda n: chain.robustness(samples=n), "threads": lambda n: chain.robustness(threads=n),
             "limit": lambda n: chain.extensions(limit=n), "max_size": lambda n: chain.hinge("c", max_size=n),
             "max_evaluations": lambda n: chain.hinge("c", max_evaluations=n)}
    for name, call in calls.items():
        with pytest.raises(ValueError, match=f"^{name} must be 0 or more, not -1$"):
            call(-1)
    with pytest.raises(ValueError, match=f"^max_size {2**40} is too large$"):
        chain.hinge("c", max_size=2**40)
    with pytest.raises(ValueError, match="samples must be at least 1"):
        chain.robustness(samples=0)


def test_results_give_every_strength_and_say_whether_they_are_labels(chain):
    r = chain.evaluate()
    assert r.strengths() == {"a": 1.0, "b": 0.0, "c": 1.0} and list(r.strengths()) == ["a", "b", "c"]
    assert r.has_labels and r.labels  # Lua's name, and the older one
    h = chain.evaluate(semantics="hcat")
    assert h.strengths() == dict(h) and not h.has_labels


def test_every_public_member_has_a_docstring():
    def documented(cls, name):
        member = vars(cls)[name]
        doc = (member.__doc__ if isinstance(member, property) else getattr(member, "__doc__", None)) or ""
        return any(line.strip() and not line.startswith(name + "(") for line in doc.splitlines())

    for cls in (agon.Graph, agon.Scenario, agon.Result, agon.Session, agon.Claim, agon.Edge):
        missing = [n for n in vars(cls) if not n.startswith("_") and not documented(cls, n)]
        assert not missing, f"{cls.__name__}: {missing}"
    assert documented(agon.Session, "__init__")


def test_lossy_warnings_point_at_the_callers_line(chain, tmp_path):
    # The warning was issued two frames up: "sys:1" from a script, the caller's caller elsewhere.
    with pytest.warns(UserWarning) as caught:
        line = inspect.currentframe().f_lineno + 1
        chain.save(str(tmp_path / "c.tgf"))
    assert {(w.filename, w.lineno) for w in caught} == {(__file__, line)}


def test_copy_module_copies_graphs(chain):
    # copy.copy and copy.deepcopy raised "cannot pickle 'agon._agon.Graph' object".
    for twin in (copy.copy(chain), copy.deepcopy(chain), copy.deepcopy({"g": chain})["g"]):
        twin.claim("d")
        assert "d" in twin and "d" not in chain and len(twin) == 4


def test_paths_may_be_pathlib_paths(chain, tmp_path):
    # load, save and render took str only: a pathlib.Path was pybind11's TypeError.
    chain.save(tmp_path / "c.json")
    again = agon.load(tmp_path / "c.json")
    assert [c.id for c in again] == ["a", "b", "c"]
    with pytest.raises(FileNotFoundError):
        agon.load(tmp_path / "missing.json")
    if agon.render_available():
        assert chain.render(tmp_path / "c.svg") is None and chain.evaluate().render(tmp_path / "r.dot") is None
        assert (tmp_path / "c.svg").read_bytes() == chain.render(format="svg")
        assert (tmp_path / "r.dot").stat().st_size > 0


def _designation_without(args):
    """One what-if in a worker process: the graph arrives pickled."""
    graph, claim = args
    return graph.scenario(claim).remove(claim).evaluate(semantics="dfquad")["designation"]


def test_graphs_go_to_text_and_to_other_processes(mexico):
    from concurrent.futures import ProcessPoolExecutor

    text = mexico.dumps()
    back = agon.loads(text)
    assert back.dumps() == text
    assert [c.id for c in back.claims()] == [c.id for c in mexico.claims()]
    assert [(e.id, e.kind, e.weight) for e in back.edges()] == [(e.id, e.kind, e.weight) for e in mexico.edges()]
    assert len(agon.loads(mexico.dumps("argdown"), format="argdown")) == len(mexico)
    with pytest.raises(ValueError, match="<text>"):
        agon.loads('{"format": "agon-graph", "version": 1, "claims": [}')
    with pytest.raises(ValueError, match="unknown format"):
        mexico.dumps("docx")

    copied = pickle.loads(pickle.dumps(mexico))
    assert copied.dumps() == text
    assert copied.evaluate(semantics="dfquad")["designation"] == mexico.evaluate(semantics="dfquad")["designation"]
    with ProcessPoolExecutor(2) as pool:
        moved = list(pool.map(_designation_without, [(mexico, "demand"), (mexico, "guns")]))
    assert moved == [_designation_without((mexico, "demand")), _designation_without((mexico, "guns"))]
