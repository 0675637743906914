"""Shared fixtures: where the agon program, the C library and the example graphs are."""
import os
import pathlib

import pytest

SOURCE = pathlib.Path(os.environ.get("AGON_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SHARED = pathlib.Path(os.environ.get("AGON_SHARED_DIR", SOURCE.parent / "shared"))
MEXICO = SOURCE / "graphs" / "mexico_us_security.json"


@pytest.fixture
def mexico():
    import agon
    return agon.load(str(MEXICO))


@pytest.fixture
def chain():
    """a attacks b, b attacks c (hand-checked answers in the tests)."""
    import agon
    g = agon.Graph("chain")
    g.claim("a", "claim a")
    g.claim("b", "claim b")
    g.claim("c", "claim c")
    g.attack("a", "b", id="ab")
    g.attack("b", "c", id="bc")
    return g


def cli():
    path = os.environ.get("AGON_CLI")
    if not path:
        pytest.skip("AGON_CLI not set (run through ctest)")
    return path
