#include "reevaluator.hpp"

#include <algorithm>
#include <cmath>

#include "agon/bipolar.hpp"
#include "agon/error.hpp"
#include "semantics/gradual/schemes.hpp"

namespace agon::detail::incremental {

namespace {

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) { return std::uint64_t{a} << 32 | b; }

}  // namespace

Reevaluator::Reevaluator(Request request) : request_(std::move(request)) {
    const std::string name = canonical_semantics(request_.semantics);
    labels_semantics_ = agon::gives_labels(name);
    if (name == "grounded" && support_mode(request_) == SupportMode::none) mode_ = Mode::grounded;
    if (GradualWorklist::handles(name) && !request_.params.count("method")) {
        mode_ = Mode::gradual;
        gradual_.emplace(name, gradual::settings_of(request_).epsilon);
    }
}

double Reevaluator::value(std::uint32_t v) const {
    if (!labels_semantics_) return gradual_ ? gradual_->value(v) : sigma_[v];
    return label_value(label(v));
}

Label Reevaluator::label(std::uint32_t v) const {
    if (!labels_semantics_) throw Error(ErrorKind::usage, request_.semantics + " gives strengths, not labels");
    if (!from_repair_) return labels_[v];
    if (v >= claim_in_af_.size() || !claim_in_af_[v]) return Label::undec;
    return (*repaired_)[af_.slot(v)];
}

