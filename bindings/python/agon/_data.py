"""networkx round trips: agon graphs as MultiDiGraphs and back."""

from collections.abc import Mapping

from ._agon import Graph, _usage_error

_NODE_FIELDS = ("text", "base", "kind", "tags")
# Free-form attributes named like a node field, or "attributes", travel in a dict under "attributes".
_NESTED = (*_NODE_FIELDS, "attributes")


def to_networkx(graph):
    """The graph as a networkx.MultiDiGraph.

    Nodes are claim ids with the attributes text, base, kind, tags and every free-form attribute
    (source, url, ...), except those named text, base, kind, tags or attributes, which go in a dict
    under "attributes" (so nothing is lost and from_networkx reads them back). Support and attack
    edges are keyed by edge id with the attributes id, kind and weight. Undercuts (edges aimed at
    edges) have no place in a networkx graph: they are kept as a list of {id, from, to, weight} in
    G.graph["undercuts"]. G.graph["title"] is the title.
    """
    import networkx as nx

    G = nx.MultiDiGraph(title=graph.title)
    for c in graph.claims():
        data = {k: v for k, v in c.attributes.items() if k not in _NESTED}
        nested = {k: v for k, v in c.attributes.items() if k in _NESTED}
        data.update(text=c.text, base=c.base, kind=c.kind, tags=list(c.tags))
        if nested:
            data["attributes"] = nested
        G.add_nodes_from([(c.id, data)])  # not add_node(**data): an attribute may be named node_for_adding
    undercuts = []
    for e in graph.edges():
        if e.kind == "undercut":
            undercuts.append({"id": e.id, "from": e.from_, "to": e.to, "weight": e.weight})
        else:
            G.add_edge(e.from_, e.to, key=e.id, id=e.id, kind=e.kind, weight=e.weight)
    if undercuts:
        G.graph["undercuts"] = undercuts
    return G


def _edge_id(key, data):
    if data.get("id") is not None:
        return str(data["id"])
    return key if isinstance(key, str) else ""


def _text(value, default=""):
    return default if value is None else str(value)  # None counts as absent, not as "None"


def _number(value, where, name):
    try:
        return float(value)
    except (TypeError, ValueError) as e:  # float's own message names neither the node nor the edge
        raise type(e)(f"{where}: {name} must be a number, not {value!r}") from None


def _tags(value, where):
    if value is None:
        return []
    if isinstance(value, str):  # one tag, not its letters (GraphML and GEXF have no lists)
        return [value]
    try:
        return [str(t) for t in value]
    except TypeError:
        raise TypeError(f"{where}: tags must be a string or a list of strings, not {value!r}") from None


def _attributes(data, where):
    attributes = {k: str(v) for k, v in data.items() if k not in _NESTED and v is not None}
    nested = data.get("attributes")
    if nested is not None:
        if not isinstance(nested, Mapping):
            raise TypeError(f"{where}: attributes must be a dict, not {nested!r}")
        attributes.update((str(k), str(v)) for k, v in nested.items() if v is not None)
    return attributes


def from_networkx(G, kind_attr="kind", weight_attr="weight", title=None):
    """An agon.Graph from a directed networkx graph (DiGraph or MultiDiGraph).

    Every node becomes a claim with id str(node); the node attributes text, base (in [0,1],
    default 0.5), kind ('statement' or 'argument') and tags (a list, or a string for one tag) are
    read as such, all others become free-form attributes (as text), with those of a dict under
    "attributes" (as to_networkx writes them). Every edge becomes an edge of the kind named by its
    `kind_attr` attribute ('support' or 'attack'; 'attack' when absent, so a plain DiGraph is an
    abstract framework) with weight `weight_attr` (default 1) and the id in its `id` attribute or
    its multigraph key (fresh ids otherwise). A None value counts as absent, except for base and
    weight, which must be numbers. G.graph["undercuts"] (as to_networkx writes it) adds undercuts.
    Raises agon.Error for bad values (kind, base, duplicate ids), TypeError or ValueError naming
    the node or edge for values of the wrong type.
    """
    if not G.is_directed():
        raise _usage_error("from_networkx needs a directed graph (networkx.DiGraph or MultiDiGraph)")
    g = Graph(_text(G.graph.get("title") if title is None else title))
    for node, data in G.nodes(data=True):
        where = f"node {node!r}"
        g.claim(str(node), text=_text(data.get("text")), base=_number(data.get("base", 0.5), where, "base"),
                kind=_text(data.get("kind"), "statement"), tags=_tags(data.get("tags"), where),
                attributes=_attributes(data, where))
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))
    for u, v, key, data in edges:
        where = f"edge {u!r} -> {v!r}"
        kind = _text(data.get(kind_attr), "attack")
        if kind not in ("support", "attack"):
            raise _usage_error(f"{where}: {kind_attr} must be 'support' or 'attack', not {kind!r}")
        add = g.support if kind == "support" else g.attack
        add(str(u), str(v), _number(data.get(weight_attr, 1.0), where, weight_attr), _edge_id(key, data))
    for u in G.graph.get("undercuts", ()):
        g.undercut(str(u["from"]), str(u["to"]), _number(u.get("weight", 1.0), f"undercut {u!r}", "weight"),
                   _text(u.get("id")))
    return g
