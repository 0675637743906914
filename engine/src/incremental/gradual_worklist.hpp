// Internal: the gradual half of Reevaluator (reevaluator.hpp). The
// semantics' own local rule (gradual/rules.hpp) applied by an asynchronous
// worklist from the previous fixpoint, on compact arrays mirrored from a
// LiveGraph: per claim its live in-edges (source, weight) and the live
// out-edges that can move what they act on (target, reach), patched claim by
// claim after each change and rebuilt in O(n + m) when claims or edges are
// added.
//
// A claim whose value moves by m adds m * reach(e) to the pending bound d of
// what each out-edge e acts on, and a claim is recomputed when d passes its
// limit, the largest d for which the move its rule can make stays below
// epsilon (from its value and base score, and for quad which relations it
// has, gradual_worklist.cpp; set when it is recomputed): furthest over
// first, in power-of-two buckets. The worklist ends with every claim's
// residual |T(s)(v) - s(v)| below epsilon.
//
// It also remembers the previous fixpoint: the first value, bound and limit of
// every claim the last update recomputed or raised the bound of, and the
// graph state of everything that update changed (UndoCheck). When the next changes
// exactly undo the last ones (a claim switched off and on again, a weight
// set and set back), the previous fixpoint comes back in O(claims the last
// update touched) without recomputing anything.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "agon/control.hpp"
#include "live_graph.hpp"
#include "semantics/gradual/rules.hpp"
#include "undo_check.hpp"

namespace agon::detail::incremental {

class GradualWorklist {
public:
    /// True for the semantics it computes: hcat, max, card, dfquad, quad,
    /// euler, qe, mlp (canonical names).
    static bool handles(std::string_view semantics);
    /// The worklist of `semantics` (handles() must be true) with stopping
    /// bound `epsilon`.
    GradualWorklist(std::string_view semantics, double epsilon);

    /// Follow the graph's changes: patch the mirrored arrays, queue the
    /// changed claims, and note whether the changes undo the last update's.
    /// With `warm` false (the caller goes from scratch and reset()s next)
    /// nothing is queued.
    void take(const LiveGraph& g, const LiveGraph::Changes& changes, bool warm);
    /// Bring the values to the fixpoint of the graph taken, from the last
    /// fixpoint: the previous one restored when the changes undo the last
    /// update's, else the worklist run. False when it did not settle within
    /// the budget (budget_sweeps); the queue is empty then.
    bool update(const LiveGraph& g, const Control& control);
    /// Start again from `values` (per claim slot, from scratch): nothing
    /// queued and nothing remembered.
    void reset(std::vector<double> values);
    /// Recompute every live claim once from the values, and run the worklist
    /// (after reset: so every residual is bounded by the worklist's rule).
    bool settle_all(const LiveGraph& g, const Control& control);
    /// The fixpoint of the graph taken with the claims of `region` set to
    /// `values` (from scratch there): every live claim recomputed once, then
    /// the worklist. The fixpoint before is remembered, so that changes
    /// undoing these bring it back. False when it did not settle within the
    /// budget.
    bool settle_from(const LiveGraph& g, const std::vector<std::uint32_t>& region, const std::vector<double>& values,
                     const Control& control);
    /// Whether the changes taken exactly undo the last update's (update()
    /// then brings the fixpoint before back).
    bool undoes() const noexcept { return undo_; }
    /// The fixpoint of the graph taken, from the base scores and nothing
    /// remembered (a first question): plain passes over the claims in
    /// order, then settle_all's closing sweep and worklist. False when either
    /// did not settle within its budget (budget_sweeps each).
    bool solve(const LiveGraph& g, const Control& control);
    /// Forget the queue and the previous fixpoint (after an error or a stop).
    void drop();

    /// An update switches from the worklist to Gauss-Seidel sweeps once it
    /// has recomputed this share of the claim slots (1/12; six times that
    /// under max and card, which damp a change fast) and touched as many: a change
    /// that reaches much of a cyclic graph. Only on graphs of
    /// at least sweep_min_claims claim slots (256), where it pays. Tests set
    /// both to 0 to force the sweeps; process-wide, not thread-safe to change.
    static double sweep_share;
    static std::uint32_t sweep_min_claims;

