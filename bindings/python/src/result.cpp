// agon.Result: an evaluation as a read-only mapping from claim id to label
// ("in", "out", "undec") or strength (a float in [0,1]).
#include "agon/error.hpp"
#include "py_agon.hpp"

namespace agon::python {

std::uint32_t ResultState::at(const std::string& id) {
    if (index.empty())
        for (std::uint32_t i = 0; i < result.ids.size(); ++i) index.emplace(result.ids[i], i);
    auto it = index.find(id);
    if (it == index.end()) throw py::key_error(id);
    return it->second;
}

std::shared_ptr<const Graph> ResultState::source() const {
    if (graph) return graph;
    if (scenario) return std::make_shared<const Graph>(scenario->to_graph());
    throw Error(ErrorKind::usage, "this result has no graph to draw");
}

namespace {

using ResultPtr = std::shared_ptr<ResultState>;

py::object value(const ResultState& r, std::uint32_t i) {
    if (!r.result.labels.empty()) return py::str(std::string(to_string(r.result.labels[i])));
    return py::float_(r.result.strength[i]);
}

constexpr const char* kDoc =
    "An evaluation: a read-only mapping from claim id to its label ('in', 'out', 'undec') under an\n"
    "extension semantics, or its strength (float in [0,1]) under a gradual one. r['designation'],\n"
    "len(r), iteration over ids, keys(), values(), items(); to_dict() is the `agon eval --json` object.";

}  // namespace

void bind_result(py::module_& m) {
    auto cls = class_of<ResultState, ResultPtr>(m, "Result");
    cls.doc() = kDoc;
    cls.def("__getitem__", [](ResultState& r, const ClaimArg& claim) { return value(r, r.at(claim_id(claim))); },
            py::arg("claim"))
        .def("__len__", [](const ResultState& r) { return r.result.ids.size(); })
        .def("__iter__",
             [](const ResultState& r) {
                 py::list ids;
                 for (std::uint32_t i = 0; i < r.result.ids.size(); ++i) ids.append(r.result.ids[i]);
                 return py::iter(ids);
             })
        .def("__contains__",
             [](ResultState& r, const py::object& x) {
                 if (!names_claim(x)) return false;  // `0 in r` is False, as for a dict
                 try {
                     r.at(claim_id(x));
                     return true;
                 } catch (const py::key_error&) {
                     return false;
                 }
             },
             py::arg("item"))
        .def("label",
             [](ResultState& r, const ClaimArg& claim) {
                 const std::uint32_t i = r.at(claim_id(claim));
                 if (r.result.labels.empty())
                     throw Error(ErrorKind::usage, r.result.semantics + " gives strengths, not labels");
                 return std::string(to_string(r.result.labels[i]));
             },
             py::arg("claim"), "'in', 'out' or 'undec' (extension semantics only).")
        .def("strength",
             [](ResultState& r, const ClaimArg& claim) {
                 return r.result.value(r.at(claim_id(claim)));
             },
             py::arg("claim"), "The strength; labels read as in 1, undec 0.5, out 0.")
        .def("json", [](const ResultState& r) { return to_json(r.result); }, "The `agon eval --json` object as text.")
        .def("explain",
             [](const ResultState& r, const ClaimArg& claim, Timeout timeout) {
                 return explain_claim(r.snapshot, r.request, claim_id(claim), timeout);
             },
             py::arg("claim"), py::arg("timeout") = py::none(),
             "Why the claim has its status under this result's semantics (see Graph.explain).")
        .def("graph",
             [](const ResultPtr& r) {
                 auto g = std::make_shared<GraphState>();
                 g->graph = std::const_pointer_cast<Graph>(r->source());  // copied on the first edit
                 g->last = r;
                 return g;
             },
             "The graph (or scenario, as a graph) that was evaluated, with this result as its last evaluation.")
        .def("strengths",
             [](const ResultState& r) {
                 py::dict out;
                 for (std::uint32_t i = 0; i < r.result.ids.size(); ++i)
                     out[py::str(r.result.ids[i])] = r.result.value(i);
                 return out;
             },
             "Every claim's strength as a new dict {id: float}, in claim order; labels read as in 1, undec 0.5,\n"
             "out 0 (dict(r) gives the labels themselves).")
        .def_property_readonly("semantics", [](const ResultState& r) { return r.result.semantics; },
                               "The semantics' name as evaluate() was given it.")
        .def_property_readonly("has_labels", [](const ResultState& r) { return !r.result.labels.empty(); },
                               "True for extension semantics (values are labels), as Lua's r.has_labels.")
        .def_property_readonly("labels", [](const ResultState& r) { return !r.result.labels.empty(); },
                               "The older name of has_labels (a bool, not the labels: dict(r) gives those).")
        .def_property_readonly("converged", [](const ResultState& r) { return r.result.converged; },
                               "False when an iterative method stopped at its iteration limit (see warnings).")
        .def_property_readonly("iterations", [](const ResultState& r) { return r.result.iterations; },
                               "Iterations (Jacobi sweeps or ODE steps) used; 0 for direct methods.")
        .def_property_readonly("method", [](const ResultState& r) { return r.result.method; },
                               "How the result was computed ('propagation', 'topological', 'rk4', 'jacobi',\n"
                               "'sat', ...).")
        .def_property_readonly("warnings", [](const ResultState& r) { return r.result.warnings; },
                               "What the user should know (non-convergence, ignored edges), as a list of lines.")
        .def_property_readonly("params", [](const ResultState& r) { return r.request.params; },
                               "The semantics parameters it was computed with.")
        .def("__repr__", [](const ResultState& r) {
            return "<agon.Result " + r.result.semantics + ": " + std::to_string(r.result.ids.size()) + " claims>";
        });
}

}  // namespace agon::python
