#include "reevaluator.hpp"

#include <cmath>

#include "agon/bipolar.hpp"
#include "agon/error.hpp"
#include "semantics/gradual/schemes.hpp"
#include "semantics/registry.hpp"

namespace agon::detail::incremental {

Reevaluator::Reevaluator(Request request) : request_(std::move(request)) {
    const std::string name = canonical_semantics(request_.semantics);
    labels_semantics_ = agon::gives_labels(name);
    // The extension semantics take no other parameter: from scratch refuses the rest.
    const bool support_only = request_.params.size() == request_.params.count("support");
    if (name == "grounded" && support_only) {
        mode_ = Mode::grounded;
        grounded_.emplace(support_mode(request_));  // throws usage for an unknown mode
    }
    // Of the other extension semantics only stable goes to an
    // ExtensionAnswer: on the scenario benchmark's graph it re-answered
    // 29,700 changes/s on the session against 5,800 from scratch, while
    // complete, preferred and semi-stable were slower on the session (2,500 /
    // 475 / 146 against 3,000 / 3,100 / 820 per second: from scratch solves
    // only the part the grounded labelling leaves open), as were ideal and
    // stage (docs/incremental.md); with the session holding only the
    // undecided part, preferred and semi-stable were still far slower and
    // complete no faster. Evidential support is grounded only: from
    // scratch refuses it.
    if (name == "stable" && support_only && support_mode(request_) != SupportMode::evidential) {
        mode_ = Mode::extensions;
        extensions_.emplace(ExtensionSemantics::stable, support_mode(request_));
    }
    // The others answer from scratch on the part the repaired grounded
    // labelling leaves undecided, and without a solver when it decides
    // every claim (part_labels.hpp): that spares building the whole graph's
    // snapshot and a solver per change, most of a hinge search's time.
    if ((name == "complete" || name == "preferred" || name == "semi-stable" || name == "ideal" || name == "stage") &&
        support_only && support_mode(request_) != SupportMode::evidential) {
        mode_ = Mode::parts;
        parts_.emplace(*extension_semantics_from_string(name), support_mode(request_), request_.semantics);
    }
    if (GradualWorklist::handles(name) && !request_.params.count("method")) {
        mode_ = Mode::gradual;
        gradual_.emplace(name, gradual::settings_of(request_).epsilon);
        steep_.emplace(gradual_->semantics());
        // Their fixpoint is unique on attacks (steep undercut cycles go from
        // scratch: steep_cycles.hpp) and plain passes reach it (from scratch
        // iterates too); an iteration limit asks for from scratch's last
        // iterate when it is reached, so those go from scratch.
        solves_ = (name == "hcat" || name == "max" || name == "card") && !request_.params.count("max_iterations");
    }
}

double Reevaluator::value(std::uint32_t v) const {
    if (!labels_semantics_) return gradual_ ? gradual_->value(v) : sigma_[v];
    return label_value(label(v));
}

Label Reevaluator::label(std::uint32_t v) const {
    if (!labels_semantics_) throw Error(ErrorKind::usage, request_.semantics + " gives strengths, not labels");
    if (mode_ == Mode::grounded) return grounded_->label(v);
    if (mode_ == Mode::parts && !whole_) return parts_->label(v);
    return mode_ == Mode::extensions ? extensions_->label(v) : labels_[v];
}

void Reevaluator::evaluate_from_scratch(LiveGraph& g, const std::function<std::vector<std::uint32_t>()>& order,
                                        const Control& control) {
    const std::vector<std::uint32_t> slots = order();
    Result r = evaluate(g.snapshot(slots), request_, control);
    ++from_scratch_;
    if (labels_semantics_) {
        labels_.assign(g.claim_slots(), Label::undec);
        for (std::size_t i = 0; i < slots.size(); ++i) labels_[slots[i]] = r.labels[i];
    } else {
        std::vector<double> sigma(g.claim_slots(), 0.0);
        for (std::size_t i = 0; i < slots.size(); ++i) sigma[slots[i]] = r.strength[i];
        if (gradual_) gradual_->reset(std::move(sigma));
        else sigma_ = std::move(sigma);
    }
    r.labels.clear();
    r.strength.clear();
    run_ = std::move(r);
}

bool Reevaluator::from_scratch_on_region(LiveGraph& g, const Control& control) {
    GradualWorklist& w = *gradual_;
    const std::vector<std::uint32_t>& region = steep_->region();
    Result r = evaluate(g.snapshot(region), request_, control);
    if (!r.converged) return false;  // the whole graph's last iterate and warning, as from scratch gives them
    // The claims downstream of the changes and the region settle from there,
    // unless the region's claims leave from scratch's fixpoint.
    bool settled = w.settle_from(g, region, r.strength, control);
    for (std::size_t i = 0; settled && i < region.size(); ++i)
        settled = std::abs(w.value(region[i]) - r.strength[i]) <= kStays;
    if (settled) answered(w.updates() + region.size());
    return settled;
}

bool Reevaluator::stays(const GradualWorklist& w, const std::vector<double>& scratch) {
    for (std::size_t v = 0; v < scratch.size(); ++v)
        if (std::abs(w.value(static_cast<std::uint32_t>(v)) - scratch[v]) > kStays) return false;
    return true;
}

void Reevaluator::answered(std::uint64_t work) {
    run_ = Result{};
    run_.method = "incremental";
    run_.iterations = work;
}

void Reevaluator::update(LiveGraph& g, const std::function<std::vector<std::uint32_t>()>& order,
                         const Control& control) {
    g.take_changes(changes_);
    const LiveGraph::Changes& changes = changes_;
    if (mode_ == Mode::scratch) return evaluate_from_scratch(g, order, control);
    if (mode_ == Mode::grounded) {
        grounded_->update(g, changes, control);
        answered(grounded_->last_repair_size());
        return;
    }
    if (mode_ == Mode::extensions) {
        extensions_->update(g, changes, control);
        answered(extensions_->last_questions());
        if (!extensions_->has_extension()) run_.warnings.push_back(no_extension_warning(request_.semantics));
        return;
    }
    if (mode_ == Mode::parts) {
        parts_->update(g, changes, control);
        whole_ = parts_->open() > 0 && !parts_->splits();
        if (whole_) return evaluate_from_scratch(g, order, control);
        if (!parts_->evaluated()) return answered(parts_->last_repair_size());
        // The part was evaluated from scratch: its method and iterations, as evaluate gives them.
        ++from_scratch_;
        run_ = parts_->part_run();
        return;
    }
    // Gradual.
    GradualWorklist& w = *gradual_;
    w.take(g, changes, fresh_ && !unsettled_);
    if (w.refuses_heavy() && g.heavy_count() > 0) fresh_ = false;  // from scratch says which edge is too heavy
    try {
        if (steep_->update(g, changes)) {
            // More than one fixpoint may exist: the one from scratch's start
            // is the answer, on the part the changes disturb when that is
            // not all (steep_cycles.hpp).
            const bool warm = fresh_ && !unsettled_;
            fresh_ = false;  // until an answer stands: a stop leaves the next question from scratch
            if (warm && w.undoes()) {
                // Back to the graph of the answer before, which was from scratch's.
                w.update(g, control);
                fresh_ = true;
                answered(w.updates());
                return;
            }
            if (warm && !steep_->region_is_all() && from_scratch_on_region(g, control)) {
                fresh_ = true;
                return;
            }
        } else if (fresh_ && !unsettled_ && w.update(g, control)) {
            answered(w.updates());
            return;
        } else if (!fresh_ && !unsettled_ && solves_) {
            // No answer to start from (a first question): solved on the
            // worklist's own arrays, without building a snapshot.
            if (w.solve(g, control)) {
                fresh_ = true;
                answered(w.updates());
                return;
            }
            solves_ = false;  // it did not settle here: from scratch from now on when there is nothing to start from
        }
        w.drop();
        evaluate_from_scratch(g, order, control);
        fresh_ = false;
        if (!run_.converged) solves_ = false;  // its last iterate and warning stand, as from scratch gives them
        if (unsettled_ || !run_.converged) return;
        // Settle every claim once from the from-scratch values, so each
        // residual is bounded by the worklist's own rule from here on.
        const std::vector<double> scratch = w.values();
        fresh_ = w.settle_all(g, control);
        if (fresh_ && stays(w, scratch)) return;
        w.reset(scratch);
        if (fresh_) {
            // It settled at another fixpoint (one the plain update runs away
            // from, where RK4 stays): from scratch's stands, and the next
            // question starts from scratch again.
            fresh_ = false;
            return;
        }
        // The worklist does not settle even from the fixpoint (the plain
        // update oscillates here): stop trying, answer from scratch.
        unsettled_ = true;
    } catch (...) {
        fresh_ = false;
        w.drop();
        throw;
    }
}

}  // namespace agon::detail::incremental
