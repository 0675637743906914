"""The type stubs (agon/_agon.pyi) name exactly what the module has."""
import ast
import pathlib

import agon

STUB = pathlib.Path(agon.__file__).with_name("_agon.pyi")


def stub_members():
    tree = ast.parse(STUB.read_text())
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}

    def members(name):
        node = classes[name]
        own = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
        own |= {n.target.id for n in node.body if isinstance(n, ast.AnnAssign)}
        for base in node.bases:
            if isinstance(base, ast.Name) and base.id in classes:
                own |= members(base.id)
        return own

    return {name: members(name) for name in classes}, functions


def public(cls):
    return {n for n in vars(cls) if not n.startswith("__") and n != "_pybind11_conduit_v1_"}


def test_stubs_match_the_module():
    classes, functions = stub_members()
    for name in ("Graph", "Scenario", "Result", "Claim", "Edge", "Session"):
        cls = getattr(agon, name)
        runtime = public(cls) - {"keys", "values", "items", "get"} if name == "Result" else public(cls)
        assert runtime == classes[name] - {n for n in classes[name] if n.startswith("__")}, name
    assert {"kind", "file", "line", "column", "message"} <= classes["Error"]
    assert functions == {n for n in agon.__all__ if callable(getattr(agon, n)) and not isinstance(getattr(agon, n), type)} - {"from_networkx", "to_networkx"}