    /// The budget of an update, and of each half of a solve, in sweeps'
    /// worth of updates (64; a sweep's worth is claim slots + 64), doubled
    /// once an update goes damped. Tests lower it to reach the fallbacks;
    /// process-wide, not thread-safe to change.
    static std::uint64_t budget_sweeps;
    /// A bipolar rule's update or passes go damped (each claim moves half
    /// way to its rule's value) after this many sweeps' worth of updates
    /// (8) without settling: where the plain update circles. 0 damps from
    /// the start (tests); process-wide, not thread-safe to change.
    static std::uint64_t damp_after_sweeps;

    /// True for dfquad and quad, which refuse edges heavier than 1.
    bool refuses_heavy() const noexcept { return product_; }
    /// The semantics it computes.
    gradual::Sem semantics() const noexcept { return sem_; }
    double value(std::uint32_t v) const { return sigma_[v]; }
    const std::vector<double>& values() const noexcept { return sigma_; }
    /// Claims the last update or settle recomputed (0 for a restored fixpoint).
    std::uint64_t updates() const noexcept { return updates_; }

    /// Keep the values and go back to them later (robustness samples); after
    /// restore() the caller records again every claim and edge that differs.
    void save();
    void restore();

private:
    using Run = bool (GradualWorklist::*)(const LiveGraph&, const Control&);
    template <gradual::Sem S>
    void use();
    template <gradual::Sem S>
    bool run(const LiveGraph& g, const Control& control);
    template <gradual::Sem S>
    [[gnu::always_inline]] double rule_at(std::uint32_t v) const;  // gcc kept dfquad's out of run
    // The rule at a claim with undercut in-edges (weights refreshed first)
    // or one that acts on itself (kSelf: moved to near its own fixpoint by a
    // secant step, gradual_worklist.cpp); out of line, so run stays tight.
    template <gradual::Sem S>
    [[gnu::noinline]] double rule_slow(const LiveGraph& g, std::uint32_t v);
    // The rule at v, by rule_slow when its flags ask for it (kSelf only
    // under the bipolar semantics).
    template <gradual::Sem S>
    [[gnu::always_inline]] double apply(const LiveGraph& g, std::uint32_t v, std::uint32_t flags);
    // Finish the update by sweeps (the queue dropped, the previous fixpoint
    // kept whole for undo), then close<S>; `updates` counts on. False over
    // budget.
    template <gradual::Sem S>
    [[gnu::noinline]] bool sweep(const LiveGraph& g, const Control& control, std::uint64_t& updates);
    // Plain Gauss-Seidel passes over pass_order_, with no bounds and no
    // queue, until one moves no claim by more than a stop (sweep, solve);
    // damped when a bipolar rule's moves stop shrinking (then the stop is
    // on the residual, the move a full step would make). `updates` counts
    // on. False over budget.
    template <gradual::Sem S>
    bool passes(const LiveGraph& g, const Control& control, std::uint64_t& updates);
    using Passes = bool (GradualWorklist::*)(const LiveGraph&, const Control&, std::uint64_t&);
    Passes passes_ = nullptr;
    // Recompute every live claim once in order_, setting its bound and
    // limit again, and queue those over their limit (sweep's last pass, and
    // settle_all); `updates` counts on.
    template <gradual::Sem S>
    [[gnu::noinline]] void close(const LiveGraph& g, std::uint64_t& updates);  // inlined in sweep: 4 % more under hcat
    using Close = void (GradualWorklist::*)(const LiveGraph&, std::uint64_t&);
    Close close_ = nullptr;
    // Claims recomputed until the queue empties; false over budget.
    bool run_queue(const LiveGraph& g, const Control& control) { return (this->*run_)(g, control); }

    void rebuild(const LiveGraph& g);
    void order_claims(const LiveGraph& g, bool few_back);
    void fill_in(const LiveGraph& g, std::uint32_t v);
    void fill_out(const LiveGraph& g, std::uint32_t v);
    void mark_self(std::uint32_t v);  // kSelf from the claim's in-entries
    void refresh_weights(const LiveGraph& g, std::uint32_t v);
    void queue(std::uint32_t v, int bucket);
    void clear_queue();
    void undo();
    void next_epoch();

    Run run_ = nullptr;
    gradual::Sem sem_ = gradual::Sem::hcat;
    bool bipolar_ = false, card_ = false, product_ = false, mlp_ = false;
    double epsilon_;

