"""The same questions through every face: the agon program (--json), the C library (through
ctypes), Lua (`agon run`) and Python give the same JSON; the same edits give the same errors, and
the same session changes the same answers."""
import ctypes
import json
import math
import os
import subprocess

import pytest

import agon
import test_edit
from conftest import MEXICO, SOURCE, cli

GRAPHS = [MEXICO] + sorted((SOURCE / "graphs" / "classic").glob("*.json"))
SEMANTICS = ["grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal",
             "hcat", "max", "card", "dfquad", "quad", "euler", "qe", "mlp"]


def run_cli(*args):
    out = subprocess.run([cli(), *map(str, args)], capture_output=True, text=True, timeout=60)
    assert out.returncode in (0, 1), out.stderr
    return out.stdout


def c_library():
    path = os.environ.get("AGON_C_LIBRARY")
    if not path:
        pytest.skip("AGON_C_LIBRARY not set (run through ctest)")
    lib = ctypes.CDLL(path)
    lib.agon_graph_load.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
    lib.agon_evaluate.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p,
                                  ctypes.POINTER(ctypes.c_void_p)]
    lib.agon_result_json.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t)]
    lib.agon_result_free.argtypes = [ctypes.c_void_p]
    lib.agon_graph_free.argtypes = [ctypes.c_void_p]
    lib.agon_free.argtypes = [ctypes.c_void_p]
    return lib


def c_eval_json(lib, path, semantics):
    g, r, buf, size = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_size_t()
    assert lib.agon_graph_load(str(path).encode(), None, ctypes.byref(g)) == 0
    try:
        assert lib.agon_evaluate(g, semantics.encode(), None, None, ctypes.byref(r)) == 0
        assert lib.agon_result_json(r, ctypes.byref(buf), ctypes.byref(size)) == 0
        text = ctypes.string_at(buf, size.value).decode()
        lib.agon_free(buf)
        lib.agon_result_free(r)
        return text
    finally:
        lib.agon_graph_free(g)


def lua_eval_json(tmp_path, path, semantics):
    script = tmp_path / "faces.lua"
    script.write_text('local agon = require "agon"\nlocal g = agon.load(arg[1])\n'
                      'for i = 2, #arg do print(g:evaluate{semantics = arg[i]}:json()) end\n')
    out = run_cli("run", "--read", path.parent, "--", script, path, *semantics)
    return out.splitlines()


@pytest.mark.parametrize("path", GRAPHS, ids=lambda p: p.stem)
def test_evaluate_same_json_everywhere(path, tmp_path):
    lib = c_library()
    g = agon.load(str(path))
    lua = lua_eval_json(tmp_path, path, SEMANTICS)
    for semantics, lua_json in zip(SEMANTICS, lua, strict=True):
        python = g.evaluate(semantics=semantics).json()
        assert run_cli("eval", path, "--semantics", semantics, "--json").strip() == python, semantics
        assert c_eval_json(lib, path, semantics) == python, semantics
        assert lua_json == python, semantics


def test_questions_same_as_the_command_line():
    g = agon.load(str(MEXICO))
    for semantics in ("grounded", "preferred", "stable", "dfquad", "hcat"):
        for claim in ("designation", "demand", "lack_of_results"):
            expected = json.loads(run_cli("explain", MEXICO, claim, "--semantics", semantics, "--json"))
            assert g.explain(claim, semantics=semantics) == expected, (semantics, claim)
    for semantics, claim in (("grounded", "lack_of_results"), ("dfquad", "designation")):
        expected = json.loads(run_cli("hinge", MEXICO, claim, "--semantics", semantics, "--max-size", "2", "--json"))
        assert g.hinges(claim, semantics=semantics, max_size=2) == expected
    for semantics in ("grounded", "dfquad"):
        expected = json.loads(run_cli("robust", MEXICO, "--semantics", semantics, "--samples", "300", "--seed", "5",
                                      "--json"))
        assert g.robustness(semantics=semantics, samples=300, seed=5) == expected
    floating = SOURCE / "graphs" / "classic" / "floating_reinstatement.json"
    for semantics in ("preferred", "complete", "stable"):
        expected = json.loads(run_cli("extensions", floating, "--semantics", semantics, "--json"))
        assert agon.load(str(floating)).extensions(semantics) == expected["extensions"]


