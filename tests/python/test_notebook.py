"""The Mexico–US notebook runs headless (nbclient) and shows what the Lua study shows."""
import json
import os
import sys

import pytest

from conftest import SOURCE

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")

NOTEBOOK = SOURCE / "bindings" / "python" / "examples" / "mexico_us.ipynb"


def text_of(cell):
    out = []
    for o in cell.get("outputs", []):
        out.append(o.get("text", ""))
        out.extend(str(v) for v in o.get("data", {}).values())
    return "".join(out)


def test_notebook_runs_headless(tmp_path, monkeypatch):
    # A kernel for this very interpreter, whichever python3 is first on PATH.
    spec = tmp_path / "kernels" / "agon-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "agon test", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(sys.path))
    nb = nbformat.read(str(NOTEBOOK), as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name="agon-test", timeout=60,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(o.get("output_type") != "error" for c in code for o in c.outputs)
    texts = [text_of(c) for c in code]
    everything = "\n".join(texts)
    # The map of the graph, plain and then coloured by the evaluation.
    svgs = [o["data"]["image/svg+xml"] for c in code for o in c.outputs if "image/svg+xml" in o.get("data", {})]
    assert len(svgs) >= 3 and svgs[0] != svgs[1]
    # The answers of the Lua study (scripts/whatif/mexico_us.lua) on the same graph.
    assert "designation is out" in everything
    assert "It is attacked by" in everything
    assert "hinges on:" in everything
    assert "Mexico shows results" in everything and "bilateral treaty signed" in everything
    assert "U.S. view: lack of results: out -> in" not in everything  # results weaken the U.S. view
