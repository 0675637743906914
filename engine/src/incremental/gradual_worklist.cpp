#include "gradual_worklist.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <span>
#include <utility>

#include "sweep_order.hpp"

namespace agon::detail::incremental {

namespace {

using gradual::Sem;

struct Named {
    std::string_view name;
    Sem sem;
};
constexpr Named kSemantics[] = {{"hcat", Sem::hcat},   {"max", Sem::max},     {"card", Sem::card}, {"dfquad", Sem::dfquad},
                                {"quad", Sem::quad},   {"euler", Sem::euler}, {"qe", Sem::qe},     {"mlp", Sem::mlp}};

// The largest residual bound d at which the rule at a claim with value s and
// base score tau moves by at most eps, when its inputs' weighted moves add up
// to d: a claim is recomputed when its bound passes this limit. hcat, max and
// card compute s = tau / (1 + x), x >= 0 an aggregate that moved by at most
// d: |tau/(1+x) - tau/(1+x')| = s |x - x'| / (1 + x') with 1 + x = tau / s
// and x' >= max(0, x - d), so the move is at most s d / max(1, tau/s - d),
// at most eps when d <= eps / s or s^2 d <= eps (tau - s d). The others are
// Lipschitz in their aggregate: dfquad and quad with slope tau or 1 - tau
// (the products move by at most d; quad at a claim with both attacks and
// supports, `averages`, takes their mean, so half that), euler
// (1 - tau^2) y / (1 + y)^2 <= (1 - tau^2) / 4, qe tau or 1 - tau times
// x^2/(1+x^2)' <= 3 sqrt(3)/8 < 0.65, mlp the logistic's 1/4. Near s, euler and mlp are flatter: their
// slope at s is (s - tau^2)(1 - s)/(1 - tau^2) (y = (s - tau^2)/(1 - s))
// and s (1 - s), and an aggregate move by t multiplies it by at most e^|t|:
// below 1.0011 while d stays below 1e-3.
template <Sem S>
double limit(double s, double tau, double eps, [[maybe_unused]] bool averages) {
    constexpr double never = std::numeric_limits<double>::infinity();
    if constexpr (S == Sem::hcat || S == Sem::max || S == Sem::card) {
        // max(eps / s, eps tau / (s (s + eps))) with one division.
        return s > 0 ? eps * std::max(s + eps, tau) / (s * (s + eps)) : never;
    } else if constexpr (S == Sem::euler || S == Sem::mlp) {
        const double slope = S == Sem::euler ? 0.25 * (1 - tau * tau) : 0.25;
        if (slope <= 0) return never;
        const double here = S == Sem::euler ? (s - tau * tau) * (1 - s) / (1 - tau * tau) : s * (1 - s);
        constexpr double near = 1e-3, growth = 1.0011, rounding = 1e-12;
        return std::max(eps / slope, std::min(near, eps / (growth * here + rounding)));
    } else {
        const double mean = S == Sem::quad && averages ? 0.5 : 1.0;
        const double slope = (S == Sem::qe ? 0.65 : 1.0) * std::max(tau, 1 - tau) * mean;
        return eps / slope;
    }
}

// The binary exponent of a positive double.
int exponent(double x) { return static_cast<int>(std::bit_cast<std::uint64_t>(x) >> 52); }

// The attack or support an undercut chain from e ends at (e itself when it is one).
std::uint32_t cut_end(const LiveGraph& g, std::uint32_t e) {
    while (g.kind(e) == EdgeKind::undercut) e = g.to(e);
    return e;
}

// Whether edge e can move what it acts on under a semantics that reads
// supports (bipolar) or not: every edge, or attacks and undercut chains
// ending at one.
bool acts(const LiveGraph& g, std::uint32_t e, bool bipolar) { return bipolar || g.kind(cut_end(g, e)) == EdgeKind::attack; }

}  // namespace

bool GradualWorklist::handles(std::string_view semantics) {
    return std::any_of(std::begin(kSemantics), std::end(kSemantics), [&](const Named& n) { return n.name == semantics; });
}

GradualWorklist::GradualWorklist(std::string_view semantics, double epsilon)
    : epsilon_(epsilon) {
    for (const Named& n : kSemantics) {
        if (n.name != semantics) continue;
        sem_ = n.sem;
        bipolar_ = gradual::bipolar(n.sem);
        card_ = n.sem == Sem::card;
        mlp_ = n.sem == Sem::mlp;
        product_ = n.sem == Sem::dfquad || n.sem == Sem::quad;
        switch (n.sem) {
            case Sem::hcat: use<Sem::hcat>(); break;
            case Sem::max: use<Sem::max>(); break;
            case Sem::card: use<Sem::card>(); break;
            case Sem::dfquad: use<Sem::dfquad>(); break;
            case Sem::quad: use<Sem::quad>(); break;
            case Sem::euler: use<Sem::euler>(); break;
            case Sem::qe: use<Sem::qe>(); break;
            case Sem::mlp: use<Sem::mlp>(); break;
        }
    }
}

template <Sem S>
void GradualWorklist::use() {
    run_ = &GradualWorklist::run<S>;
    close_ = &GradualWorklist::close<S>;
    passes_ = &GradualWorklist::passes<S>;
    limit_ = &limit<S>;
}

void GradualWorklist::set_base(std::uint32_t v, double base) {
    tau_[v] = base;
    tau_logit_[v] = mlp_ && base > 0 && base < 1 ? gradual::logit(base) : 0.0;
}

inline void GradualWorklist::set_limit(std::uint32_t v, double limit) {
    hot_[v].limit = limit;
    hot_[v].limit_exp = static_cast<std::int16_t>(exponent(limit));
}

void GradualWorklist::rebuild(const LiveGraph& g) {
    claims_ = g.claim_slots();
    edges_ = g.edge_slots();
    span_.resize(claims_);
    std::uint32_t in = 0, out = 0;
    for (std::uint32_t v = 0; v < claims_; ++v) {
        Span& s = span_[v];
        s.att0 = in;
        in += static_cast<std::uint32_t>(g.attacks_into(v).size());
        s.sup0 = in;
        if (bipolar_) in += static_cast<std::uint32_t>(g.supports_into(v).size());
        s.out0 = out;
        out += static_cast<std::uint32_t>(g.edges_out(v).size());
    }
    in_src_.resize(in);
    in_edge_.resize(in);
    in_w_.resize(in);
    out_.resize(out);
    hot_.resize(claims_, Hot{0.0, 0.0, 0, -1, 0});
    tau_.resize(claims_);
    tau_logit_.resize(claims_);
    sigma_.resize(claims_, 0.0);
    for (std::uint32_t v = 0; v < claims_; ++v) {
        set_alive(v, g.alive(v));
        set_base(v, g.base(v));
        fill_in(g, v);
        fill_out(g, v);
        mark_self(v);
        set_limit(v, limit_(sigma_[v], tau_[v], epsilon_, averages(span_[v])));
    }
    order_.clear();  // sweep orders the claims again
}

// The order sweep visits claims in (sweep_order.hpp): with few edges
// backwards for the sweeps, else the cheaper reverse postorder (a first
// question's closing sweep). From every edge that can act, live or not, so
// that a claim switched off while the order is made (the first sweep is
// mostly a switch-off's) keeps its place and its cycles in the passes for
// when it is back. Changes to edges leave the order as it is: any order of
// all slots is correct, and the closing sweep visits every claim.
void GradualWorklist::order_claims(const LiveGraph& g, bool few_back) {
    std::vector<std::uint32_t> first(claims_ + 1, 0), targets;
    std::vector<std::uint8_t> inputs(claims_, 0);
    for (std::uint32_t v = 0; v < claims_; ++v) {
        for (std::uint32_t e : g.edges_out(v))
            if (acts(g, e, bipolar_)) {
                targets.push_back(g.acted_on(e));
                inputs[targets.back()] = 1;
            }
        first[v + 1] = static_cast<std::uint32_t>(targets.size());
    }
    SweepOrder order = sweep_order(first, targets, inputs, few_back);
    order_ = std::move(order.all);
    pass_order_ = std::move(order.passes);
    few_back_ = few_back;
}

void GradualWorklist::fill_in(const LiveGraph& g, std::uint32_t v) {
    Span& s = span_[v];
    bool undercut = false;
    auto fill = [&](std::span<const std::uint32_t> edges, std::uint32_t i) {
        for (std::uint32_t e : edges) {
            if (!g.live(e)) continue;
            in_src_[i] = g.from(e);
            in_edge_[i] = e;
            in_w_[i] = g.weight(e);
            undercut |= !g.undercuts_of(e).empty();
            ++i;
        }
        return i;
    };
    s.att1 = fill(g.attacks_into(v), s.att0);
    s.sup1 = bipolar_ ? fill(g.supports_into(v), s.sup0) : s.sup0;
    s.flags = undercut ? s.flags | kUndercut : s.flags & ~kUndercut;
}

void GradualWorklist::fill_out(const LiveGraph& g, std::uint32_t v) {
    Span& s = span_[v];
    std::uint32_t i = s.out0;
    for (std::uint32_t e : g.edges_out(v))
        if (g.live(e) && acts(g, e, bipolar_))
            out_[i++] = {g.reach(e), g.acted_on(e), card_ && g.kind(e) == EdgeKind::undercut ? 1 + cut_end(g, e) : 0};
    s.out1 = i;
}

bool GradualWorklist::counts_flip(const LiveGraph& g, std::uint32_t edge, std::uint32_t v, double before) {
    const double now = sigma_[v];
    const bool on = g.effective_weight(edge, sigma_.data()) > 0;
    sigma_[v] = before;
    const bool was_on = g.effective_weight(edge, sigma_.data()) > 0;
    sigma_[v] = now;
    return on != was_on;
}

// Only the claim's own attacks and supports count: the flag only chooses how
// its rule is applied (rule_slow), so one acting on itself through an
// undercut may go without it. Kept apart from fill_out, which runs for every
// change, while self-edges rarely change.
void GradualWorklist::mark_self(std::uint32_t v) {
    Span& s = span_[v];
    s.flags &= ~kSelf;
    for (std::uint32_t i = s.att0; i < s.sup1; ++i)
        if (in_src_[i] == v && (i < s.att1 || i >= s.sup0)) s.flags |= kSelf;
}

void GradualWorklist::refresh_weights(const LiveGraph& g, std::uint32_t v) {
    const Span& s = span_[v];
    for (std::uint32_t i = s.att0; i < s.att1; ++i) in_w_[i] = g.effective_weight(in_edge_[i], sigma_.data());
    for (std::uint32_t i = s.sup0; i < s.sup1; ++i) in_w_[i] = g.effective_weight(in_edge_[i], sigma_.data());
}

void GradualWorklist::take(const LiveGraph& g, const LiveGraph::Changes& changes, bool warm) {
    undo_ = false;
    constexpr int changed = kBuckets - 1;
    // An empty mirror builds everything afresh: nothing to undo, and the
    // check's state set in one pass rather than every slot journalled.
    const bool afresh = claims_ == 0 && edges_ == 0;
    const bool undo = afresh ? (undo_check_.reset(g), false) : undo_check_.take(g, changes);
    if (g.claim_slots() != claims_ || g.edge_slots() != edges_) {
        // New slots: no earlier fixpoint to go back to, now or after this update.
        rebuild(g);
        structural_ = true;
    } else {
        // Mirror the changed slots (a slot may repeat).
        dirty_in_.clear();
        dirty_out_.clear();
        bool self = false;  // a self-edge changed (rare)
        for (std::uint32_t v : changes.claims) {
            set_alive(v, g.alive(v));
            set_base(v, g.base(v));
        }
        for (std::uint32_t e : changes.edges) {
            dirty_in_.push_back(g.acted_on(e));
            dirty_out_.push_back(g.from(e));
            self |= dirty_in_.back() == dirty_out_.back();
            // The undercuts aimed at e, to any depth, reach through its weight.
            stack_.assign(g.undercuts_of(e).begin(), g.undercuts_of(e).end());
            while (!stack_.empty()) {
                const std::uint32_t u = stack_.back();
                stack_.pop_back();
                dirty_out_.push_back(g.from(u));
                for (std::uint32_t x : g.undercuts_of(u)) stack_.push_back(x);
            }
        }
        for (auto* dirty : {&dirty_in_, &dirty_out_}) {
            std::sort(dirty->begin(), dirty->end());
            dirty->erase(std::unique(dirty->begin(), dirty->end()), dirty->end());
        }
        for (std::uint32_t v : dirty_in_) fill_in(g, v);
        for (std::uint32_t v : dirty_out_) fill_out(g, v);
        if (self)
            for (std::uint32_t e : changes.edges)
                if (g.acted_on(e) == g.from(e)) mark_self(g.from(e));
        undo_ = undo;
        if (undo_) return;
    }
    if (!warm) return;
    for (std::uint32_t v : changes.claims) {
        if (!alive(v)) continue;
        queue(v, changed);
        // card counts attackers with a positive base: a base change is structural for the targets.
        if (card_)
            for (std::uint32_t i = span_[v].out0; i < span_[v].out1; ++i) queue(out_[i].to, changed);
    }
    for (std::uint32_t e : changes.edges)
        if (alive(g.acted_on(e))) queue(g.acted_on(e), changed);
}

void GradualWorklist::queue(std::uint32_t v, int bucket) {
    if (hot_[v].queued >= bucket) return;
    hot_[v].queued = static_cast<std::int16_t>(bucket);
    bucket_[bucket].push_back(v);
    occupied_ |= std::uint64_t{1} << bucket;
}

void GradualWorklist::clear_queue() {
    for (auto& b : bucket_) {
        for (std::uint32_t v : b) hot_[v].queued = -1;
        b.clear();
    }
    occupied_ = 0;
}

template <Sem S>
inline double GradualWorklist::rule_at(std::uint32_t v) const {
    const Span& s = span_[v];
    const std::uint32_t* src = in_src_.data();
    const double* w = in_w_.data();
    const double* sigma = sigma_.data();
    const double* tau = tau_.data();
    // 64-bit counters: with 32-bit ones gcc kept a copy of the counter per edge.
    auto attacks = [&](auto&& f) {
        for (std::size_t i = s.att0, end = s.att1; i < end; ++i) f(w[i], sigma[src[i]], tau[src[i]]);
    };
    auto supports = [&](auto&& f) {
        for (std::size_t i = s.sup0, end = s.sup1; i < end; ++i) f(w[i], sigma[src[i]], 0.0);
    };
    return gradual::rule<S>(tau[v], tau_logit_[v], attacks, supports);
}

// A claim that acts on itself (the benchmark graph has six self-attacks and
// self-supports) converges alone only by the slope of its rule in its own
// value, 0.5 per recompute under DF-QuAD at base 0.5, long after every other
// claim: the sweeps' last passes moved nothing else. So the rule is applied
// twice (x1 = T(s0), x2 = T(x1)), the claim set to the fixpoint of the line
// through them (exact when the rule is affine in the claim's own value, as
// the product semantics are), and the rule applied there once more. Callers
// push the move from s0 to every out-entry, the claim's own too, so that
// must bound its own move since the rule was applied: else x1 is kept.
template <Sem S>
double GradualWorklist::rule_slow(const LiveGraph& g, std::uint32_t v) {
    const Span& s = span_[v];
    auto rule = [&] {
        if (s.flags & kUndercut) refresh_weights(g, v);
        return rule_at<S>(v);
    };
    const double s0 = sigma_[v];
    const double x1 = rule();
    if (!(s.flags & kSelf) || x1 == s0) return x1;
    sigma_[v] = x1;
    const double x2 = rule();
    const double slope = (x2 - x1) / (x1 - s0);
    const double at = std::abs(slope) < 0.99 ? std::clamp(x2 + (x2 - x1) * slope / (1 - slope), 0.0, 1.0) : x2;
    sigma_[v] = at;
    const double next = rule();
    sigma_[v] = s0;
    return std::abs(next - at) <= std::abs(next - s0) ? next : x1;
}

// Under h-categoriser, max and card the self-attacks settle fast enough
// alone, and the call cost their sweeps 1 % more instructions.
template <Sem S>
inline double GradualWorklist::apply(const LiveGraph& g, std::uint32_t v, std::uint32_t flags) {
    if constexpr (gradual::bipolar(S)) {
        return flags & (kUndercut | kSelf) ? rule_slow<S>(g, v) : rule_at<S>(v);
    } else {
        if (flags & kUndercut) refresh_weights(g, v);
        return rule_at<S>(v);
    }
}

template <Sem S>
bool GradualWorklist::run(const LiveGraph& g, const Control& control) {
    std::uint64_t budget = budget_sweeps * (claims_ + 64);
    const double eps = epsilon_;
    double* sigma = sigma_.data();
    const double* tau = tau_.data();
    Hot* hot = hot_.data();
    const Span* span = span_.data();
    const Out* out = out_.data();
    // 0 after a sweep, which keeps the whole previous fixpoint: the journal
    // is done then (stamps never pass epoch_).
    std::uint32_t epoch = epoch_;
    std::uint64_t occupied = occupied_;
    // A queued claim moves up only when its bound grew eightfold: moving it
    // leaves an entry behind, and for smaller steps the stale entries cost
    // more than the better order saves.
    auto queue = [&](std::uint32_t t, int bucket) {
        if (hot[t].queued >= 0 && hot[t].queued + kPromote >= bucket) return;
        hot[t].queued = static_cast<std::int16_t>(bucket);
        bucket_[bucket].push_back(t);
        occupied |= std::uint64_t{1} << bucket;
    };
    // The value, bound and limit a claim had before this update first
    // touches it: every claim queued is remembered, so a claim taken from
    // the queue needs no check.
    auto remember = [&](std::uint32_t v) {
        if (hot[v].stamp >= epoch) return;
        hot[v].stamp = epoch;
        journal_.push_back({v, sigma[v], hot[v].d, hot[v].limit});
    };
    for (const auto& b : bucket_)
        for (std::uint32_t v : b) remember(v);
    std::uint64_t updates = 0;
    // Every 1,024 recomputes a check for a stop and the budget; from
    // share * claims on, whether the update has touched that share of the
    // claims too (then sweeps are cheaper: sweep). max and card damp a
    // change fast and wait for six times the share (half the claims): some
    // of card's changes reach a quarter of the benchmark graph and would pay
    // for whole sweeps.
    const double share = sweep_share * (S == Sem::max || S == Sem::card ? 6 : 1);
    std::uint64_t sweep_at = claims_ >= sweep_min_claims ? static_cast<std::uint64_t>(share * claims_)
                                                         : std::numeric_limits<std::uint64_t>::max();
    // The bipolar rules need not contract: near some fixpoints (a strong
    // attack cycle) their plain update overshoots and circles, where from
    // scratch's RK4 settles. Past damp_after_sweeps sweeps' worth of
    // updates without settling (the sweeps' passes may go damped sooner),
    // each claim moves only kDamping of the way to its rule's value
    // (damped) for the rest of the update, and the budget doubles: half
    // steps take up to twice as many where the plain update converged, only
    // slowly.
    std::uint64_t damp_at = gradual::bipolar(S) ? damp_after() : std::numeric_limits<std::uint64_t>::max();
    bool damped = false;
    auto damp = [&] {
        if (damped) return;
        damped = true;
        budget *= 2;
        damp_at = std::numeric_limits<std::uint64_t>::max();
    };
    if (damp_at == 0) damp();
    std::uint64_t check_at = std::min<std::uint64_t>({1024, sweep_at, damp_at});
    while (occupied) {
        const int top = 63 - std::countl_zero(occupied);
        std::vector<std::uint32_t>& b = bucket_[top];
        if (b.empty()) {
            occupied &= ~(std::uint64_t{1} << top);
            continue;
        }
        const std::uint32_t v = b.back();
        b.pop_back();
        if (hot[v].queued != top) continue;  // moved to a higher bucket since
        hot[v].queued = -1;
        hot[v].d = 0;
        const Span& s = span[v];
        if (!(s.flags & kAlive)) continue;
        if (++updates >= check_at) {
            check_at = updates + 1024;
            occupied_ = occupied;
            control.check();
            if (updates > budget) {
                clear_queue();
                updates_ = updates;
                return false;
            }
            if (updates >= sweep_at) {
                sweep_at = updates + claims_ / 2;
                if (journal_.size() >= share * claims_) {
                    // sweep recomputes v too.
                    if (!sweep<S>(g, control, updates)) return false;
                    occupied = occupied_;
                    epoch = 0;
                    sweep_at = std::numeric_limits<std::uint64_t>::max();
                    if (passes_damped_) damp();
                    continue;
                }
            }
            if (updates >= damp_at) damp();
            check_at = std::min({check_at, sweep_at, damp_at});
        }
        // Damped, a claim that acts on itself takes its plain rule (no
        // secant step, which can flip between two values there too).
        const double next = apply<S>(g, v, damped ? s.flags & ~kSelf : s.flags);
        // The limit is the rule's at the value it gives (the slope there).
        const double lim = limit<S>(next, tau[v], eps, averages(s));
        hot[v].limit = lim;
        hot[v].limit_exp = static_cast<std::int16_t>(exponent(lim));
        const double before = sigma[v];
        double moved = std::abs(next - before);
        if (damped && lim < std::numeric_limits<double>::infinity()) {
            // What is left of the way, (1 - kDamping) |r|, counts in the
            // bound as an input move of that size over the rule's slope
            // eps / limit: the bound then holds the claim's whole residual
            // (its own move reaches it through its self-edge's out-entry),
            // and the claim stays queued while that is above epsilon. (An
            // infinite limit: the rule reads no input, nothing to damp.)
            sigma[v] = before + kDamping * (next - before);
            hot[v].d = (1 - kDamping) * moved * lim / eps;
            moved *= kDamping;
            if (hot[v].d > lim) queue(v, std::min(exponent(hot[v].d) - hot[v].limit_exp, kBuckets - 2));
        } else {
            sigma[v] = next;
        }
        if (moved == 0) continue;
        for (std::uint32_t i = s.out0; i < s.out1; ++i) {
            const Out& o = out[i];
            remember(o.to);
            Hot& h = hot[o.to];
            const double d = h.d += moved * o.reach;
            if (d > h.limit)
                queue(o.to, std::min(exponent(d) - h.limit_exp, kBuckets - 2));  // d > limit: not below 0
            else if (S == Sem::card && o.cut && counts_flip(g, o.cut - 1, v, before))
                queue(o.to, 0);
        }
    }
    occupied_ = 0;
    updates_ = updates;
    return true;
}

std::uint64_t GradualWorklist::budget_sweeps = 64;
std::uint64_t GradualWorklist::damp_after_sweeps = 8;
double GradualWorklist::sweep_share = 1.0 / 12;
std::uint32_t GradualWorklist::sweep_min_claims = 256;

template <Sem S>
bool GradualWorklist::sweep(const LiveGraph& g, const Control& control, std::uint64_t& updates) {
    // Every claim may move: keep the whole previous fixpoint instead of the
    // journal (the values now, with the journaled claims set back), so undo
    // swaps two arrays; run journals no more (its epoch goes to 0).
    clear_queue();  // before the copy: the fixpoint kept has an empty queue
    whole_sigma_ = sigma_;
    whole_hot_ = hot_;
    for (const Before& b : journal_) {
        whole_sigma_[b.v] = b.sigma;
        Hot& h = whole_hot_[b.v];
        h.d = b.residual;
        h.limit = b.limit;
        h.limit_exp = static_cast<std::int16_t>(exponent(b.limit));
    }
    whole_ = true;
    if (order_.size() != claims_ || !few_back_) order_claims(g, true);
    if (!passes<S>(g, control, updates)) return false;
    close<S>(g, updates);
    return true;
}

template <Sem S>
bool GradualWorklist::passes(const LiveGraph& g, const Control& control, std::uint64_t& updates) {
    std::uint64_t budget = budget_sweeps * (claims_ + 64);
    const double eps = epsilon_;
    double* sigma = sigma_.data();
    const Span* span = span_.data();
    // Plain Gauss-Seidel sweeps over the live claims of pass_order_, with no
    // bounds and no queue, until one moves no claim by more than `stops`
    // times epsilon (10,000; DF-QuAD 100, QE 300, QuAD and MLP 1,000); the
    // worklist finishes the little left more cheaply (measured per semantics
    // by the wall clock with the few-backward-edges order, docs/incremental.md).
    constexpr double stops = S == Sem::dfquad ? 100 : S == Sem::qe ? 300 : S == Sem::quad || S == Sem::mlp ? 1e3 : 1e4;
    const double stop = stops * eps;
    // A bipolar rule that circles (run) shows as passes whose largest move
    // stops shrinking: from the damp_after_sweeps-th pass on, a largest
    // move above 0.9 times the one two passes before (Gauss-Seidel on the
    // benchmark's graph shrinks it 20 to 100 times over two) makes the rest
    // damped, with the budget doubled (run); the worklist after them
    // (passes_damped_) too.
    double earlier[2] = {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
    bool damped = gradual::bipolar(S) && damp_after_sweeps == 0;
    std::uint64_t done = 0;  // passes
    for (double most = std::numeric_limits<double>::infinity(); most > stop;) {
        control.check();
        if (updates > budget) {
            updates_ = updates;
            return false;
        }
        // A loop of its own for the damped passes: a test inside cost the plain ones 2 to 5 %.
        auto pass = [&]<bool damp>() {
            double largest = 0;
            for (std::uint32_t v : pass_order_) {
                const Span& s = span[v];
                if (!(s.flags & kAlive)) continue;
                const double next = apply<S>(g, v, damp ? s.flags & ~kSelf : s.flags);
                largest = std::max(largest, std::abs(next - sigma[v]));
                sigma[v] = damp ? sigma[v] + kDamping * (next - sigma[v]) : next;
            }
            return largest;
        };
        most = damped ? pass.template operator()<true>() : pass.template operator()<false>();
        updates += pass_order_.size();
        if (!damped && gradual::bipolar(S) && ++done >= damp_after_sweeps && most > 0.9 * earlier[0]) {
            damped = true;
            budget *= 2;
        }
        earlier[0] = earlier[1];
        earlier[1] = most;
    }
    passes_damped_ = damped;
    return true;
}

template <Sem S>
void GradualWorklist::close(const LiveGraph& g, std::uint64_t& updates) {
    const double eps = epsilon_;
    double* sigma = sigma_.data();
    Hot* hot = hot_.data();
    const Span* span = span_.data();
    const Out* out = out_.data();
    if (order_.size() != claims_) order_claims(g, false);
    // One sweep that keeps the bounds again: each claim's d is reset when it
    // is recomputed and gathers the moves of the claims after it; the
    // worklist then takes the claims whose d passed their limit.
    for (std::uint32_t v : order_) {
        const Span& s = span[v];
        if (!(s.flags & kAlive)) continue;
        const double next = apply<S>(g, v, s.flags);
        const double before = sigma[v];
        const double moved = std::abs(next - before);
        sigma[v] = next;
        hot[v].d = 0;
        set_limit(v, limit<S>(next, tau_[v], eps, averages(s)));
        if (moved == 0) continue;
        // A 64-bit index, as in rule_at (in run it cost max and card).
        for (std::size_t i = s.out0, end = s.out1; i < end; ++i) {
            hot[out[i].to].d += moved * out[i].reach;
            if (S == Sem::card && out[i].cut && counts_flip(g, out[i].cut - 1, v, before)) queue(out[i].to, 0);
        }
    }
    updates += claims_;
    for (std::uint32_t v = 0; v < claims_; ++v)
        if (hot[v].d > hot[v].limit && alive(v)) queue(v, std::min(exponent(hot[v].d) - hot[v].limit_exp, kBuckets - 2));
}

void GradualWorklist::undo() {
    // The journal now holds this fixpoint, for the next undo.
    if (whole_) {  // the other array holds this fixpoint now, for the next undo
        std::swap(sigma_, whole_sigma_);
        std::swap(hot_, whole_hot_);
        updates_ = 0;
        return;
    }
    double* sigma = sigma_.data();
    Hot* hot = hot_.data();
    for (Before& b : journal_) {
        Hot& h = hot[b.v];
        std::swap(sigma[b.v], b.sigma);
        std::swap(h.d, b.residual);
        std::swap(h.limit, b.limit);
        h.limit_exp = static_cast<std::int16_t>(exponent(h.limit));
    }
    updates_ = 0;
}

bool GradualWorklist::update(const LiveGraph& g, const Control& control) {
    if (undo_) {
        undo_ = false;
        undo();
        undo_check_.remember();  // the journal holds the fixpoint just left: undoing this is free too
        return true;
    }
    journal_.clear();
    whole_ = false;
    next_epoch();
    const bool settled = run_queue(g, control);
    if (settled && !structural_) undo_check_.remember();
    structural_ = false;
    return settled;
}

void GradualWorklist::reset(std::vector<double> values) {
    clear_queue();
    sigma_ = std::move(values);
    for (std::uint32_t v = 0; v < claims_; ++v) {
        hot_[v].d = 0;
        set_limit(v, limit_(sigma_[v], tau_[v], epsilon_, averages(span_[v])));
    }
    undo_ = false;
    undo_check_.forget();
}

bool GradualWorklist::settle_all(const LiveGraph& g, const Control& control) {
    // One closing sweep rather than every claim queued: from the from-scratch
    // values the queue switched to sweeps anyway after a quarter of the claims
    // (sweep_share), and their first sweep moved little.
    clear_queue();
    journal_.clear();
    whole_ = false;
    next_epoch();
    std::uint64_t updates = 0;
    (this->*close_)(g, updates);
    const bool settled = run_queue(g, control);
    updates_ += updates;
    undo_check_.forget();  // the journal holds the from-scratch values, no fixpoint of an earlier graph
    return settled;
}

bool GradualWorklist::settle_from(const LiveGraph& g, const std::vector<std::uint32_t>& region,
                                  const std::vector<double>& values, const Control& control) {
    clear_queue();
    journal_.clear();
    whole_ = false;
    next_epoch();
    // The closing sweep may move any claim: each is journaled first, so an
    // undo (or a sweep of the worklist) finds the fixpoint before.
    for (std::uint32_t v = 0; v < claims_; ++v) {
        hot_[v].stamp = epoch_;
        journal_.push_back({v, sigma_[v], hot_[v].d, hot_[v].limit});
    }
    for (std::size_t i = 0; i < region.size(); ++i) sigma_[region[i]] = values[i];
    std::uint64_t updates = 0;
    (this->*close_)(g, updates);
    const bool settled = run_queue(g, control);
    updates_ += updates;
    if (settled && !structural_) undo_check_.remember();
    else undo_check_.forget();
    structural_ = false;
    return settled;
}

bool GradualWorklist::solve(const LiveGraph& g, const Control& control) {
    std::vector<double> base(claims_, 0.0);
    for (std::uint32_t v = 0; v < claims_; ++v)
        if (alive(v)) base[v] = tau_[v];
    reset(std::move(base));
    structural_ = false;  // the fixpoint is the graph's as taken, slots added included (as after drop)
    // The cheaper reverse postorder, as for settle_all's closing sweep: the
    // first sweep of a later update makes the order with few edges backwards.
    if (order_.size() != claims_) order_claims(g, false);
    std::uint64_t updates = 0;
    if (!(this->*passes_)(g, control, updates)) return false;  // updates_ set there
    const bool settled = settle_all(g, control);
    updates_ += updates;
    return settled;
}

void GradualWorklist::next_epoch() {
    if (++epoch_ != 0) return;
    for (Hot& h : hot_) h.stamp = 0;
    epoch_ = 1;
}

void GradualWorklist::drop() {
    clear_queue();
    undo_ = structural_ = false;
    undo_check_.forget();
}

void GradualWorklist::save() {
    saved_sigma_ = sigma_;
    saved_residual_.resize(claims_);
    saved_limit_.resize(claims_);
    for (std::uint32_t v = 0; v < claims_; ++v) {
        saved_residual_[v] = hot_[v].d;
        saved_limit_[v] = hot_[v].limit;
    }
}

void GradualWorklist::restore() {
    sigma_ = saved_sigma_;
    for (std::uint32_t v = 0; v < claims_; ++v) {
        hot_[v].d = saved_residual_[v];
        set_limit(v, saved_limit_[v]);
    }
    undo_check_.forget();
}

}  // namespace agon::detail::incremental