    // The mirror: per claim slot its spans in the entry arrays below and
    // flags (alive; an in-edge has undercuts, so its weights are recomputed
    // before the rule; the claim attacks or supports itself), its base score.
    struct alignas(32) Span {  // 32 bytes: an index is a shift (28 took 4 instructions per claim visited)
        std::uint32_t att0, att1, sup0, sup1, out0, out1;
        std::uint32_t flags;
    };
    static constexpr std::uint32_t kAlive = 1, kUndercut = 2, kSelf = 4;
    bool alive(std::uint32_t v) const { return span_[v].flags & kAlive; }
    // Whether the claim reads both attacks and supports (quad takes their mean: limit).
    static bool averages(const Span& s) { return s.att1 > s.att0 && s.sup1 > s.sup0; }
    void set_alive(std::uint32_t v, bool on) { span_[v].flags = on ? span_[v].flags | kAlive : span_[v].flags & ~kAlive; }
    std::uint32_t claims_ = 0, edges_ = 0;
    std::vector<Span> span_;
    std::vector<double> tau_, tau_logit_;  // base scores, for mlp their logits (set_base)
    void set_base(std::uint32_t v, double base);
    // In-entries: source claim, (effective) weight, edge slot.
    std::vector<std::uint32_t> in_src_, in_edge_;
    std::vector<double> in_w_;
    // Out-entries: the claim acted on, reach, and under card for an undercut
    // 1 + the attack its chain ends at (else 0): card counts the attackers
    // whose effective weight is above 0, so the claim acted on is queued
    // whenever a move switches that weight to or from 0 (counts_flip).
    struct Out {
        double reach;
        std::uint32_t to;
        std::uint32_t cut;
    };
    std::vector<Out> out_;
    // Whether claim v's move from `before` to its value now switches the
    // effective weight of edge slot `edge` to or from 0.
    bool counts_flip(const LiveGraph& g, std::uint32_t edge, std::uint32_t v, double before);

    // Values; per claim what a push to it reads and writes, together: the
    // input moves d since it was last recomputed, its limit and the limit's
    // binary exponent, the epoch it was last journaled in, and its bucket or
    // -1. Bucket b holds claims whose d is about 2^b times their limit (the
    // top one: changed claims); older entries of a claim in lower buckets are
    // skipped.
    std::vector<double> sigma_;
    struct Hot {
        double d, limit;
        std::uint32_t stamp;
        std::int16_t queued;  // not a char type, which would alias every member in the loop
        std::int16_t limit_exp;
    };
    double (*limit_)(double s, double tau, double eps, bool averages) = nullptr;  // limit<S> (gradual_worklist.cpp)
    [[gnu::always_inline]] inline void set_limit(std::uint32_t v, double limit);  // in the closing sweep too
    std::vector<Hot> hot_;
    // Damped updates (run, passes): the share of the way a claim moves.
    static constexpr double kDamping = 0.5;
    // damp_after_sweeps in updates.
    std::uint64_t damp_after() const { return damp_after_sweeps * (claims_ + 64); }
    bool passes_damped_ = false;  // the last passes ended damped
    static constexpr int kBuckets = 64, kPromote = 2;  // a queued claim moves up 2^(kPromote + 1) times over (run)
    std::vector<std::uint32_t> bucket_[kBuckets];
    std::uint64_t occupied_ = 0;  // bit b: bucket b may hold claims
    std::uint64_t updates_ = 0;

    // The previous fixpoint: (claim, value, bound, limit) before the last
    // update first recomputed it or raised its bound; the check remembers the
    // last update when that is a settled fixpoint.
    struct Before {
        std::uint32_t v;
        double sigma, residual, limit;
    };
    std::vector<Before> journal_;
    // After a sweep, the previous fixpoint whole instead (sweep).
    bool whole_ = false;
    std::vector<double> whole_sigma_;
    std::vector<Hot> whole_hot_;
    // journal_ holds v when hot_[v].stamp == epoch_; after a sweep (whole_)
    // run journals no more: its epoch is 0, which every stamp passes.
    std::uint32_t epoch_ = 1;
    UndoCheck undo_check_{UndoCheck::Reads::life_and_numbers};
    bool undo_ = false;  // take() found an undo: update() restores
    bool structural_ = false;  // slots were added since the last update
    std::vector<std::uint32_t> dirty_in_, dirty_out_, stack_;
    std::vector<std::uint32_t> order_;  // every claim slot, in the order close visits them (order_claims)
    std::vector<std::uint32_t> pass_order_;  // those sweep's plain passes visit, in that order (order_claims)
    bool few_back_ = false;  // order_ has few edges backwards (order_claims)

    std::vector<double> saved_sigma_, saved_residual_, saved_limit_;
};

}  // namespace agon::detail::incremental
