"""Python-side conveniences on the compiled classes: plain data, pandas, maps
and Jupyter display. Everything here calls the engine through agon._agon."""

import json

from ._agon import Graph, Result, Scenario, render, render_available

# The largest map drawn inline in a notebook; above it _repr_svg_ shows nothing
# (the text repr), since laying out thousands of claims takes seconds.
MAX_INLINE_CLAIMS = 400


def _result_to_dict(self):
    """The result as the `agon eval --json` object: {"semantics": ..., "labels"|"strength": {id: value}, ...}."""
    return json.loads(self.json())


def _result_to_pandas(self):
    """A pandas DataFrame indexed by claim id: columns `label` (extension semantics) and `strength`
    (labels read as in 1, undec 0.5, out 0). Needs pandas (python3-pandas)."""
    try:
        import pandas
    except ImportError as e:  # pandas is optional
        raise ImportError("Result.to_pandas needs pandas (Debian: apt install python3-pandas)") from e
    values = self.to_dict()["labels" if self.has_labels else "strength"]  # one parse, claims in order
    ids = list(values)
    columns = {}
    if self.has_labels:
        columns["label"] = list(values.values())
        columns["strength"] = [{"in": 1.0, "out": 0.0}.get(x, 0.5) for x in columns["label"]]
    else:
        columns["strength"] = list(values.values())
    frame = pandas.DataFrame(columns, index=pandas.Index(ids, name="claim"))
    frame.attrs["semantics"] = self.semantics
    return frame


def _graph_render(self, file=None, **options):
    """agon.render(self, file, **options): the map as bytes, or None after writing `file`."""
    return render(self, file, **options)


def _result_render(self, file=None, **options):
    """The map of the evaluated graph coloured by this result (agon.render options apply)."""
    return render(self.graph(), file, result=self, **options)


def _inline_svg(graph, result):
    if not render_available() or len(graph) > MAX_INLINE_CLAIMS:
        return None
    return render(graph, result=result, format="svg", legend=result is not None).decode("utf-8")


def _graph_svg(self):
    return _inline_svg(self, self.last_result)


def _scenario_svg(self):
    return _inline_svg(self.graph(), self.last_result)


def _result_svg(self):
    return _inline_svg(self.graph(), self)


Result.to_dict = _result_to_dict
Result.to_pandas = _result_to_pandas
Result.render = _result_render
Graph.render = _graph_render
Scenario.render = _graph_render
Graph._repr_svg_ = _graph_svg
Scenario._repr_svg_ = _scenario_svg
Result._repr_svg_ = _result_svg
