#include "reevaluator.hpp"

#include <algorithm>
#include <cmath>

#include "agon/bipolar.hpp"
#include "agon/error.hpp"
#include "semantics/gradual/rules.hpp"
#include "semantics/gradual/schemes.hpp"

namespace agon::detail::incremental {

namespace {

using gradual::Sem;

// The semantics' local rule at claim v, reading the live graph.
template <Sem S>
double live_rule(const LiveGraph& g, const double* sigma, std::uint32_t v) {
    auto attacks = [&](auto&& f) {
        for (std::uint32_t e : g.attacks_into(v))
            if (g.live(e)) f(g.effective_weight(e, sigma), sigma[g.from(e)], g.base(g.from(e)));
    };
    auto supports = [&](auto&& f) {
        for (std::uint32_t e : g.supports_into(v))
            if (g.live(e)) f(g.effective_weight(e, sigma), sigma[g.from(e)], 0.0);
    };
    return gradual::rule<S>(g.base(v), attacks, supports);
}

// Each rule moves by at most gain times the weighted moves of its inputs,
// and hcat, max and card (tau / (1 + x), x >= 0) by at most s(v) times them,
// s(v) = tau / (1 + x) being the value the rule gave at v's last update:
// |tau/(1+x) - tau/(1+y)| = tau |x - y| / ((1+x)(1+y)) <= s(v) |x - y|.
// The others: the logistic and t e^E/(1+t e^E)^2 (mlp, euler: 1/4),
// x^2/(1+x^2) (qe: 3 sqrt(3)/8 < 0.65), the products (dfquad, quad: 1).
struct GradualEntry {
    std::string_view name;
    double (*rule)(const LiveGraph&, const double*, std::uint32_t);
    Sem sem;
    double gain;
    bool by_value;
};

constexpr GradualEntry kGradual[] = {
    {"hcat", &live_rule<Sem::hcat>, Sem::hcat, 1.0, true},
    {"max", &live_rule<Sem::max>, Sem::max, 1.0, true},
    {"card", &live_rule<Sem::card>, Sem::card, 1.0, true},
    {"dfquad", &live_rule<Sem::dfquad>, Sem::dfquad, 1.0, false},
    {"quad", &live_rule<Sem::quad>, Sem::quad, 1.0, false},
    {"euler", &live_rule<Sem::euler>, Sem::euler, 0.25, false},
    {"qe", &live_rule<Sem::qe>, Sem::qe, 0.65, false},
    {"mlp", &live_rule<Sem::mlp>, Sem::mlp, 0.25, false},
};

// Claim updates a change may take before the worklist gives way to a
// from-scratch evaluation: 64 sweeps' worth.
std::uint64_t budget(const LiveGraph& g) { return 64ull * (g.claim_slots() + 64); }

}  // namespace

Reevaluator::Reevaluator(Request request) : request_(std::move(request)) {
    const std::string name = canonical_semantics(request_.semantics);
    labels_semantics_ = agon::gives_labels(name);
    // Grounded takes no other parameter: from scratch refuses the rest.
    if (name == "grounded" && request_.params.size() == request_.params.count("support")) {
        mode_ = Mode::grounded;
        grounded_.emplace(support_mode(request_));  // throws usage for an unknown mode
    }
    for (const auto& entry : kGradual)
        if (entry.name == name && !request_.params.count("method")) {
            mode_ = Mode::gradual;
            rule_ = entry.rule;
            card_ = entry.sem == Sem::card;
            product_ = entry.sem == Sem::dfquad || entry.sem == Sem::quad;
            epsilon_ = gradual::settings_of(request_).epsilon;
            gain_ = entry.gain;
            by_value_ = entry.by_value;
        }
}

double Reevaluator::value(std::uint32_t v) const {
    if (!labels_semantics_) return sigma_[v];
    return label_value(label(v));
}

Label Reevaluator::label(std::uint32_t v) const {
    if (!labels_semantics_) throw Error(ErrorKind::usage, request_.semantics + " gives strengths, not labels");
    return mode_ == Mode::grounded ? grounded_->label(v) : labels_[v];
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
        sigma_.assign(g.claim_slots(), 0.0);
        for (std::size_t i = 0; i < slots.size(); ++i) sigma_[slots[i]] = r.strength[i];
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
        grounded_->update(g, changes, control);
        run_ = Result{};
        run_.method = "incremental";
        run_.iterations = grounded_->last_repair_size();
        return;
    }
    // Gradual.
    const std::uint32_t n = g.claim_slots();
    sigma_.resize(n, 0.0);
    residual_.resize(n, 0.0);
    queued_.resize(n, 0);
    ring_.resize(n + 1);
    if (product_ && g.heavy_count() > 0) fresh_ = false;  // from scratch says which edge is too heavy
    try {
        if (fresh_ && !unsettled_) {
            for (std::uint32_t v : changes.claims) {
                if (!g.alive(v)) continue;
                push(v);
                // card counts attackers with a positive base: a base change is structural for the targets.
                for (std::uint32_t e : g.edges_out(v))
                    if (g.live(e) && g.alive(g.acted_on(e))) push(g.acted_on(e));
            }
            for (std::uint32_t e : changes.edges)
                if (g.alive(g.acted_on(e))) push(g.acted_on(e));
            if (propagate(g, control)) {
                run_ = Result{};
                run_.method = "incremental";
                run_.iterations = updates_;
                return;
            }
        }
        evaluate_from_scratch(g, order, control);
        fresh_ = false;
        if (unsettled_ || !run_.converged) return;
        // Settle every claim once from the from-scratch values, so each
        // residual is bounded by the worklist's own rule from here on.
        const std::vector<double> scratch = sigma_;
        for (std::uint32_t v = 0; v < n; ++v)
            if (g.alive(v)) push(v);
        fresh_ = propagate(g, control);
        if (fresh_) return;
        sigma_ = scratch;
        // The worklist does not settle even from the fixpoint (the plain
        // update oscillates here): stop trying, answer from scratch.
        unsettled_ = true;
    } catch (...) {
        fresh_ = false;
        for (std::size_t i = 0; i < size_; ++i) queued_[ring_[(head_ + i) % ring_.size()]] = 0;
        head_ = size_ = 0;
        throw;
    }
}

