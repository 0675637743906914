"""networkx round trips (Debian's python3-networkx)."""
import pytest

import agon

nx = pytest.importorskip("networkx")


def claims_and_edges(g):
    # networkx lists edges grouped by source node, so edges come back in that order.
    return ([(c.id, c.text, c.base, c.kind, c.tags, c.attributes) for c in g],
            sorted((e.id, e.kind, e.from_, e.to, e.weight) for e in g.edges()))


def test_round_trip_keeps_everything(mexico):
    G = agon.to_networkx(mexico)
    assert isinstance(G, nx.MultiDiGraph)
    assert G.number_of_nodes() == len(mexico) and G.number_of_edges() == len(mexico.edges())
    assert G.graph["title"] == mexico.title
    d = G.nodes["designation"]
    assert d["text"] == mexico["designation"].text and d["base"] == mexico["designation"].base
    back = agon.from_networkx(G)
    assert claims_and_edges(back) == claims_and_edges(mexico) and back.title == mexico.title
    for semantics in ("grounded", "dfquad", "preferred"):
        assert back.evaluate(semantics=semantics).json() == mexico.evaluate(semantics=semantics).json()


def test_undercuts_travel_in_the_graph_attributes():
    g = agon.Graph()
    for x in "abu":
        g.claim(x)
    e = g.support("a", "b", 0.5, "ab")
    g.undercut("u", e, 0.8, "cut")
    G = agon.to_networkx(g)
    assert G.graph["undercuts"] == [{"id": "cut", "from": "u", "to": "ab", "weight": 0.8}]
    assert claims_and_edges(agon.from_networkx(G)) == claims_and_edges(g)


def test_plain_digraph_is_an_abstract_framework():
    # 1 -> 2 -> 3 attacks: 1 in, 2 out, 3 in; node ids become strings.
    G = nx.DiGraph([(1, 2), (2, 3)])
    g = agon.from_networkx(G)
    assert dict(g.evaluate()) == {"1": "in", "2": "out", "3": "in"}
    assert [e.kind for e in g.edges()] == ["attack", "attack"] and [e.id for e in g.edges()] == ["e1", "e2"]


def test_own_attribute_names_and_extra_node_data():
    G = nx.DiGraph()
    G.add_node("p", text="premise", base=0.9, url="https://example.org", votes=3)
    G.add_node("q", text="conclusion")
    G.add_node("r")
    G.add_edge("p", "q", relation="support", strength=0.4)
    G.add_edge("r", "q", relation="attack")
    g = agon.from_networkx(G, kind_attr="relation", weight_attr="strength", title="mine")
    assert g.title == "mine" and g["p"].attributes == {"url": "https://example.org", "votes": "3"}
    assert [(e.kind, e.weight) for e in g.edges()] == [("support", 0.4), ("attack", 1.0)]
    # DF-QuAD on q: support 0.9 * 0.4 = 0.36 against attack 0.5; q = 0.5 - 0.5 * (0.5 - 0.36) = 0.43.
    assert g.evaluate(semantics="dfquad")["q"] == pytest.approx(0.43)


def test_bad_networkx_input():
    with pytest.raises(agon.Error) as info:
        agon.from_networkx(nx.Graph([(1, 2)]))
    assert info.value.kind == "usage" and info.value.file is None
    with pytest.raises(ValueError, match="must be 'support' or 'attack'"):  # as the engine's own usage errors
        agon.from_networkx(nx.DiGraph([("a", "b", {"kind": "friend"})]))
    with pytest.raises(agon.Error):
        agon.from_networkx(nx.DiGraph([("a", "b", {"weight": -1})]))
    G = nx.DiGraph()
    G.add_node("a", base=3)
    with pytest.raises(agon.Error, match="base"):
        agon.from_networkx(G)


def test_networkx_algorithms_agree(mexico):
    G = agon.to_networkx(mexico)
    attacked = {e.to for e in mexico.edges() if e.kind == "attack"}
    assert {v for _, v, k in G.edges(data="kind") if k == "attack"} == attacked
    assert nx.is_directed_acyclic_graph(G) == (mexico.evaluate(semantics="hcat").iterations == 0)


def test_attributes_named_like_node_fields_round_trip():
    # An attribute named text, base, kind or tags once clashed with the node field (TypeError:
    # multiple values), as did node_for_adding, add_node's own argument.
    g = agon.Graph()
    own = {"text": "t", "base": "b", "kind": "k", "tags": "x", "attributes": "a", "node_for_adding": "n", "url": "u"}
    g.claim("c", "the text", 0.25, tags=["p"], attributes=own)
    G = agon.to_networkx(g)
    node = G.nodes["c"]
    assert (node["text"], node["base"], node["kind"], node["tags"]) == ("the text", 0.25, "statement", ["p"])
    assert node["url"] == "u" and node["node_for_adding"] == "n"
    assert node["attributes"] == {"text": "t", "base": "b", "kind": "k", "tags": "x", "attributes": "a"}
    assert claims_and_edges(agon.from_networkx(G)) == claims_and_edges(g)
    assert "attributes" not in agon.to_networkx(agon.from_networkx(nx.DiGraph([("a", "b")]))).nodes["a"]


def test_from_networkx_reads_none_as_absent_and_names_bad_values():
    G = nx.DiGraph(title=None)
    G.add_node("a", tags="security", text=None, kind=None, note=None)
    G.add_node("b", tags=None, attributes={"text": "own", "n": 2})
    G.add_edge("a", "b", id=None, kind=None)
    g = agon.from_networkx(G)
    assert g.title == "" and g["a"].tags == ["security"] and g["a"].text == "" and g["a"].kind == "statement"
    assert g["a"].attributes == {} and g["b"].tags == [] and g["b"].attributes == {"text": "own", "n": "2"}
    assert [(e.id, e.kind) for e in g.edges()] == [("e1", "attack")]  # not an edge named 'None'
    for node, error, message in ((dict(base=None), TypeError, r"node 'a': base must be a number, not None"),
                                 (dict(base="high"), ValueError, r"node 'a': base must be a number, not 'high'"),
                                 (dict(tags=3), TypeError, r"node 'a': tags must be a string or a list"),
                                 (dict(attributes="x"), TypeError, r"node 'a': attributes must be a dict")):
        with pytest.raises(error, match=message):
            agon.from_networkx(_one_node("a", **node))
    with pytest.raises(TypeError, match=r"edge 'a' -> 'b': strength must be a number, not None"):
        agon.from_networkx(nx.DiGraph([("a", "b", {"strength": None})]), weight_attr="strength")


def _one_node(node, **data):
    G = nx.DiGraph()
    G.add_node(node, **data)
    return G
