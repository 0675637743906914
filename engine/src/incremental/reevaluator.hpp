// Internal: the answer of one request over a LiveGraph, brought up to date
// after changes by recomputing only what they can reach.
//
// Grounded (support none): the attacks, with undercuts flattened through
// auxiliary arguments as flatten() does, are mirrored in a DynamicFramework
// and its labelling repaired by GroundedRepair (the session's; delete and
// rederive below the changed claims).
// Gradual semantics hcat, max, card, dfquad, quad, euler, qe, mlp (method
// auto): GradualWorklist (gradual_worklist.hpp) from the previous fixpoint,
// or the fixpoint before it when the changes undo the last ones. On acyclic
// parts this is the exact pass (a change stops only where it vanishes below
// epsilon); on cycles it stops, like Jacobi and RK4 from scratch, when no
// claim's residual |T(s)(v) - s(v)| can exceed epsilon.
// Everything else, and any case above (weights above 1 under dfquad/quad, a
// worklist that has not settled within 64 sweeps' worth of updates), is
// evaluated from scratch on the live graph's snapshot.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "agon/control.hpp"
#include "agon/semantics.hpp"
#include "dynamic_framework.hpp"
#include "gradual_worklist.hpp"
#include "grounded_repair.hpp"
#include "live_graph.hpp"

namespace agon::detail::incremental {

class Reevaluator {
public:
    /// Does not evaluate yet; the first update() does, from scratch (and
    /// throws there what evaluate would throw for a bad request).
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
    enum class Mode { scratch, grounded, gradual };

    void evaluate_from_scratch(LiveGraph& g, const std::function<std::vector<std::uint32_t>()>& order,
                               const Control& control);
    void sync_framework(const LiveGraph& g, const LiveGraph::Changes& changes);

    Request request_;
    Mode mode_ = Mode::scratch;
    bool labels_semantics_ = false;
    bool fresh_ = false;      // a valid answer exists to start from
    bool unsettled_ = false;  // the worklist failed from a fixpoint: from scratch from now on
    std::uint64_t from_scratch_ = 0;
    Result run_;
    LiveGraph::Changes changes_;  // buffers reused between updates

    // Extension semantics: labels per slot, or read from the repair.
    std::vector<Label> labels_;
    bool from_repair_ = false;
    DynamicFramework af_;
    GroundedRepair repair_;
    const std::vector<Label>* repaired_ = nullptr;
    // Per edge slot, the framework attacks it stands for now.
    struct Mirrored {
        std::uint64_t pairs[3] = {0, 0, 0};
        std::uint8_t n = 0;
        bool aux = false;     // its auxiliary arguments X (not source) and Y (active) exist
        bool noted = false;   // scratch: in edges_ during a sync
    };
    // Auxiliary argument ids above every claim slot.
    static std::uint32_t aux_not(std::uint32_t e) { return 0x80000000u + 2 * e; }
    static std::uint32_t aux_active(std::uint32_t e) { return 0x80000000u + 2 * e + 1; }
    Mirrored flattened(const LiveGraph& g, std::uint32_t e) const;
    std::vector<Mirrored> mirrored_, wanted_;
    std::vector<std::uint32_t> edges_;
    std::vector<char> claim_in_af_;
    // How many edges stand for each attack (parallel edges share one).
    std::unordered_map<std::uint64_t, std::uint32_t> pair_count_;

    // Strengths per slot, from scratch; gradual semantics: the worklist's.
    std::vector<double> sigma_;
    std::optional<GradualWorklist> gradual_;
};

}  // namespace agon::detail::incremental
