"""The same questions through every face: the agon program (--json), the C library (through
ctypes), Lua (`agon run`) and Python give the same JSON."""
import ctypes
import json
import os
import subprocess

import pytest

import agon
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
