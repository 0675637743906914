"""One editing interface (agon/editor.hpp): a graph and a scenario accept the same edits, under the
same names, and refuse the same ones with the same errors. EDITS is also replayed through the C
library and Lua in test_crossface.py."""
import math

import pytest

import agon

# Each edit in the order Lua and C take its arguments; a dict is a claim or an edge spec.
EDITS = [
    ("add_claim", {"id": "m", "text": "claim m", "base": 0.6}),
    ("add_claim", {"id": "n", "kind": "argument", "tags": ["t1", "t2"], "attributes": {"source": "paper"}}),
    ("add_claim", {"id": "a"}),                      # duplicate id (a claim of base_graph)
    ("add_claim", {"id": ""}),                       # empty id
    ("add_claim", {"id": "d", "base": 1.5}),         # base outside [0,1]
    ("add_edge", {"kind": "attack", "from": "a", "to": "b", "id": "ab2"}),
    ("add_edge", {"kind": "support", "from": "n", "to": "b", "weight": 0.5}),  # a fresh eN
    ("add_edge", {"kind": "attack", "from": "a", "to": "nowhere"}),            # missing endpoint
    ("add_edge", {"kind": "undercut", "from": "n", "to": "ab2", "id": "u1"}),
    ("add_edge", {"kind": "undercut", "from": "n", "to": "b"}),                # undercut aimed at a claim
    ("add_edge", {"kind": "attack", "from": "c", "to": "a", "id": "ab2"}),     # duplicate edge id
    ("add_edge", {"kind": "attack", "from": "c", "to": "a", "weight": -1.0}),  # negative weight
    ("set_base", "a", 0.2),
    ("set_base", "nowhere", 0.3),
    ("set_base", "a", -0.1),
    ("set_weight", "ab2", 0.7),
    ("set_weight", "nowhere", 1.0),
    ("set_weight", "ab2", math.inf),
    ("remove_claim", "ab2"),                          # an edge id is not a claim
    ("remove_edge", "a"),                             # nor a claim id an edge
    ("remove", "nowhere"),
    ("remove", "u1"),                                 # the edge
    ("add_claim", {"id": "z", "base": 0.9}),
    ("add_edge", {"kind": "attack", "from": "z", "to": "c", "id": "zc"}),
    ("remove", "b"),                                  # the claim, with its edges
    ("remove_edge", "zc"),
    ("add_edge", {"kind": "support", "from": "z", "to": "a", "id": "za"}),
    ("remove_claim", "c"),
]


def base_graph():
    """a attacks b, b attacks c (ids ab, bc), as in conftest's chain."""
    g = agon.Graph("base")
    for x in "abc":
        g.add_claim(x, f"claim {x}")
    return g.add_edge("attack", "a", "b", id="ab").add_edge("attack", "b", "c", id="bc")


def apply(subject, edit):
    """Apply one edit of EDITS; 'ok' or the agon.Error as 'kind: message'."""
    name, *args = edit
    try:
        if name == "add_claim":
            assert subject.add_claim(**args[0]) is subject
        elif name == "add_edge":
            spec = dict(args[0])
            assert subject.add_edge(spec.pop("kind"), spec.pop("from"), spec.pop("to"), **spec) is subject
        else:
            assert getattr(subject, name)(*args) is subject
        return "ok"
    except agon.Error as e:
        return f"{e.kind}: {e}"


def state(subject):
    """What an edit can change: the claims, their base scores (dfquad strengths), the edges' weights."""
    return subject.evaluate(semantics="dfquad").json(), subject.evaluate(semantics="grounded", support="deductive").json()


