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
ClaimRef made_claim(const std::shared_ptr<GraphState>& g, const std::string& id) { return {g, id}; }
EdgeRef made_edge(const std::shared_ptr<GraphState>& g, const std::string& id) { return {g, id}; }
std::shared_ptr<ScenarioState> made_claim(const std::shared_ptr<ScenarioState>& s, const std::string&) { return s; }
std::shared_ptr<ScenarioState> made_edge(const std::shared_ptr<ScenarioState>& s, const std::string&) { return s; }

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

std::string id_of(const ClaimArg& x) { return claim_id(x); }
std::string id_of(const EdgeArg& x) { return edge_id(x); }

/// An edit of one claim or edge (`Item`: ClaimArg or EdgeArg), named by a
/// handle or an id, with `More` further arguments: `member` on the object's editor.
template <class Ptr, class Item, class... More, class Member>
auto edit_one(Member member) {
    return [member](const Ptr& self, const Item& item, More... more) {
        (editor_of(*self).*member)(id_of(item), more...);
        return self;
    };
}

constexpr const char* kAddClaimDoc =
    "Add a claim and return the graph or scenario. Raises agon.Error (invalid_input) on an empty or\n"
    "duplicate id or a base outside [0,1]; `kind` is 'statement' or 'argument'.";
constexpr const char* kClaimDoc =
    "Add a claim, as add_claim, and return its handle on a graph (the scenario on a scenario).";

/// support, attack or undercut: an edge of `kind` to a `Target` (ClaimArg, or EdgeArg for an undercut).
template <class Target, class State>
void bind_adder(py::class_<State, std::shared_ptr<State>>& cls, const char* name, EdgeKind kind, const char* target,
                const char* doc) {
    cls.def(
        name,
        [kind](const std::shared_ptr<State>& self, const ClaimArg& source, const Target& to, double weight,
               const std::string& id) {
            return made_edge(self, editor_of(*self).add_edge(edge_of(kind, source, to, weight, id)));
        },
        py::arg("source"), py::arg(target), py::arg("weight") = 1.0, py::arg("id") = "", doc);
}

template <class State>
void bind_edits(py::class_<State, std::shared_ptr<State>>& cls) {
    using Ptr = std::shared_ptr<State>;
    // add_claim and claim: the same edit, returning what `made` gives (typed, for the signature).
    const auto def_claim = [&cls](const char* name, auto made, const char* doc) {
        cls.def(
            name,
            [made](const Ptr& self, const std::string& id, const std::string& text, double base,
                   const std::string& kind, std::vector<std::string> tags, const Attributes& attributes) {
                editor_of(*self).add_claim(claim_of(id, text, base, kind, std::move(tags), attributes));
                return made(self, id);
            },
            py::arg("id"), py::arg("text") = "", py::arg("base") = 0.5, py::arg("kind") = "statement",
            py::arg("tags") = std::vector<std::string>{}, py::arg("attributes") = Attributes{}, doc);
    };
    def_claim("add_claim", [](const Ptr& self, const std::string&) { return self; }, kAddClaimDoc);
    def_claim("claim", [](const Ptr& self, const std::string& id) { return made_claim(self, id); }, kClaimDoc);

    cls.def(
        "add_edge",
        [](const Ptr& self, const std::string& kind, const ClaimArg& from, const ItemArg& to, double weight,
           const std::string& id) {
            editor_of(*self).add_edge(edge_of(edge_kind(kind), from, to, weight, id));
            return self;
        },
        py::arg("kind"), py::arg("from_"), py::arg("to"), py::arg("weight") = 1.0, py::arg("id") = "",
        "Add an edge of `kind` ('support', 'attack' or 'undercut'; `to` names an edge for an undercut); an\n"
        "empty id becomes a fresh 'eN'. Raises agon.Error (invalid_input) on a duplicate id, a missing\n"
        "endpoint, an undercut aimed at a claim, or a weight that is negative or not finite.");
    bind_adder<ClaimArg>(cls, "support", EdgeKind::support, "target",
                         "Add a support edge source -> target (claims or ids), as add_edge; returns the edge's handle\n"
                         "on a graph, the scenario on a scenario.");
    bind_adder<ClaimArg>(cls, "attack", EdgeKind::attack, "target",
                         "Add an attack edge source -> target (claims or ids), as add_edge; returns the edge's handle\n"
                         "on a graph, the scenario on a scenario.");
    bind_adder<EdgeArg>(cls, "undercut", EdgeKind::undercut, "edge",
                        "Add an undercut: source attacks the inference of `edge` (an Edge or edge id), as add_edge;\n"
                        "returns the edge's handle on a graph, the scenario on a scenario.");

    cls.def(
           "remove",
           [](const Ptr& self, const ItemArg& item) {
               if (py::isinstance<EdgeRef>(item)) editor_of(*self).remove_edge(edge_id(item));
               else editor_of(*self).remove(claim_id(item));
               return self;
           },
           py::arg("item"),
           "Remove a claim (with its edges and the undercuts on them) or an edge (with the undercuts on it); an\n"
           "id names the claim, or else the edge. Raises agon.Error (not_found) when there is neither.")
        .def("remove_claim", edit_one<Ptr, ClaimArg>(&Editor::remove_claim), py::arg("claim"),
             "Remove a claim with its edges and the undercuts on them.")
        .def("remove_edge", edit_one<Ptr, EdgeArg>(&Editor::remove_edge), py::arg("edge"),
             "Remove an edge with the undercuts on it.")
        .def("set_base", edit_one<Ptr, ClaimArg, double>(&Editor::set_base), py::arg("claim"), py::arg("base"),
             "Change a claim's base score (in [0,1]).")
        .def("set_weight", edit_one<Ptr, EdgeArg, double>(&Editor::set_weight), py::arg("edge"),
             py::arg("weight"), "Change an edge's weight (finite, >= 0).")
        .def("__contains__", [](State& self, const py::object& item) {
            const Editor view = viewer_of(self);
            if (py::isinstance<EdgeRef>(item)) return view.has_edge(edge_id(item));
            if (!names_claim(item)) return false;  // `0 in g` is False, as for a dict
            const std::string id = claim_id(item);
            return view.has_claim(id) || (!py::isinstance<ClaimRef>(item) && view.has_edge(id));
        }, py::arg("item"));
}

}  // namespace

void bind_graph_edits(py::class_<GraphState, std::shared_ptr<GraphState>>& cls) { bind_edits(cls); }
void bind_scenario_edits(py::class_<ScenarioState, std::shared_ptr<ScenarioState>>& cls) { bind_edits(cls); }

}  // namespace agon::python
