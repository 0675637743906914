// The editing methods agon.Graph and agon.Scenario share, bound once over the
// engine's one editing interface (agon/editor.hpp) with the names, arguments
// and errors of the Lua and C faces: add_claim, claim, add_edge, support,
// attack, undercut, remove, remove_claim, remove_edge, set_base, set_weight.
// Every edit returns the object it edits, so edits chain on both:
//   g.scenario("x").remove("a").set_base("b", 0.9).add_claim("z")
// except claim() and support/attack/undercut on a graph, which return the new
// claim's or edge's handle, as they always did (on a scenario: the scenario).
#include "agon/editor.hpp"
#include "agon/error.hpp"
#include "py_agon.hpp"

namespace agon::python {

namespace {

/// The graph or the scenario behind a Python object, for editing: a graph is
/// unshared first (copy-on-write, graph.cpp).
Editor editor_of(GraphState& g) { return Editor(g.edit()); }
Editor editor_of(ScenarioState& s) { return Editor(s.scenario); }
/// The same, for reading only (no copy, the cached snapshot kept).
Editor viewer_of(GraphState& g) { return Editor(*g.graph); }
Editor viewer_of(ScenarioState& s) { return Editor(s.scenario); }

/// What claim() and support/attack/undercut return: a handle on a graph,
/// the scenario itself on a scenario.
py::object made_claim(const std::shared_ptr<GraphState>& g, const std::string& id) {
    return py::cast(ClaimRef{g, id});
}
py::object made_edge(const std::shared_ptr<GraphState>& g, const std::string& id) { return py::cast(EdgeRef{g, id}); }
py::object made_claim(const std::shared_ptr<ScenarioState>& s, const std::string&) { return py::cast(s); }
py::object made_edge(const std::shared_ptr<ScenarioState>& s, const std::string&) { return py::cast(s); }

ClaimKind claim_kind(const std::string& name) {
    if (auto k = claim_kind_from_string(name)) return *k;
    throw Error(ErrorKind::usage, "unknown claim kind '" + name + "' (statement or argument)");
}

EdgeKind edge_kind(const std::string& name) {
    if (auto k = edge_kind_from_string(name)) return *k;
    throw Error(ErrorKind::usage, "unknown edge kind '" + name + "' (support, attack or undercut)");
}

using Attributes = std::map<std::string, std::string>;

Claim claim_of(const std::string& id, const std::string& text, double base, const std::string& kind,
               std::vector<std::string> tags, const Attributes& attributes) {
    return Claim{id, text, base, claim_kind(kind), std::move(tags), {attributes.begin(), attributes.end()}};
}

/// An edge; `to` names an edge for an undercut, a claim otherwise.
Edge edge_of(EdgeKind kind, const py::handle& from, const py::handle& to, double weight, const std::string& id) {
    return Edge{id, kind, claim_id(from), kind == EdgeKind::undercut ? edge_id(to) : claim_id(to), weight};
}

/// An edit of one claim or edge, named by a handle or an id (`id_of`: claim_id
/// or edge_id), with `More` further arguments: `member` on the object's editor.
template <class Ptr, class... More, class Member>
auto edit_one(Member member, std::string (*id_of)(const py::handle&)) {
    return [member, id_of](const Ptr& self, py::handle item, More... more) {
        (editor_of(*self).*member)(id_of(item), more...);
        return self;
    };
}

constexpr const char* kAddClaimDoc =
    "Add a claim and return the graph or scenario. Raises agon.Error (invalid_input) on an empty or\n"
    "duplicate id or a base outside [0,1]; `kind` is 'statement' or 'argument'.";
constexpr const char* kClaimDoc =
    "Add a claim, as add_claim, and return its handle on a graph (the scenario on a scenario).";

template <class State>
void bind_edits(py::class_<State, std::shared_ptr<State>>& cls) {
    using Ptr = std::shared_ptr<State>;
    for (const bool handle : {false, true})
        cls.def(
            handle ? "claim" : "add_claim",
            [handle](const Ptr& self, const std::string& id, const std::string& text, double base,
                     const std::string& kind, std::vector<std::string> tags, const Attributes& attributes) {
                editor_of(*self).add_claim(claim_of(id, text, base, kind, std::move(tags), attributes));
                return handle ? made_claim(self, id) : py::cast(self);
            },
            py::arg("id"), py::arg("text") = "", py::arg("base") = 0.5, py::arg("kind") = "statement",
            py::arg("tags") = std::vector<std::string>{}, py::arg("attributes") = Attributes{},
            handle ? kClaimDoc : kAddClaimDoc);

    cls.def(
        "add_edge",
        [](const Ptr& self, const std::string& kind, py::handle from, py::handle to, double weight,
           const std::string& id) {
            editor_of(*self).add_edge(edge_of(edge_kind(kind), from, to, weight, id));
            return self;
        },
        py::arg("kind"), py::arg("from_"), py::arg("to"), py::arg("weight") = 1.0, py::arg("id") = "",
        "Add an edge of `kind` ('support', 'attack' or 'undercut'; `to` names an edge for an undercut); an\n"
        "empty id becomes a fresh 'eN'. Raises agon.Error (invalid_input) on a duplicate id, a missing\n"
        "endpoint, an undercut aimed at a claim, or a weight that is negative or not finite.");
    struct Adder {
        const char* name;
        EdgeKind kind;
        const char* target;
        const char* doc;
    };
    for (const Adder& a :
          {Adder{"support", EdgeKind::support, "target",
                "Add a support edge source -> target (claims or ids), as add_edge; returns the edge's handle\n"
                "on a graph, the scenario on a scenario."},
          Adder{"attack", EdgeKind::attack, "target",
                "Add an attack edge source -> target (claims or ids), as add_edge; returns the edge's handle\n"
                "on a graph, the scenario on a scenario."},
          Adder{"undercut", EdgeKind::undercut, "edge",
                "Add an undercut: source attacks the inference of `edge` (an Edge or edge id), as add_edge;\n"
                "returns the edge's handle on a graph, the scenario on a scenario."}})
        cls.def(
            a.name,
            [kind = a.kind](const Ptr& self, py::handle source, py::handle target, double weight,
                            const std::string& id) {
                return made_edge(self, editor_of(*self).add_edge(edge_of(kind, source, target, weight, id)));
            },
            py::arg("source"), py::arg(a.target), py::arg("weight") = 1.0, py::arg("id") = "", a.doc);

    cls.def(
           "remove",
           [](const Ptr& self, py::handle item) {
               if (py::isinstance<EdgeRef>(item)) editor_of(*self).remove_edge(edge_id(item));
               else editor_of(*self).remove(claim_id(item));
               return self;
           },
           py::arg("item"),
           "Remove a claim (with its edges and the undercuts on them) or an edge (with the undercuts on it); an\n"
           "id names the claim, or else the edge. Raises agon.Error (not_found) when there is neither.")
        .def("remove_claim", edit_one<Ptr>(&Editor::remove_claim, &claim_id), py::arg("claim"),
             "Remove a claim with its edges and the undercuts on them.")
        .def("remove_edge", edit_one<Ptr>(&Editor::remove_edge, &edge_id), py::arg("edge"),
             "Remove an edge with the undercuts on it.")
        .def("set_base", edit_one<Ptr, double>(&Editor::set_base, &claim_id), py::arg("claim"), py::arg("base"),
             "Change a claim's base score (in [0,1]).")
        .def("set_weight", edit_one<Ptr, double>(&Editor::set_weight, &edge_id), py::arg("edge"),
             py::arg("weight"), "Change an edge's weight (finite, >= 0).")
        .def("__contains__", [](State& self, py::handle item) {
            const Editor view = viewer_of(self);
            if (py::isinstance<EdgeRef>(item)) return view.has_edge(edge_id(item));
            const std::string id = claim_id(item);
            return view.has_claim(id) || (!py::isinstance<ClaimRef>(item) && view.has_edge(id));
        });
}

}  // namespace

void bind_graph_edits(py::class_<GraphState, std::shared_ptr<GraphState>>& cls) { bind_edits(cls); }
void bind_scenario_edits(py::class_<ScenarioState, std::shared_ptr<ScenarioState>>& cls) { bind_edits(cls); }

}  // namespace agon::python
