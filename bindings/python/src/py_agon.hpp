// The Python module's shared declarations: the objects behind agon.Graph,
// agon.Scenario and agon.Result, and the helpers every binding file uses.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

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
/// Semantics and keyword parameters as an engine request (values as text;
/// `timeout` is taken out into `timeout`).
Request make_request(const std::string& semantics, const py::kwargs& params, double* timeout = nullptr);

/// Evaluate a snapshot with the GIL released and Ctrl-C honoured.
std::shared_ptr<ResultState> evaluate_snapshot(std::shared_ptr<const Snapshot> snapshot, Request request, double timeout);

/// Add the editing methods graphs and scenarios share (agon/editor.hpp:
/// add_claim, claim, add_edge, support, attack, undercut, remove, remove_claim,
/// remove_edge, set_base, set_weight, `in`) to agon.Graph / agon.Scenario.
void bind_graph_edits(py::class_<GraphState, std::shared_ptr<GraphState>>& cls);
void bind_scenario_edits(py::class_<ScenarioState, std::shared_ptr<ScenarioState>>& cls);

/// Why `claim` has its status under `request` (a dict shaped like `agon explain --json`).
py::object explain_claim(std::shared_ptr<const Snapshot> s, const Request& request, const std::string& claim,
                         double timeout);
/// agon.diff.
void bind_diff(py::module_& m);

/// Add the questions every subject answers (evaluate, extensions, explain,
/// hinges, robustness) to agon.Graph and agon.Scenario; `snapshot_of` gives
/// the subject's snapshot and `remember` stores its last result.
void bind_graph_questions(py::class_<GraphState, std::shared_ptr<GraphState>>& cls);
void bind_scenario_questions(py::class_<ScenarioState, std::shared_ptr<ScenarioState>>& cls);

}  // namespace agon::python
