"""agon: argument and debate graphs for Python.

Build a graph (``agon.Graph()``) or read one (``agon.load(path)``), evaluate it under a
semantics (``g.evaluate(semantics="dfquad")``), ask why (``g.explain``), what a claim
hinges on (``g.hinges``), how robust it is (``g.robustness``), try what-if scenarios
(``g.scenario(name)``) and draw maps (``agon.render``). Results are mappings from claim
id to label or strength; in Jupyter, graphs and results show as maps.

The names follow agon's Lua API and glossary; the answers are those of the ``agon``
command line (the same JSON shapes). See docs/python.md.
"""

from collections.abc import Mapping as _Mapping

from ._agon import (Claim, Edge, Error, Graph, Result, Scenario, Session, diff, load, loads, render,
                    render_available, semantics, version)
from ._data import from_networkx, to_networkx
from ._extensions import Extensions

__all__ = ["Claim", "Edge", "Error", "Extensions", "Graph", "Result", "Scenario", "Session", "diff",
           "from_networkx", "load", "loads", "render", "render_available", "semantics", "to_networkx", "version"]
__version__ = version()

# Results are read-only mappings: keys(), values(), items(), get() and == come from Mapping.
for _name in ("keys", "values", "items", "get", "__eq__", "__ne__"):
    setattr(Result, _name, getattr(_Mapping, _name))
Result.__hash__ = None
_Mapping.register(Result)

from . import _display  # noqa: E402,F401  (adds to_dict, to_pandas, render and the Jupyter maps)