def test_parameters_reach_the_engine_as_on_the_command_line():
    g = agon.load(str(MEXICO))
    python = g.evaluate(semantics="euler", epsilon=1e-12, method="rk4").json()
    assert run_cli("eval", MEXICO, "--semantics", "euler", "--param", "epsilon=1e-12", "--param", "method=rk4",
                   "--json").strip() == python
    python = g.evaluate(semantics="grounded", support="deductive").json()
    assert run_cli("eval", MEXICO, "--semantics", "grounded", "--support", "deductive", "--json").strip() == python


# The same edits through every face that edits (test_edit.EDITS): on a graph and on a scenario, the
# Python module, the C library and Lua accept and refuse the same ones with the same words, and end
# with the same graph.
KINDS = {1: "invalid_input", 2: "usage", 3: "not_found"}


class ClaimSpec(ctypes.Structure):
    _fields_ = [("id", ctypes.c_char_p), ("text", ctypes.c_char_p), ("base", ctypes.c_double),
                ("is_argument", ctypes.c_int), ("tags", ctypes.POINTER(ctypes.c_char_p)),
                ("attributes", ctypes.POINTER(ctypes.c_char_p))]


def c_strings(items):
    """A NULL-terminated char* list, or NULL for none."""
    return (ctypes.c_char_p * (len(items) + 1))(*[s.encode() for s in items], None) if items else None


def c_edits(lib, path):
    for name, argtypes in {"agon_graph_subject": [ctypes.c_void_p], "agon_scenario_subject": [ctypes.c_void_p],
                           "agon_scenario_new": [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)],
                           "agon_scenario_free": [ctypes.c_void_p],
                           "agon_add_claim": [ctypes.c_void_p, ctypes.POINTER(ClaimSpec)],
                           "agon_add_edge": [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                                             ctypes.c_char_p, ctypes.c_double],
                           "agon_remove": [ctypes.c_void_p, ctypes.c_char_p],
                           "agon_remove_claim": [ctypes.c_void_p, ctypes.c_char_p],
                           "agon_remove_edge": [ctypes.c_void_p, ctypes.c_char_p],
                           "agon_set_base": [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_double],
                           "agon_set_weight": [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_double],
                           "agon_subject_evaluate": [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p,
                                                     ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]}.items():
        getattr(lib, name).argtypes = argtypes
    lib.agon_graph_subject.restype = lib.agon_scenario_subject.restype = ctypes.c_void_p
    lib.agon_last_error.restype = ctypes.c_char_p

    def apply(subject, edit):
        name, *args = edit
        if name == "add_claim":
            c = args[0]
            attributes = [s for kv in c.get("attributes", {}).items() for s in kv]
            spec = ClaimSpec(c["id"].encode(), c.get("text", "").encode(), c.get("base", 0.5),
                             c.get("kind") == "argument", c_strings(c.get("tags", [])), c_strings(attributes))
            status = lib.agon_add_claim(subject, ctypes.byref(spec))
        elif name == "add_edge":
            e = args[0]
            kind = ["support", "attack", "undercut"].index(e["kind"])
            status = lib.agon_add_edge(subject, e["id"].encode() if "id" in e else None, kind, e["from"].encode(),
                                       e["to"].encode(), e.get("weight", 1.0))
        else:
            status = getattr(lib, "agon_" + name)(subject, args[0].encode(), *args[1:])
        return "ok" if status == 0 else f"{KINDS[status]}: {lib.agon_last_error().decode()}"

    def evaluate(subject):
        r, buf, size = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_size_t()
        assert lib.agon_subject_evaluate(subject, b"dfquad", None, None, ctypes.byref(r)) == 0
        assert lib.agon_result_json(r, ctypes.byref(buf), ctypes.byref(size)) == 0
        text = ctypes.string_at(buf, size.value).decode()
        lib.agon_free(buf)
        lib.agon_result_free(r)
        return text

    graph, other, scenario = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
    assert lib.agon_graph_load(str(path).encode(), None, ctypes.byref(graph)) == 0
    assert lib.agon_graph_load(str(path).encode(), None, ctypes.byref(other)) == 0
    assert lib.agon_scenario_new(other, b"same edits", ctypes.byref(scenario)) == 0
    out = []
    for subject in (lib.agon_graph_subject(graph), lib.agon_scenario_subject(scenario)):
        out.append(([apply(subject, edit) for edit in test_edit.EDITS], evaluate(subject)))
    lib.agon_scenario_free(scenario)
    lib.agon_graph_free(other)
    lib.agon_graph_free(graph)
    return out


