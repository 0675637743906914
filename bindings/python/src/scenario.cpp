// agon.Scenario: what-if edits over a graph (edit.cpp binds the edits, each
// returning the scenario, so they chain as in Lua).
#include "py_agon.hpp"

namespace agon::python {

void bind_scenario(py::module_& m) {
    auto cls = class_of<ScenarioState, std::shared_ptr<ScenarioState>>(m, "Scenario");
    cls.doc() = "A what-if overlay on a copy of a graph (g.scenario(name)). Edits return the scenario, so they chain:\n"
                "g.scenario('x').remove('a').set_base('b', 0.9).";
    cls.def_property_readonly("name", [](const ScenarioState& s) { return s.scenario.name(); },
                              "The scenario's name, as g.scenario(name) was given it.")
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
        .def("__repr__", [](const ScenarioState& s) { return "<agon.Scenario '" + s.scenario.name() + "'>"; });
    bind_scenario_edits(cls);
    bind_scenario_questions(cls);
}

}  // namespace agon::python
