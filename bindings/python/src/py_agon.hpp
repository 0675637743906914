// The Python module's shared declarations: the objects behind agon.Graph,
// agon.Scenario and agon.Result, and the helpers every binding file uses.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "agon/control.hpp"
#include "agon/graph.hpp"
#include "agon/scenario.hpp"
#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"

namespace agon::python {

namespace py = pybind11;

struct ResultState;

/// agon.Graph. The graph is shared copy-on-write with the results and
/// scenarios made from it, so evaluating never copies it and an edit copies
/// it only while something else still holds the old version.
struct GraphState {
    std::shared_ptr<Graph> graph = std::make_shared<Graph>();
    /// The snapshot of the current version, built on first use.
    std::shared_ptr<const Snapshot> snapshot;
    /// The last evaluation, for the map Jupyter shows.
    std::shared_ptr<ResultState> last;

    /// The graph for editing: unshared first, cached snapshot dropped.
    Graph& edit();
    /// The current version's snapshot (built once per version).
    std::shared_ptr<const Snapshot> snapshot_now();
};

/// agon.Scenario: an engine Scenario and its last evaluation.
struct ScenarioState {
    Scenario scenario;
    std::shared_ptr<ResultState> last;
};

/// agon.Result: the engine's answer with what explain() and maps need.
struct ResultState {
    Result result;
    std::shared_ptr<const Snapshot> snapshot;
    Request request;
    /// What was evaluated: a graph version, or a scenario (copied; its base is shared).
    std::shared_ptr<const Graph> graph;
    std::optional<Scenario> scenario;
    /// Claim id -> index, built on first lookup.
    std::unordered_map<std::string, std::uint32_t> index;

    /// The index of claim `id`; throws KeyError.
    std::uint32_t at(const std::string& id);
    /// The evaluated graph (builds it for a scenario).
    std::shared_ptr<const Graph> source() const;
};

/// A claim or edge handle: a graph and an id (handles see later edits).
struct ClaimRef {
    std::shared_ptr<GraphState> owner;
    std::string id;
    const Claim& get() const;
};
struct EdgeRef {
    std::shared_ptr<GraphState> owner;
    std::string id;
    const Edge& get() const;
};

/// An argument the function reads itself (claim_id, edge_id, ...), named in
/// signatures by `Hint::name` (e.g. "Union[agon.Claim, str]"), not "handle".
template <class Hint>
class Typed : public py::object {
    static bool any(PyObject*) { return true; }
    PYBIND11_OBJECT_DEFAULT(Typed, object, any)
};

namespace hint {
using py::detail::const_name;
template <class T>
constexpr auto of = py::detail::make_caster<T>::name;  // the class's Python name once registered
struct Claim {
    static constexpr auto name = const_name("Union[") + of<ClaimRef> + const_name(", str]");
};
struct Edge {
    static constexpr auto name = const_name("Union[") + of<EdgeRef> + const_name(", str]");
};
struct Item {
    static constexpr auto name =
        const_name("Union[") + of<ClaimRef> + const_name(", ") + of<EdgeRef> + const_name(", str]");
};
struct Subject {
    static constexpr auto name =
        const_name("Union[") + of<GraphState> + const_name(", ") + of<ScenarioState> + const_name("]");
};
}  // namespace hint

/// A claim, an edge, either, a graph or a scenario as an argument.
using ClaimArg = Typed<hint::Claim>;
using EdgeArg = Typed<hint::Edge>;
using ItemArg = Typed<hint::Item>;
using SubjectArg = Typed<hint::Subject>;

/// A file argument: a str or any os.PathLike (a pathlib.Path), as Python's own open() takes.
using PathArg = std::filesystem::path;

/// A `timeout` argument in seconds; None (or 0) means no limit.
using Timeout = std::optional<double>;

/// A new class agon.`name` (agon re-exports it, so signatures say agon.Graph);
/// its doc is set where its methods are bound.
template <class T, class... Options>
py::class_<T, Options...> declare(py::module_& m, const char* name) {
    py::class_<T, Options...> cls(m, name);
    cls.attr("__module__") = "agon";
    return cls;
}
/// Declare Claim, Edge, Graph, Scenario and Result before binding any method,
/// so signatures name them (agon.Result), not C++ types (agon::python::ResultState).
void declare_classes(py::module_& m);
/// A class declare_classes declared, to bind its methods.
template <class T, class... Options>
py::class_<T, Options...> class_of(py::module_& m, const char* name) {
    return py::reinterpret_borrow<py::class_<T, Options...>>(m.attr(name));
}

/// Register agon.Error and the translation of engine errors.
void bind_errors(py::module_& m);
void bind_graph(py::module_& m);
void bind_scenario(py::module_& m);
void bind_result(py::module_& m);
void bind_render(py::module_& m);
void bind_session(py::module_& m);

/// A claim id from a str or a Claim handle (TypeError otherwise).
std::string claim_id(const py::handle& x);
/// An edge id from a str or an Edge handle.
std::string edge_id(const py::handle& x);
/// True for what claim_id reads: `x in g` and `x in r` are False for anything else.
bool names_claim(const py::handle& x);
/// Semantics and keyword parameters as an engine request (values as text).
Request make_request(const std::string& semantics, const py::kwargs& params);

/// Evaluate a snapshot with the GIL released and Ctrl-C honoured.
std::shared_ptr<ResultState> evaluate_snapshot(std::shared_ptr<const Snapshot> snapshot, Request request,
                                               Timeout timeout);

/// Add the editing methods graphs and scenarios share (agon/editor.hpp:
/// add_claim, claim, add_edge, support, attack, undercut, remove, remove_claim,
/// remove_edge, set_base, set_weight, `in`) to agon.Graph / agon.Scenario.
void bind_graph_edits(py::class_<GraphState, std::shared_ptr<GraphState>>& cls);
void bind_scenario_edits(py::class_<ScenarioState, std::shared_ptr<ScenarioState>>& cls);

/// Why `claim` has its status under `request` (a dict shaped like `agon explain --json`).
py::dict explain_claim(std::shared_ptr<const Snapshot> s, const Request& request, const std::string& claim,
                       Timeout timeout);
/// agon.diff.
void bind_diff(py::module_& m);

/// Add the questions every subject answers (evaluate, extensions, explain,
/// hinges, robustness) to agon.Graph and agon.Scenario; `snapshot_of` gives
/// the subject's snapshot and `remember` stores its last result.
void bind_graph_questions(py::class_<GraphState, std::shared_ptr<GraphState>>& cls);
void bind_scenario_questions(py::class_<ScenarioState, std::shared_ptr<ScenarioState>>& cls);

}  // namespace agon::python

namespace PYBIND11_NAMESPACE {
namespace detail {
template <class Hint>
struct handle_type_name<agon::python::Typed<Hint>> {
    static constexpr auto name = Hint::name;
};
}  // namespace detail
}  // namespace PYBIND11_NAMESPACE