def test_a_graph_and_a_scenario_take_the_same_edits_and_give_the_same_errors():
    g, s = base_graph(), base_graph().scenario("same edits")
    outcomes = []
    for edit in EDITS:
        got = apply(g, edit), apply(s, edit)
        assert got[0] == got[1], edit
        assert state(g) == state(s), edit
        outcomes.append(got[0])
    # Each refusal has the kind and the words of agon/editor.hpp.
    refused = [(edit, o) for edit, o in zip(EDITS, outcomes) if o != "ok"]
    assert [o.split(":")[0] for _, o in refused] == ["invalid_input"] * 7 + ["not_found", "invalid_input",
                                                                              "not_found", "invalid_input",
                                                                              "not_found", "not_found", "not_found"]
    assert refused[0][1] == "invalid_input: duplicate claim id 'a'"
    assert outcomes[EDITS.index(("remove", "nowhere"))] == "not_found: no claim or edge 'nowhere'"
    assert outcomes[EDITS.index(("remove_claim", "ab2"))] == "not_found: no claim 'ab2'"
    assert [c.id for c in g] == ["a", "m", "n", "z"] and [e.id for e in g.edges()] == ["za"]
    assert g["a"].base == 0.2 and g["m"].text == "claim m" and g["m"].base == 0.6
    assert g["n"].kind == "argument" and g["n"].tags == ["t1", "t2"] and g["n"].source == "paper"
    assert (g["za"].kind, g["za"].from_, g["za"].to) == ("support", "z", "a")
    sg = s.graph()
    assert [(c.id, c.base, c.kind, c.tags, c.attributes) for c in sg] == \
        [(c.id, c.base, c.kind, c.tags, c.attributes) for c in g]
    assert [(e.id, e.kind, e.from_, e.to, e.weight) for e in sg.edges()] == \
        [(e.id, e.kind, e.from_, e.to, e.weight) for e in g.edges()]


def test_ids_of_removed_edges_are_free_again_in_both():
    g, s = base_graph(), base_graph().scenario()
    for x in (g, s):
        x.remove("b")  # and with it the edges ab and bc
        x.add_edge("attack", "a", "c")  # a fresh id
        x.add_edge("attack", "c", "a", id="ab")
    assert [e.id for e in g.edges()] == ["e1", "ab"]
    assert [e.id for e in s.graph().edges()] == ["e1", "ab"]


def test_a_claim_added_back_comes_without_its_old_edges_in_both():
    g, s = base_graph(), base_graph().scenario()
    for x in (g, s):
        x.remove("b").add_claim("b")
    assert dict(g.evaluate()) == {"a": "in", "c": "in", "b": "in"}
    assert dict(s.evaluate()) == dict(g.evaluate())


def test_the_shorthands_match_add_claim_and_add_edge():
    long_g, long_s = agon.Graph(), agon.Graph().scenario()
    short_g, short_s = agon.Graph(), agon.Graph().scenario()
    for x in (long_g, long_s):
        x.add_claim("p").add_claim("q", kind="argument").add_claim("r")
        x.add_edge("support", "p", "q", 0.5).add_edge("attack", "r", "q", id="rq").add_edge("undercut", "p", "rq")
    a = short_g.claim("p")
    assert isinstance(a, agon.Claim) and a.id == "p"
    short_g.claim("q", kind="argument"), short_g.claim("r")
    e = short_g.support(a, "q", 0.5)
    assert isinstance(e, agon.Edge) and e.id == "e1"
    short_g.undercut(a, short_g.attack("r", short_g["q"], id="rq"))
    # On a scenario the same calls return the scenario, so they chain.
    assert short_s.claim("p").claim("q", kind="argument").claim("r") is short_s
    assert short_s.support("p", "q", 0.5).attack("r", "q", id="rq").undercut("p", "rq") is short_s
    for x in (long_s, short_g, short_s):
        assert state(x) == state(long_g)
    # Handles name what they stand for in every edit.
    assert short_g.set_base(a, 0.1).set_weight(e, 0.2) is short_g
    assert short_g["p"].base == 0.1 and short_g["e1"].weight == 0.2
    assert short_g.remove(short_g["rq"]) is short_g and "rq" not in short_g and "p" in short_g


@pytest.mark.parametrize("make", [agon.Graph, lambda: agon.Graph().scenario()], ids=["graph", "scenario"])
def test_wrong_types_and_names_are_refused_alike(make):
    x = make().add_claim("a").add_claim("b")
    with pytest.raises(TypeError):
        x.attack(1, "a")
    with pytest.raises(TypeError):
        x.set_base("a", "high")
    with pytest.raises(agon.Error) as info:
        x.add_claim("c", kind="opinion")
    assert info.value.kind == "usage" and "statement or argument" in str(info.value)
    with pytest.raises(agon.Error) as info:
        x.add_edge("rebut", "a", "b")
    assert info.value.kind == "usage" and "support, attack or undercut" in str(info.value)
    # A failed edit leaves the subject as it was.
    assert "c" not in x and state(x) == state(make().add_claim("a").add_claim("b"))
    # `in` reads claims and edges by id or handle.
    x.attack("a", "b", id="ab")
    assert "a" in x and "ab" in x and "nowhere" not in x
