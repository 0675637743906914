// The compiled part of the agon Python package (imported as agon._agon).
#include "agon/semantics.hpp"
#include "agon/version.hpp"
#include "interrupt.hpp"
#include "py_agon.hpp"

namespace agon::python {

void declare_classes(py::module_& m) {
    declare<ClaimRef>(m, "Claim");
    declare<EdgeRef>(m, "Edge");
    declare<GraphState, std::shared_ptr<GraphState>>(m, "Graph");
    declare<ScenarioState, std::shared_ptr<ScenarioState>>(m, "Scenario");
    declare<ResultState, std::shared_ptr<ResultState>>(m, "Result");
}

}  // namespace agon::python

PYBIND11_MODULE(_agon, m) {
    using namespace agon::python;
    m.doc() = "agon's engine for Python: graphs, scenarios, evaluations, explanations, maps.";
    remember_main_thread();
    bind_errors(m);
    declare_classes(m);
    bind_graph(m);
    bind_scenario(m);
    bind_result(m);
    bind_diff(m);
    bind_render(m);
    bind_session(m);
    m.def("semantics", &agon::semantics_names, "Every semantics name evaluate() accepts, sorted.");
    m.def("version", [] { return std::string(agon::version()); }, "The library version.");
}