void Reevaluator::push(std::uint32_t v) {
    if (queued_[v]) return;
    queued_[v] = 1;
    const std::size_t at = head_ + size_;
    ring_[at < ring_.size() ? at : at - ring_.size()] = v;
    ++size_;
}

bool Reevaluator::propagate(const LiveGraph& g, const Control& control) {
    const std::uint64_t limit = budget(g);
    updates_ = 0;
    double* sigma = sigma_.data();
    while (size_ > 0) {
        const std::uint32_t v = ring_[head_];
        head_ = head_ + 1 == ring_.size() ? 0 : head_ + 1;
        --size_;
        queued_[v] = 0;
        residual_[v] = 0;
        if (!g.alive(v)) continue;
        if ((++updates_ & 0x3FF) == 0) control.check();
        if (updates_ > limit) {
            while (size_ > 0) {
                queued_[ring_[head_]] = 0;
                residual_[ring_[head_]] = 0;
                head_ = head_ + 1 == ring_.size() ? 0 : head_ + 1;
                --size_;
            }
            return false;
        }
        const double next = rule_(g, sigma, v);
        const double moved = std::abs(next - sigma[v]);
        sigma[v] = next;
        if (moved == 0) continue;
        for (std::uint32_t e : g.edges_out(v)) {
            if (!g.live(e)) continue;
            const std::uint32_t t = g.acted_on(e);
            residual_[t] += moved * g.reach(e) * (by_value_ ? sigma[t] : gain_);
            if (residual_[t] > epsilon_ || (card_ && g.kind(e) == EdgeKind::undercut)) push(t);
        }
    }
    return true;
}

}  // namespace agon::detail::incremental
