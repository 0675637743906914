"""networkx round trips: agon graphs as MultiDiGraphs and back."""

from ._agon import Error, Graph

_NODE_FIELDS = ("text", "base", "kind", "tags")


def _usage(message):
    error = Error(message)
    error.kind, error.message, error.file, error.line, error.column = "usage", message, None, None, None
    return error


def to_networkx(graph):
    """The graph as a networkx.MultiDiGraph.

    Nodes are claim ids with the attributes text, base, kind, tags and every free-form attribute
    (source, url, ...); support and attack edges are keyed by edge id with the attributes id, kind
    and weight. Undercuts (edges aimed at edges) have no place in a networkx graph: they are kept
    as a list of {id, from, to, weight} in G.graph["undercuts"]. G.graph["title"] is the title.
    """
    import networkx as nx

    G = nx.MultiDiGraph(title=graph.title)
    for c in graph.claims():
        G.add_node(c.id, text=c.text, base=c.base, kind=c.kind, tags=list(c.tags), **c.attributes)
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
    if "id" in data:
        return str(data["id"])
    return key if isinstance(key, str) else ""


def from_networkx(G, kind_attr="kind", weight_attr="weight", title=None):
    """An agon.Graph from a directed networkx graph (DiGraph or MultiDiGraph).

    Every node becomes a claim with id str(node); the node attributes text, base (in [0,1],
    default 0.5), kind ('statement' or 'argument') and tags are read as such, all others become
    free-form attributes (as text). Every edge becomes an edge of the kind named by its
    `kind_attr` attribute ('support' or 'attack'; 'attack' when absent, so a plain DiGraph is an
    abstract framework) with weight `weight_attr` (default 1) and the id in its `id` attribute or
    its multigraph key (fresh ids otherwise). G.graph["undercuts"] (as to_networkx writes it)
    adds undercuts. Raises agon.Error for bad values (kind, base, duplicate ids).
    """
    if not G.is_directed():
        raise _usage("from_networkx needs a directed graph (networkx.DiGraph or MultiDiGraph)")
    g = Graph(str(title if title is not None else G.graph.get("title", "")))
    for node, data in G.nodes(data=True):
        attributes = {k: str(v) for k, v in data.items() if k not in _NODE_FIELDS}
        g.claim(str(node), text=str(data.get("text", "")), base=float(data.get("base", 0.5)),
                kind=str(data.get("kind", "statement")), tags=[str(t) for t in data.get("tags", ())],
                attributes=attributes)
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))
    for u, v, key, data in edges:
        kind = data.get(kind_attr, "attack")
        if kind not in ("support", "attack"):
            raise _usage(f"edge {u!r} -> {v!r}: {kind_attr} must be 'support' or 'attack', not {kind!r}")
        add = g.support if kind == "support" else g.attack
        add(str(u), str(v), float(data.get(weight_attr, 1.0)), _edge_id(key, data))
    for u in G.graph.get("undercuts", ()):
        g.undercut(str(u["from"]), str(u["to"]), float(u.get("weight", 1.0)), str(u.get("id", "")))
    return g
