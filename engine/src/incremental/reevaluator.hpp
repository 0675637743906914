// Internal: the answer of one request over a LiveGraph, brought up to date
// after changes by recomputing only what they can reach.
//
// Grounded (every support mode): the attack-only reading, with undercuts
// flattened through auxiliary arguments as flatten() does, is mirrored in a
// DynamicFramework and its labelling repaired below the changed claims
// (grounded_answer.hpp).
// Stable (support none, deductive or necessary): the same reading, its
// grounded labelling repaired, and a warm Session over the part that
// labelling leaves undecided, which labels the undecided claims with few SAT
// calls (extension_answer.hpp).
// Complete, preferred, semi-stable, ideal and stage (the same support
// modes): the same grounded labelling repaired, and only the part it leaves
// undecided evaluated from scratch, as a framework of its own (the whole
// graph under stage: part_labels.hpp); nothing when it decides every claim.
// Gradual semantics hcat, max, card, dfquad, quad, euler, qe, mlp (method
// auto): GradualWorklist (gradual_worklist.hpp) from the previous fixpoint,
// or the fixpoint before it when the changes undo the last ones. On acyclic
// parts this is the exact pass (a change stops only where it vanishes below
// epsilon); on cycles it stops, like Jacobi and RK4 from scratch, when no
// claim's residual |T(s)(v) - s(v)| can exceed epsilon.
// Everything else, and any case above (weights above 1 under dfquad/quad, a
// worklist that has not settled within 64 sweeps' worth of updates, a cycle
// through an edge steep enough for more than one fixpoint: steep_cycles.hpp,
// which then names the part to evaluate), is evaluated from scratch on the
// live graph's snapshot.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "agon/control.hpp"
#include "agon/semantics.hpp"
#include "extension_answer.hpp"
#include "gradual_worklist.hpp"
#include "grounded_answer.hpp"
#include "live_graph.hpp"
#include "part_labels.hpp"
#include "steep_cycles.hpp"

namespace agon::detail::incremental {

class Reevaluator {
public:
    /// Does not evaluate yet; the first update() does, from scratch or (hcat,
    /// max, card) by GradualWorklist::solve. A bad gradual parameter or
    /// support mode throws here, as evaluate would; any other bad request
    /// throws at the first update(), from scratch.
    explicit Reevaluator(Request request);

    /// True when the request is answered incrementally at all.
    bool incremental() const noexcept { return mode_ != Mode::scratch; }

    /// Bring the answer up to date with `g`, taking its changes. `order`
    /// lists the live claims in the order of a from-scratch snapshot (called
    /// only when evaluating from scratch). Leaves a consistent state when
    /// `control` stops it (the next update starts from scratch).
    void update(LiveGraph& g, const std::function<std::vector<std::uint32_t>()>& order, const Control& control);

    /// Claim slot v's strength, or its label as a number.
    double value(std::uint32_t v) const;
    /// Claim slot v's label (extension semantics only).
    Label label(std::uint32_t v) const;
    bool gives_labels() const noexcept { return labels_semantics_; }

    /// The last update's result fields (method, iterations, converged,
    /// warnings), without the values.
    const Result& run() const noexcept { return run_; }
    std::uint64_t from_scratch_count() const noexcept { return from_scratch_; }

    /// Keep the current strengths, and go back to them later (gradual only):
    /// robustness starts every sample from the unperturbed fixpoint, so its
    /// answers do not depend on which sample a thread saw before. After
    /// restore() the caller must record again, as changes of the graph, every
    /// claim and edge that differs from the graph at save().
    void save() {
        if (gradual_) gradual_->save();
    }
    void restore() {
        if (gradual_) gradual_->restore();
    }

private:
    enum class Mode { scratch, grounded, extensions, parts, gradual };

    void evaluate_from_scratch(LiveGraph& g, const std::function<std::vector<std::uint32_t>()>& order,
                               const Control& control);

    // How far settling may move a claim from a from-scratch value: further
    // means the worklist left for another fixpoint (from a true one it moves
    // by about epsilon / (1 - contraction)). The tests compare at 1e-6 too.
    static constexpr double kStays = 1e-6;
    // Whether every claim's value is within kStays of `scratch` (per slot).
    static bool stays(const GradualWorklist& w, const std::vector<double>& scratch);

    // A steep cycle the changes reach: from scratch on steep_->region() only,
    // the rest settled by the worklist from there. False when that did not
    // converge or settle (the caller goes from scratch on the whole graph).
    bool from_scratch_on_region(LiveGraph& g, const Control& control);

    // The result fields of an answer given incrementally, `work` claims
    // recomputed or relabelled (or questions asked).
    void answered(std::uint64_t work);

    Request request_;
    Mode mode_ = Mode::scratch;
    bool labels_semantics_ = false;
    bool fresh_ = false;      // a valid answer exists to start from
    bool unsettled_ = false;  // the worklist failed from a fixpoint: from scratch from now on
    bool solves_ = false;     // with no answer to start from, the worklist solves (gradual: solve)
    std::uint64_t from_scratch_ = 0;
    Result run_;
    LiveGraph::Changes changes_;  // buffers reused between updates

    // Extension semantics: labels per slot, or read from the grounded repair.
    std::vector<Label> labels_;
    std::optional<GroundedAnswer> grounded_;
    std::optional<ExtensionAnswer> extensions_;
    std::optional<PartLabels> parts_;
    bool whole_ = false;  // parts_: the last update evaluated the whole graph (labels_)

    // Strengths per slot, from scratch; gradual semantics: the worklist's.
    std::vector<double> sigma_;
    std::optional<GradualWorklist> gradual_;
    std::optional<SteepCycles> steep_;  // with gradual_
};

}  // namespace agon::detail::incremental