void Reevaluator::evaluate_from_scratch(LiveGraph& g, const std::function<std::vector<std::uint32_t>()>& order,
                                        const Control& control) {
    const std::vector<std::uint32_t> slots = order();
    Result r = evaluate(g.snapshot(slots), request_, control);
    ++from_scratch_;
    if (labels_semantics_) {
        labels_.assign(g.claim_slots(), Label::undec);
        for (std::size_t i = 0; i < slots.size(); ++i) labels_[slots[i]] = r.labels[i];
        from_repair_ = false;
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

void Reevaluator::update(LiveGraph& g, const std::function<std::vector<std::uint32_t>()>& order,
                         const Control& control) {
    g.take_changes(changes_);
    const LiveGraph::Changes& changes = changes_;
    if (mode_ == Mode::scratch) return evaluate_from_scratch(g, order, control);
    if (mode_ == Mode::grounded) {
        sync_framework(g, changes);
        repair_.changed(af_.take_touched());
        repaired_ = &repair_.labels(af_);
        from_repair_ = true;
        run_ = Result{};
        run_.method = "incremental";
        run_.iterations = repair_.last_repair_size();
        return;
    }
    // Gradual.
    GradualWorklist& w = *gradual_;
    w.take(g, changes);
    if (w.refuses_heavy() && g.heavy_count() > 0) fresh_ = false;  // from scratch says which edge is too heavy
    try {
        if (fresh_ && !unsettled_ && w.update(g, control)) {
            run_ = Result{};
            run_.method = "incremental";
            run_.iterations = w.updates();
            return;
        }
        w.drop();
        evaluate_from_scratch(g, order, control);
        fresh_ = false;
        if (unsettled_ || !run_.converged) return;
        // Settle every claim once from the from-scratch values, so each
        // residual is bounded by the worklist's own rule from here on.
        const std::vector<double> scratch = w.values();
        fresh_ = w.settle_all(g, control);
        if (fresh_) return;
        // The worklist does not settle even from the fixpoint (the plain
        // update oscillates here): stop trying, answer from scratch.
        w.reset(scratch);
        unsettled_ = true;
    } catch (...) {
        fresh_ = false;
        w.drop();
        throw;
    }
}

// The attacks one edge stands for in the flattened reading (bipolar.hpp,
// flatten): an attack x -> y, or x -> X -> Y -> y while a live undercut is
// aimed at it; an undercut z -> e of an attack chain, z -> Y_e (or its own
// X, Y pair while undercut itself). Supports, and undercuts of supports,
// stand for nothing.
Reevaluator::Mirrored Reevaluator::flattened(const LiveGraph& g, std::uint32_t e) const {
    Mirrored m;
    if (!g.live(e) || g.kind(e) == EdgeKind::support) return m;
    std::uint32_t acted = e;
    while (g.kind(acted) == EdgeKind::undercut) acted = g.to(acted);
    if (g.kind(acted) != EdgeKind::attack) return m;
    const std::uint32_t target = g.kind(e) == EdgeKind::attack ? g.to(e) : aux_active(g.to(e));
    for (std::uint32_t u : g.undercuts_of(e))
        if (g.live(u)) m.aux = true;
    if (!m.aux) {
        m.pairs[m.n++] = pair_key(g.from(e), target);
        return m;
    }
    m.pairs[m.n++] = pair_key(g.from(e), aux_not(e));
    m.pairs[m.n++] = pair_key(aux_not(e), aux_active(e));
    m.pairs[m.n++] = pair_key(aux_active(e), target);
    return m;
}

void Reevaluator::sync_framework(const LiveGraph& g, const LiveGraph::Changes& changes) {
    mirrored_.resize(g.edge_slots());
    claim_in_af_.resize(g.claim_slots(), 0);
    // The changed edges, and the edges an undercut among them is aimed at
    // (whether they are flattened may have changed).
    edges_.clear();
    auto note = [&](std::uint32_t e) {
        if (mirrored_[e].noted) return;
        mirrored_[e].noted = true;
        edges_.push_back(e);
    };
    for (std::uint32_t e : changes.edges) {
        note(e);
        if (g.kind(e) == EdgeKind::undercut) note(g.to(e));
    }
    wanted_.clear();
    for (std::uint32_t e : edges_) wanted_.push_back(flattened(g, e));
    auto has = [](const Mirrored& m, std::uint64_t k) { return std::find(m.pairs, m.pairs + m.n, k) != m.pairs + m.n; };
    auto from_of = [](std::uint64_t k) { return static_cast<std::uint32_t>(k >> 32); };
    auto to_of = [](std::uint64_t k) { return static_cast<std::uint32_t>(k); };
    // Attacks that went away first (while their arguments are still there),
    // then arguments, then attacks that came.
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        const Mirrored& old = mirrored_[edges_[i]];
        for (std::uint8_t j = 0; j < old.n; ++j)
            if (!has(wanted_[i], old.pairs[j]) && --pair_count_[old.pairs[j]] == 0) {
                pair_count_.erase(old.pairs[j]);
                af_.remove_attack(from_of(old.pairs[j]), to_of(old.pairs[j]));
            }
    }
    for (std::size_t i = 0; i < edges_.size(); ++i)
        if (mirrored_[edges_[i]].aux && !wanted_[i].aux) {
            af_.remove(aux_not(edges_[i]));
            af_.remove(aux_active(edges_[i]));
        }
    for (std::uint32_t v : changes.claims) {
        if (claim_in_af_[v] && !g.alive(v)) af_.remove(v);
        else if (!claim_in_af_[v] && g.alive(v)) af_.add(v);
        claim_in_af_[v] = g.alive(v);
    }
    for (std::size_t i = 0; i < edges_.size(); ++i)
        if (!mirrored_[edges_[i]].aux && wanted_[i].aux) {
            af_.add(aux_not(edges_[i]));
            af_.add(aux_active(edges_[i]));
        }
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        const Mirrored& old = mirrored_[edges_[i]];
        for (std::uint8_t j = 0; j < wanted_[i].n; ++j)
            if (!has(old, wanted_[i].pairs[j]) && pair_count_[wanted_[i].pairs[j]]++ == 0)
                af_.add_attack(from_of(wanted_[i].pairs[j]), to_of(wanted_[i].pairs[j]));
    }
    for (std::size_t i = 0; i < edges_.size(); ++i) mirrored_[edges_[i]] = wanted_[i];
}

}  // namespace agon::detail::incremental
