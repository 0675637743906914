// Internal: a snapshot with some claims cut off and some base scores or
// weights changed - the edits every explanation re-evaluates - re-evaluated
// in place.
#pragma once

#include <cstdint>
#include <optional>
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

/// True when, under `request`, every claim's answer depends only on the
/// claims with a path of edges to it: gradual semantics (not rankings, which
/// compare a claim with every other), and grounded, complete, preferred and
/// ideal (directional) with supports ignored or read as evidential. Not
/// stable, semi-stable or stage (a claim far away can leave no extension or
/// change which are range-maximal), deductive or necessary supports (their
/// derived attacks reach claims the edges do not lead from), or Carneades (a
/// position depends on the other positions of its issue).
bool depends_on_ancestors_only(const Request& request);

/// What one target's answer depends on, as a snapshot to edit and evaluate:
/// where depends_on_ancestors_only holds, the target and its influencers as
/// a snapshot of their own (with every edge among them), so that each
/// evaluation costs what those claims cost, not the whole graph; otherwise
/// the whole snapshot. Claims and edges keep their order in `s`, so the
/// part's influencers are the target's, in the same order, and every value
/// read in the part is the one the whole graph gives (gradual semantics on
/// cycles: up to the iteration's stopping rule). O(n + m) to build.
class TargetPart {
public:
    /// `s` must outlive the part and stay where it is.
    TargetPart(const Snapshot& s, const Request& request, std::uint32_t target);
    TargetPart(const Snapshot&&, const Request&, std::uint32_t) = delete;
    // EditedEvaluation keeps a reference to snapshot(): the part stays put.
    TargetPart(const TargetPart&) = delete;
    TargetPart& operator=(const TargetPart&) = delete;

    const Snapshot& snapshot() const { return part_ ? *part_ : whole_; }
    /// The target's index in snapshot().
    std::uint32_t target() const { return target_; }
    /// Claim v of snapshot() as a claim of the whole snapshot.
    std::uint32_t original(std::uint32_t v) const { return part_ ? claims_[v] : v; }
    /// Edge e of the whole snapshot in snapshot(); std::nullopt when outside the part.
    std::optional<std::uint32_t> edge_in_part(std::uint32_t e) const;

private:
    const Snapshot& whole_;
    std::optional<Snapshot> part_;
    std::uint32_t target_;
    std::vector<std::uint32_t> claims_;   // part claim -> whole claim
    std::vector<std::uint32_t> edge_at_;  // whole edge -> part edge, or kOutside
};

}  // namespace agon::detail
