// agon/scenario.hpp - what-if scenarios over a base graph, and diffs between
// results.
//
// A Scenario is an overlay of edits (remove or add claims and edges, change
// base scores and weights) on a shared, immutable base graph. Evaluating it
// builds a Snapshot straight from base + overlay: the base Graph is never
// copied. Scenarios derive from scenarios (the child starts with the parent's
// edits). Edits are checked when they are made (unknown ids, ranges) and
// again when the scenario is evaluated (an added edge whose endpoint a later
// edit removed). Costs: edits O(1) or O(log k); snapshot O(n + m).
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

    /// Remove a claim (with its edges and their undercuts). Throws not_found.
    Scenario& remove_claim(const std::string& id);
    /// Remove an edge (and undercuts aimed at it). Throws not_found.
    Scenario& remove_edge(const std::string& id);
    /// Add a claim. Throws invalid_input on a duplicate id or bad base.
    Scenario& add_claim(Claim claim);
    /// Put back a base claim this scenario removed (switch it on again): its
    /// base edges that were not removed come back, and its set_base change.
    /// Throws not_found when `id` is not a removed base claim, invalid_input
    /// when a claim of that id was added since. O(log k).
    Scenario& restore_claim(const std::string& id);
    /// Add an edge between claims that exist in the scenario. Throws invalid_input.
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
