// Internal: a snapshot with some claims cut off and some base scores or
// weights changed - the edits every explanation re-evaluates - re-evaluated
// in place.
#pragma once

#include <cstdint>
#include <vector>

#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"
#include "incremental/live_graph.hpp"
#include "incremental/reevaluator.hpp"

namespace agon::detail {

struct SnapshotEdit {
    /// cut[v] != 0: every edge from or to claim v (and undercuts of those) is dropped.
    std::vector<char> cut;
    /// Replacement base scores / edge weights (empty: unchanged).
    std::vector<double> base;
    std::vector<double> weight;
};

/// The evaluation of s with the edit made (its claims cut off, its bases and
/// weights), for edit after edit, answered by re-evaluating only after what
/// each edit changes (incremental/reevaluator.hpp; from scratch for the
/// semantics it does not cover).
/// Gradual semantics start every edit from the unperturbed fixpoint, so an
/// answer does not depend on the edits seen before (robustness threads and
/// the hinge search stay reproducible); labels are exact in any order.
/// Not thread-safe: one per thread.
class EditedEvaluation {
public:
    /// `s` must outlive the evaluation and stay where it is (its claims are
    /// read from it).
    EditedEvaluation(const Snapshot& s, const Request& request);
    EditedEvaluation(const Snapshot&&, const Request&) = delete;
    /// Apply `edit` (empty base or weight: unchanged) and evaluate.
    void evaluate(const SnapshotEdit& edit, const Control& control);
    /// Claim v's strength, or its label as a number, after the last evaluate.
    double value(std::uint32_t v) const { return answer_.value(v); }
    /// Claim v's label (extension semantics).
    Label label(std::uint32_t v) const { return answer_.label(v); }

private:
    incremental::LiveGraph graph_;
    incremental::Reevaluator answer_;
    std::vector<std::uint32_t> order_;
    std::vector<double> base_, base_now_, weight_, weight_now_;
    std::vector<char> cut_now_;
    bool first_ = true;
};

/// Claims with a path of edges (attack, support, or undercut source) to `target`, excluding it.
std::vector<std::uint32_t> influencers(const Snapshot& s, std::uint32_t target);

}  // namespace agon::detail
