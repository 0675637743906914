// agon.Graph, agon.Claim, agon.Edge and agon.load: building and reading graphs.
#include <pybind11/stl.h>

#include "agon/error.hpp"
#include "agon/io.hpp"
#include "py_agon.hpp"

namespace agon::python {

Graph& GraphState::edit() {
    if (graph.use_count() > 1) graph = std::make_shared<Graph>(*graph);
    snapshot.reset();
    return *graph;
}

std::shared_ptr<const Snapshot> GraphState::snapshot_now() {
    if (!snapshot) snapshot = std::make_shared<const Snapshot>(Snapshot::of(*graph));
    return snapshot;
}

const Claim& ClaimRef::get() const {
    if (const Claim* c = owner->graph->find_claim(id)) return *c;
    throw Error(ErrorKind::not_found, "claim '" + id + "' is no longer in the graph");
}

const Edge& EdgeRef::get() const {
    if (const Edge* e = owner->graph->find_edge(id)) return *e;
    throw Error(ErrorKind::not_found, "edge '" + id + "' is no longer in the graph");
}

bool names_claim(const py::handle& x) { return py::isinstance<ClaimRef>(x) || py::isinstance<py::str>(x); }

std::string claim_id(const py::handle& x) {
    if (py::isinstance<ClaimRef>(x)) return x.cast<const ClaimRef&>().id;
    if (py::isinstance<py::str>(x)) return x.cast<std::string>();
    throw py::type_error("claim or claim id expected, got " + std::string(py::str(x.get_type().attr("__name__"))));
}

std::string edge_id(const py::handle& x) {
    if (py::isinstance<EdgeRef>(x)) return x.cast<const EdgeRef&>().id;
    if (py::isinstance<py::str>(x)) return x.cast<std::string>();
    throw py::type_error("edge or edge id expected, got " + std::string(py::str(x.get_type().attr("__name__"))));
}

namespace {

using GraphPtr = std::shared_ptr<GraphState>;

std::optional<Format> format_arg(const std::optional<std::string>& name) {
    if (!name) return std::nullopt;
    if (auto f = format_from_name(*name)) return f;
    throw Error(ErrorKind::usage, "unknown format '" + *name + "'");
}

void warn_all(const Warnings& warnings) {
    for (const auto& w : warnings)
        // Level 1 is the Python line that called load() or save() (a C function has no frame).
        if (PyErr_WarnEx(PyExc_UserWarning, w.c_str(), 1) != 0) throw py::error_already_set();
}

py::object lookup(const GraphPtr& g, const std::string& id) {
    if (g->graph->find_claim(id)) return py::cast(ClaimRef{g, id});
    if (g->graph->find_edge(id)) return py::cast(EdgeRef{g, id});
    return py::none();
}

py::dict attributes_of(const Claim& c) {
    py::dict d;
    for (const auto& [k, v] : c.attributes) d[py::str(k)] = v;
    return d;
}

/// The repr of a handle whose claim or edge was removed (a repr must not raise).
std::string stale_repr(const std::string& type, const std::string& id) {
    return "<agon." + type + " '" + id + "' (no longer in the graph)>";
}

void bind_claim(py::module_& m) {
    auto claim = class_of<ClaimRef>(m, "Claim");
    claim.doc() = "A claim of a graph (a handle: it reads the graph as it is now). Attributes such as\n"
                  "`source` read as fields too: `claim.source`.";
    claim.def_property_readonly("id", [](const ClaimRef& c) { return c.id; }, "The claim's id.")
        .def_property_readonly("text", [](const ClaimRef& c) { return c.get().text; }, "The claim's text.")
        .def_property_readonly("base", [](const ClaimRef& c) { return c.get().base; },
                               "The base score in [0,1] (g.set_base changes it).")
        .def_property_readonly("kind", [](const ClaimRef& c) { return std::string(to_string(c.get().kind)); },
                               "'statement' or 'argument'.")
        .def_property_readonly("tags", [](const ClaimRef& c) { return c.get().tags; }, "The tags, as a new list.")
        .def_property_readonly("attributes", [](const ClaimRef& c) { return attributes_of(c.get()); },
                               "Free-form attributes (source, url, ...) as a new dict.")
        .def("__getattr__",
             [](const ClaimRef& c, const std::string& key) {
                 // AttributeError on a stale handle too, so getattr(c, key, default) and hasattr work.
                 try {
                     if (const std::string* v = c.get().attribute(key)) return *v;
                 } catch (const Error& e) {
                     throw py::attribute_error(e.what());
                 }
                 throw py::attribute_error("claim '" + c.id + "' has no attribute '" + key + "'");
             })
        // Handles of another kind compare unequal (NotImplemented), as in the Lua face.
        .def("__eq__", [](const ClaimRef& a, const ClaimRef& b) { return a.owner == b.owner && a.id == b.id; },
             py::is_operator())
        .def("__hash__", [](const ClaimRef& c) { return py::hash(py::str(c.id)); })
        .def("__repr__", [](const ClaimRef& c) {
            return c.owner->graph->find_claim(c.id) ? "<agon.Claim '" + c.id + "'>" : stale_repr("Claim", c.id);
        });

    auto edge = class_of<EdgeRef>(m, "Edge");
    edge.doc() = "An edge of a graph (a handle). `from_` and `to` are ids; `to` names an edge for an undercut.";
    edge.def_property_readonly("id", [](const EdgeRef& e) { return e.id; }, "The edge's id.")
        .def_property_readonly("kind", [](const EdgeRef& e) { return std::string(to_string(e.get().kind)); },
                               "'support', 'attack' or 'undercut'.")
        .def_property_readonly("from_", [](const EdgeRef& e) { return e.get().from; }, "The source claim's id.")
        .def_property_readonly("to", [](const EdgeRef& e) { return e.get().to; },
                               "The target claim's id (an edge id for an undercut).")
        .def_property_readonly("weight", [](const EdgeRef& e) { return e.get().weight; },
                               "The weight (finite, >= 0; g.set_weight changes it).")
        .def("__eq__", [](const EdgeRef& a, const EdgeRef& b) { return a.owner == b.owner && a.id == b.id; },
             py::is_operator())
        .def("__hash__", [](const EdgeRef& e) { return py::hash(py::str(e.id)); })
        .def("__repr__", [](const EdgeRef& e) {
            const Edge* x = e.owner->graph->find_edge(e.id);
            if (!x) return stale_repr("Edge", e.id);
            return "<agon.Edge '" + e.id + "' " + x->from + " " + std::string(to_string(x->kind)) + " " + x->to + ">";
        });
}

}  // namespace

void bind_graph(py::module_& m) {
    bind_claim(m);
    auto cls = class_of<GraphState, GraphPtr>(m, "Graph");
    cls.doc() = "An argument graph: claims joined by support, attack and undercut edges, in insertion order.\n"
                "g['id'] is a claim or edge handle; len(g) counts claims; iterating gives the claims.";
    cls.def(py::init([](const std::string& title) {
                auto g = std::make_shared<GraphState>();
                g->graph->set_title(title);
                return g;
            }),
            py::arg("title") = "", "A new empty graph.")
        .def_property("title", [](const GraphState& g) { return g.graph->title(); },
                      [](GraphState& g, const std::string& t) { g.edit().set_title(t); },
                      "The graph's title (settable).")
        .def("claims",
             [](const GraphPtr& g) {
                 std::vector<ClaimRef> out;
                 out.reserve(g->graph->claims().size());
                 for (const Claim& c : g->graph->claims()) out.push_back({g, c.id});
                 return out;
             },
             "The claims in insertion order.")
        .def("edges",
             [](const GraphPtr& g) {
                 std::vector<EdgeRef> out;
                 out.reserve(g->graph->edges().size());
                 for (const Edge& e : g->graph->edges()) out.push_back({g, e.id});
                 return out;
             },
             "The edges in insertion order.")
        .def("__getitem__",
             [](const GraphPtr& g, const std::string& id) {
                 py::object x = lookup(g, id);
                 if (x.is_none()) throw py::key_error(id);
                 return x;
             },
             py::arg("id"))
        .def("get", &lookup, py::arg("id"), "The claim or edge with this id, or None.")
        .def("__len__", [](const GraphState& g) { return g.graph->claims().size(); })
        .def("__iter__", [](const GraphPtr& g) { return py::iter(py::cast(g).attr("claims")()); })
        .def("copy",
             [](const GraphState& g) {
                 auto c = std::make_shared<GraphState>();
                 c->graph = g.graph;  // shared until one of them is edited
                 c->snapshot = g.snapshot;
                 return c;
             },
             "An independent copy (copied lazily, on the first edit of either).")
        .def("__copy__", [](const py::object& self) { return self.attr("copy")(); })
        .def("__deepcopy__", [](const py::object& self, const py::object&) { return self.attr("copy")(); },
             py::arg("memo"), "g.copy(): copy.copy(g) and copy.deepcopy(g) give an independent graph.")
        .def("save",
             [](const GraphState& g, const PathArg& path, const std::optional<std::string>& format) {
                 Warnings warnings;
                 {
                     std::shared_ptr<const Graph> graph = g.graph;
                     py::gil_scoped_release release;
                     save_graph(*graph, path.string(), format_arg(format), &warnings);
                 }
                 warn_all(warnings);
             },
             py::arg("path"), py::arg("format") = py::none(),
             "Write the graph atomically in any format agon writes (from the extension unless given).\n"
             "Lossy formats warn (UserWarning) about what they drop.")
        .def("dumps",
             [](const GraphState& g, const std::string& format) {
                 Warnings warnings;
                 std::string text = format_graph(*g.graph, *format_arg(format), &warnings);
                 warn_all(warnings);
                 return text;
             },
             py::arg("format") = "json",
             "The graph as text in any format agon writes (agon's JSON unless given); agon.loads reads it back.\n"
             "Lossy formats warn (UserWarning) about what they drop.")
        // Pickled as agon's JSON, which keeps everything: so graphs go to
        // multiprocessing workers and back.
        .def(py::pickle([](const GraphState& g) { return py::make_tuple(format_graph(*g.graph, Format::json)); },
                        [](const py::tuple& state) {
                            if (state.size() != 1 || !py::isinstance<py::str>(state[0]))
                                throw Error(ErrorKind::invalid_input, "not a pickled agon.Graph");
                            auto g = std::make_shared<GraphState>();
                            *g->graph = parse_graph(state[0].cast<std::string>(), Format::json, "<pickle>");
                            return g;
                        }))
        .def("__repr__", [](const GraphState& g) {
            return "<agon.Graph '" + g.graph->title() + "': " + std::to_string(g.graph->claims().size()) + " claims, " +
                   std::to_string(g.graph->edges().size()) + " edges>";
        });
    bind_graph_edits(cls);
    bind_graph_questions(cls);

    m.def("load",
          [](const PathArg& path, const std::optional<std::string>& format) {
              Warnings warnings;
              auto g = std::make_shared<GraphState>();
              {
                  py::gil_scoped_release release;
                  *g->graph = load_graph(path.string(), format_arg(format), &warnings);
              }
              warn_all(warnings);
              return g;
          },
          py::arg("path"), py::arg("format") = py::none(),
          "Read a graph in any format agon reads (json, argdown, aif, kialo, carneades, i23, apx, tgf);\n"
          "the format comes from the extension unless given. Raises agon.Error with file, line, column.");
    m.def("loads",
          [](const std::string& text, const std::string& format) {
              Warnings warnings;
              auto g = std::make_shared<GraphState>();
              {
                  py::gil_scoped_release release;
                  *g->graph = parse_graph(text, *format_arg(format), "<text>", &warnings);
              }
              warn_all(warnings);
              return g;
          },
          py::arg("text"), py::arg("format") = "json",
          "Read a graph from text in any format agon reads (agon's JSON unless given), as g.dumps writes it.\n"
          "Raises agon.Error (a ValueError) with line and column, the file named <text>.");
}

}  // namespace agon::python
