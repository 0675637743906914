// agon/scenario.hpp - what-if scenarios over a base graph, and diffs between
// results.
//
// A Scenario is an overlay of edits (remove or add claims and edges, change
// base scores and weights) on a shared, immutable base graph. Evaluating it
// builds a Snapshot straight from base + overlay: the base Graph is never
// copied. Scenarios derive from scenarios (the child starts with the parent's
// edits). Edits are checked when they are made (unknown ids, ranges) and
// give what the same edits give on a copy of the base graph (editor.hpp):
// the same claims, edges, fresh edge ids and errors. Costs, with k edits so
// far: an edit O(k log k); adding a removed base claim again, or an edge
// without an id, O(m); snapshot O(n + m).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "agon/graph.hpp"
#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"

namespace agon {

class Scenario {
public:
    /// A scenario with no edits. Throws usage when `base` is null.
    explicit Scenario(std::shared_ptr<const Graph> base, std::string name = "baseline");

    const std::string& name() const noexcept { return name_; }
    const std::shared_ptr<const Graph>& base() const noexcept { return base_; }

    /// A new scenario that starts from this one's edits.
    Scenario derive(std::string name) const;

    /// Remove a claim (with its edges and their undercuts, to any depth).
    /// A base claim's base edges are only switched off with it (restore_claim).
    /// Throws not_found.
    Scenario& remove_claim(const std::string& id);
    /// Remove an edge (and the undercuts aimed at it, to any depth). Throws not_found.
    Scenario& remove_edge(const std::string& id);
    /// Add a claim. Throws invalid_input on a duplicate id or bad base. A
    /// removed base claim added again is a new claim, as in a graph: its old
    /// base edges are gone for good.
    Scenario& add_claim(Claim claim);
    /// Put back a base claim this scenario removed (switch it on again): its
    /// base edges come back, except those removed or whose ids new edges took
    /// (and those of a claim added again since), with its set_base change.
    /// Throws not_found when `id` is not a removed base claim, invalid_input
    /// when a claim of that id was added since. O(log k).
    Scenario& restore_claim(const std::string& id);
    /// Add an edge between claims that exist in the scenario; an empty id gets
    /// a fresh "eN" by the graph's rule (Graph::fresh_edge_id). The id of an
    /// edge that is gone (a removed one, or a base edge switched off with its
    /// claim) may be used again; that base edge then stays gone. Throws invalid_input.
    Scenario& add_edge(Edge edge);
    /// Change a claim's base score / an edge's weight. Throws not_found / invalid_input.
    Scenario& set_base(const std::string& claim_id, double base);
    Scenario& set_weight(const std::string& edge_id, double weight);

    /// The edges added so far, in order (ids filled in).
    const std::vector<Edge>& added_edges() const noexcept { return added_edges_; }

    /// True when the claim exists in the scenario.
    bool has_claim(const std::string& id) const;
    bool has_edge(const std::string& id) const;

    /// The snapshot of base + edits. O(n + m).
    Snapshot snapshot() const;
    /// The scenario as a standalone Graph (copies; for saving and rendering).
    Graph to_graph() const;

private:
    // Replays the edits made so far (incremental.hpp).
    friend class IncrementalEvaluation;

    /// Base edge endpoints as indices (claim index, or edge index for undercuts),
    /// resolved once per base graph and shared by derived scenarios.
    struct BaseIndex {
        std::vector<std::uint32_t> from, to;
    };

    /// True when base edge i (the base edge `id`) is in the scenario: not
    /// removed, its claims and its undercut target in.
    bool base_edge_on(std::size_t i) const;
    bool base_edge_on(const std::string& id) const;

    std::shared_ptr<const Graph> base_;
    std::shared_ptr<const BaseIndex> index_;
    std::string name_;
    std::set<std::string> removed_claims_, removed_edges_;
    std::vector<Claim> added_claims_;
    std::vector<Edge> added_edges_;
    std::map<std::string, double> base_of_, weight_of_;
};

/// Evaluate a scenario: evaluate(scenario.snapshot(), request, control).
Result evaluate(const Scenario& scenario, const Request& request, const Control& control = {});

/// One claim whose status differs between two results.
struct Change {
    std::string id;
    /// Labels (extension semantics) or strengths (gradual); std::nullopt when
    /// the claim is absent on that side or the result has no such value.
    std::optional<Label> label_before, label_after;
    std::optional<double> strength_before, strength_after;
};

/// Claims (matched by id) whose label changed or whose strength moved by more
/// than `tolerance`, plus claims present on one side only; in the order of
/// `before`, then claims new in `after`. O(n) with hashing.
std::vector<Change> diff(const Result& before, const Result& after, double tolerance = 1e-9);

}  // namespace agon