def lua_value(v):
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, float) and math.isinf(v):
        return "math.huge"
    if isinstance(v, (list, tuple)):
        return "{" + ", ".join(map(lua_value, v)) + "}"
    if isinstance(v, dict):
        return "{" + ", ".join(f"[{json.dumps(k)}] = {lua_value(x)}" for k, x in v.items()) + "}"
    return repr(v)


def lua_edits(tmp_path, path):
    script = tmp_path / "edits.lua"
    script.write_text(
        f"local edits = {lua_value(test_edit.EDITS)}\n"
        'for _, subject in ipairs{ agon.load(arg[1]), agon.load(arg[1]):scenario("same edits") } do\n'
        "  for _, e in ipairs(edits) do\n"
        "    local ok, err = pcall(function() return subject[e[1]](subject, table.unpack(e, 2)) end)\n"
        '    print(ok and "ok" or (tostring(err):gsub("^[^\\n]-:%d+: ", "")))  -- without the script line\n'
        "  end\n"
        '  print(subject:evaluate{ semantics = "dfquad" }:json())\n'
        "end\n")
    lines = run_cli("run", "--read", path.parent, "--", script, path).splitlines()
    n = len(test_edit.EDITS)
    return [(lines[:n], lines[n]), (lines[n + 1:2 * n + 1], lines[2 * n + 1])]


def test_edits_same_everywhere(tmp_path):
    lib = c_library()
    path = tmp_path / "base.json"
    test_edit.base_graph().save(str(path))
    python = []
    for subject in (agon.load(str(path)), agon.load(str(path)).scenario("same edits")):
        python.append(([test_edit.apply(subject, edit) for edit in test_edit.EDITS],
                       subject.evaluate(semantics="dfquad").json()))
    assert python[0] == python[1]
    assert c_edits(lib, path) == python
    # Lua errors carry the message only (after the script's place).
    words = [o.split(": ", 1)[-1] for o in python[0][0]]
    assert lua_edits(tmp_path, path) == [(words, python[0][1])] * 2


# One session's changes and questions through Python and Lua (g.session / g:session{}): the same
# answers, extensions and errors, step by step.
SESSION_STEPS = [
    ("credulous", "a"), ("skeptical", "c"), ("extension",), ("add_claim", "d"), ("attack", "d", "a"),
    ("attack", "a", "d"), ("credulous", ["a", "c"]), ("witness",), ("skeptical", "c"), ("witness",),
    ("grounded_label", "c"), ("add_claim", "a"), ("attack", "a", "x"), ("remove_attack", "c", "a"),
    ("remove_claim", "b"), ("skeptical", "c"), ("set_semantics", "stable"), ("extension",),
    ("credulous", "x"), ("set_semantics", "ideal"), ("skeptical", ["a", "c"]), ("has_attack", "a", "d"),
    ("has_claim", "b"),
]


def show(value):
    """An answer as Lua prints it."""
    if value is None:
        return "nil"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "{" + ",".join(value) + "}"
    return str(value)


def test_sessions_same_in_python_and_lua(tmp_path):
    path = tmp_path / "base.json"
    test_edit.base_graph().save(str(path))
    python, session = [], agon.load(str(path)).session("preferred")
    for name, *args in SESSION_STEPS:
        try:
            python.append(show(getattr(session, name)(*args)))
        except agon.Error as e:
            python.append(str(e))
    script = tmp_path / "session.lua"
    script.write_text(
        f"local steps = {lua_value(SESSION_STEPS)}\n"
        'local s = agon.load(arg[1]):session{ semantics = "preferred" }\n'
        "local function show(v)\n"
        '  if type(v) == "table" then return "{" .. table.concat(v, ",") .. "}" end\n'
        "  return tostring(v)\n"
        "end\n"
        "for _, step in ipairs(steps) do\n"
        "  local ok, v = pcall(function() return s[step[1]](s, table.unpack(step, 2)) end)\n"
        '  print(ok and show(v) or (tostring(v):gsub("^[^\\n]-:%d+: ", "")))\n'
        "end\n")
    assert run_cli("run", "--read", tmp_path, "--", script, path).splitlines() == python
    assert python[:3] == ["true", "true", "{a,c}"] and python[11] == "claim 'a' exists"
