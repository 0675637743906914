// agon.Scenario: what-if edits over a graph; every edit returns the scenario,
// so edits chain as in Lua.
#include "py_agon.hpp"

namespace agon::python {

namespace {

using ScenarioPtr = std::shared_ptr<ScenarioState>;

ScenarioPtr add_edge(const ScenarioPtr& s, EdgeKind kind, py::handle from, py::handle to, double weight,
                     const std::string& id) {
    Edge e{id, kind, claim_id(from), kind == EdgeKind::undercut ? edge_id(to) : claim_id(to), weight};
    s->scenario.add_edge(std::move(e));
    return s;
}

}  // namespace

void bind_scenario(py::module_& m) {
    py::class_<ScenarioState, ScenarioPtr> cls(m, "Scenario",
        "A what-if overlay on a copy of a graph (g.scenario(name)). Edits return the scenario, so they chain:\n"
        "g.scenario('x').remove('a').set_base('b', 0.9).");
    cls.def_property_readonly("name", [](const ScenarioState& s) { return s.scenario.name(); })
        .def("remove",
             [](const ScenarioPtr& s, py::handle x) {
                 if (py::isinstance<EdgeRef>(x)) s->scenario.remove_edge(edge_id(x));
                 else {
                     const std::string id = claim_id(x);
                     if (!py::isinstance<ClaimRef>(x) && !s->scenario.has_claim(id) && s->scenario.has_edge(id))
                         s->scenario.remove_edge(id);
                     else s->scenario.remove_claim(id);
                 }
                 return s;
             },
             py::arg("item"), "Remove a claim (with its edges) or an edge from the scenario.")
        .def("remove_claim",
             [](const ScenarioPtr& s, py::handle c) {
                 s->scenario.remove_claim(claim_id(c));
                 return s;
             },
             py::arg("claim"), "Remove a claim with its edges from the scenario.")
        .def("remove_edge",
             [](const ScenarioPtr& s, py::handle e) {
                 s->scenario.remove_edge(edge_id(e));
                 return s;
             },
             py::arg("edge"), "Remove an edge from the scenario.")
        .def("add_claim",
             [](const ScenarioPtr& s, const std::string& id, const std::string& text, double base,
                std::vector<std::string> tags) {
                 s->scenario.add_claim(Claim{.id = id, .text = text, .base = base, .tags = std::move(tags)});
                 return s;
             },
             py::arg("id"), py::arg("text") = "", py::arg("base") = 0.5, py::arg("tags") = std::vector<std::string>{},
             "Add a claim.")
        .def("set_base",
             [](const ScenarioPtr& s, py::handle c, double x) {
                 s->scenario.set_base(claim_id(c), x);
                 return s;
             },
             py::arg("claim"), py::arg("base"), "Change a claim's base score.")
        .def("set_weight",
             [](const ScenarioPtr& s, py::handle e, double w) {
                 s->scenario.set_weight(edge_id(e), w);
                 return s;
             },
             py::arg("edge"), py::arg("weight"), "Change an edge's weight.")
        .def("scenario",
             [](const ScenarioState& s, const std::string& name) {
                 return std::make_shared<ScenarioState>(ScenarioState{s.scenario.derive(name), nullptr});
             },
             py::arg("name") = "scenario", "A new scenario starting from this one's edits.")
        .def("graph",
             [](const ScenarioState& s) {
                 auto g = std::make_shared<GraphState>();
                 *g->graph = s.scenario.to_graph();
                 g->last = s.last;
                 return g;
             },
             "The scenario as a graph of its own (to save, render or edit further).")
        .def("__contains__",
             [](const ScenarioState& s, py::handle x) {
                 if (py::isinstance<EdgeRef>(x)) return s.scenario.has_edge(edge_id(x));
                 return s.scenario.has_claim(claim_id(x));
             })
        .def("__repr__", [](const ScenarioState& s) { return "<agon.Scenario '" + s.scenario.name() + "'>"; });
    def_edge_adders(cls, add_edge);
    bind_scenario_questions(cls);
}

}  // namespace agon::python
