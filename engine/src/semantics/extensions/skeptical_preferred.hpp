// Internal: the counter-example search of skeptical preferred acceptance,
// written once for the one-shot problems of solve.cpp and the warm session of
// incremental/ (the problem interface of cegar.hpp).
//
// A counter-example is a preferred extension without some claim. The plain
// search (as in mu-toksia) grows candidates without a claim to maximal sets
// and excludes every subset of each preferred extension with the claims it
// meets: one round per such extension. On a chain of strongly connected parts
// they are the product of the parts' choices (86,064 for argument 500 of
// scc_2k, all with it), so the search here goes part by part instead.
//
// Layers: the strongly connected parts, sinks first (layer 0 holds a claim),
// small ones grouped. Layer k's "above" (layers k+1 on) is closed
// under attackers, so by directionality (Baroni & Giacomin 2007) a
// preferred extension's part above is a preferred extension there, and which
// preferred extensions go with it below depends only on how it labels its
// boundary - the arguments above that attack layer k or that the condition of
// layer k is about: in, attacked, or neither. Layer k looks for a preferred
// extension of itself and above meeting its condition (layer 0: some claim is
// out): with the part above fixed to one that layer k+1 found, the plain
// search over layer k alone; if there is none, that boundary labelling is
// "settled" for good and layer k+1 is asked for a preferred extension with a
// boundary labelling not settled yet - its condition. The rounds are then
// bounded by the boundary labellings met, layer by layer, instead of their
// product.
//
// Some questions still meet thousands of boundary labellings (on scc_2k,
// where long attacks from far up cross many parts). After rounds_before_ideal
// rounds (candidates tried on a layer, labellings settled) the search asks
// once whether the claims are all in the ideal extension of the problem's
// framework (Dung, Mancarella & Toni 2007; a few SAT calls): it lies inside
// every preferred extension there, and by directionality the problem's
// preferred extensions are those of the whole framework restricted to it, so
// then there is no counter-example. That answers arguments 1095 and 1602 of
// scc_2k in a fraction of a second, which the search alone did not answer in
// 10 s; a claim outside it goes on with the search.
#pragma once

#include <algorithm>
#include <optional>
#include <vector>

#include "cegar.hpp"

namespace agon::detail::ext {

template <class P>
class PreferredCounterExample {
public:
    /// `claims` (local) on a problem whose arguments all have an attack path
    /// to a claim and whose candidates are complete sets (the ideal-extension
    /// check, made after `rounds_before_ideal` rounds, needs them; 0: never).
    PreferredCounterExample(P& p, const std::vector<std::uint32_t>& claims, const Control& control,
                            std::uint64_t rounds_before_ideal)
        : p_(p), claims_(claims), control_(control), rounds_before_ideal_(rounds_before_ideal) {}

    /// std::nullopt when every preferred extension has all the claims;
    /// otherwise a local admissible set whose preferred supersets all miss a
    /// claim (empty: any preferred extension will do).
    std::optional<std::vector<char>> find() {
        const int without = p_.fresh(), attacked = p_.fresh();
        std::vector<int> some_out{-without}, some_attacked{-attacked}, with;
        for (std::uint32_t a : claims_) {
            some_out.push_back(-p_.x(a));
            some_attacked.push_back(p_.d(a));
            with.push_back(p_.x(a));
        }
        p_.clause(some_out);
        p_.clause(some_attacked);
        // Two quick answers: when no candidate has all the claims, every preferred
        // extension is a counter-example; a candidate attacking a claim grows to one.
        if (!p_.solve(with)) return std::vector<char>(p_.n());
        if (p_.solve({attacked})) return in_set(p_);
        build_layers(without);
        return next(0);
    }

    /// Did the ideal extension end the last find()?
    bool ended_by_ideal() const { return accepted_; }

private:
    static constexpr std::uint32_t kMaxLayers = 256;

    struct Layer {
        std::vector<std::uint32_t> members;
        std::vector<std::uint32_t> boundary;  // arguments above it that it or its condition depends on
        int condition = 0;  // implies this layer's condition
        int guard = 0;      // carries this layer's exclusions
        int settled = 0;    // implies "boundary labelling not settled": the next layer's condition
        bool has_above = false;    // `base` fixes the part above to a preferred extension there
        std::vector<int> base;     // assumptions: the part above fixed, guard
        std::vector<char> labels;  // the boundary's labels then: 1 in, 2 attacked, 0 neither
        std::vector<int> refuting;  // the assumptions fixing the part above that refuted the last search
    };

    void build_layers(int without) {
        const Core& core = p_.core_view();
        // Consecutive parts share a layer up to a size that keeps the layers at
        // most kMaxLayers (memory and recursion grow with layers times arguments).
        layer_ = strongly_connected_parts(core);
        std::vector<std::uint32_t> size;
        for (std::uint32_t part : layer_) {
            if (part >= size.size()) size.resize(part + 1, 0);
            ++size[part];
        }
        const std::uint32_t least = (p_.n() + kMaxLayers - 1) / kMaxLayers;
        std::vector<std::uint32_t> layer_of(size.size());
        std::uint32_t count = 0, filled = 0;
        for (std::uint32_t part = 0; part < size.size(); ++part) {
            layer_of[part] = count;
            filled += size[part];
            if (filled >= least) {
                ++count;
                filled = 0;
            }
        }
        if (filled > 0) ++count;
        for (std::uint32_t& l : layer_) l = layer_of[l];
        layers_.resize(count);
        for (std::uint32_t a = 0; a < p_.n(); ++a) layers_[layer_[a]].members.push_back(a);
        std::vector<std::uint32_t> keys = claims_;
        std::vector<std::uint32_t> mark(p_.n(), 0);  // k + 1 once on layer k's boundary
        int condition = without;
        for (std::uint32_t k = 0; k < count; ++k) {
            Layer& l = layers_[k];
            auto add = [&](std::uint32_t b) {
                if (layer_[b] > k && mark[b] != k + 1) {
                    mark[b] = k + 1;
                    l.boundary.push_back(b);
                }
            };
            for (std::uint32_t a : keys) add(a);
            for (std::uint32_t a : l.members)
                for (std::uint32_t b : core.attackers[a]) add(b);
            l.condition = condition;
            l.guard = p_.fresh();
            if (k + 1 < count) condition = l.settled = p_.fresh();
            keys = l.boundary;
        }
    }

    // A preferred extension of layer k and above meeting its condition, or
    // std::nullopt. Resumes where the last call stopped: the conditions only
    // get stronger, so what was excluded stays excluded.
    std::optional<std::vector<char>> next(std::size_t k) {
        Layer& l = layers_[k];
        const bool top = k + 1 == layers_.size();
        for (;;) {
            if (!l.has_above) {
                std::vector<char> above(p_.n(), 0);
                if (!top) {
                    auto found = next(k + 1);
                    if (!found) return std::nullopt;
                    above = std::move(*found);
                }
                fix_above(k, above);
            }
            if (auto s = search_layer(k)) return s;
            // Every caller passes "none" up: the claims are then accepted.
            if (top || accepted_ || in_ideal_now()) return std::nullopt;
            settle(l);
        }
    }

    // Assume the part above layer k to be `above` (local in-set). The layers
    // below are left free: the candidates' parts on layer k and above are
    // then exactly the candidates there (directionality holds for complete
    // sets too), and only those parts are compared.
    void fix_above(std::size_t k, const std::vector<char>& above) {
        Layer& l = layers_[k];
        const Core& core = p_.core_view();
        l.base.clear();
        for (std::uint32_t a = 0; a < p_.n(); ++a)
            if (layer_[a] > k) l.base.push_back(above[a] ? p_.x(a) : -p_.x(a));
        l.base.push_back(l.guard);
        l.labels.clear();
        for (std::uint32_t b : l.boundary) {
            const bool attacked = std::any_of(core.attackers[b].begin(), core.attackers[b].end(),
                                              [&](std::uint32_t c) { return above[c] != 0; });
            l.labels.push_back(above[b] ? 1 : attacked ? 2 : 0);
        }
        l.has_above = true;
    }

    // Grow the current model's part on layer k and above to a maximal one
    // under `assumptions`; returns it (the layers below: 0).
    std::vector<char> grow(std::size_t k, const std::vector<int>& assumptions) {
        const auto lit = [&](std::uint32_t a) { return layer_[a] >= k ? p_.x(a) : 0; };
        std::vector<char> in = part_in(k);
        while (strictly_larger(p_, assumptions, in, lit, [&] { in = part_in(k); })) continue;
        return in;
    }

    std::vector<char> part_in(std::size_t k) const {
        std::vector<char> in(p_.n(), 0);
        for (std::uint32_t a = 0; a < p_.n(); ++a) in[a] = layer_[a] >= k && p_.value(p_.x(a));
        return in;
    }

    // Assumptions plus "the part on layer k and above is exactly `in`".
    std::vector<int> exactly_part(std::size_t k, std::vector<int> assumptions, const std::vector<char>& in) const {
        for (std::uint32_t a = 0; a < p_.n(); ++a)
            if (layer_[a] >= k) assumptions.push_back(in[a] ? p_.x(a) : -p_.x(a));
        return assumptions;
    }

    // The plain search on layer k with the part above fixed: a maximal
    // candidate meeting the condition is preferred unless some candidate
    // strictly includes it; then the preferred extension grown from that one
    // fails the condition, and no other set inside it is preferred. The
    // exclusion is guarded: the layers above do not compare sets over this
    // layer's arguments.
    std::optional<std::vector<char>> search_layer(std::size_t k) {
        Layer& l = layers_[k];
        std::vector<int> candidates = l.base;
        candidates.push_back(l.condition);
        const auto lit = [&](std::uint32_t a) { return layer_[a] >= k ? p_.x(a) : 0; };
        for (;;) {
            if (in_ideal_now()) return std::nullopt;  // before solving: it leaves the solver elsewhere
            if (!p_.solve(candidates)) break;
            std::vector<char> in = grow(k, candidates), larger;
            if (!strictly_larger(p_, l.base, in, lit, [&] { larger = part_in(k); })) return in;
            p_.solve(exactly_part(k, l.base, larger));
            const std::vector<char> m = grow(k, l.base);
            std::vector<int> outside{-l.guard};
            for (std::uint32_t a = 0; a < p_.n(); ++a)
                if (layer_[a] >= k && !m[a]) outside.push_back(p_.x(a));
            p_.clause(outside);
        }
        l.refuting.clear();
        for (std::size_t i = 0; i + 1 < l.base.size(); ++i)
            if (p_.failed(l.base[i])) l.refuting.push_back(l.base[i]);
        return std::nullopt;
    }

    // Counts a round of the search (a candidate on a layer, or a settled
    // labelling); after rounds_before_ideal_ of them, asks once whether the
    // claims are all in the ideal extension, which ends the search.
    bool in_ideal_now() {
        if (++rounds_ == rounds_before_ideal_) {
            p_.solve({});
            grow_in(p_, {});
            const std::vector<char> ideal = ideal_in(p_, in_set(p_), control_);
            accepted_ = std::all_of(claims_.begin(), claims_.end(), [&](std::uint32_t a) { return ideal[a] != 0; });
        }
        return accepted_;
    }

    // No preferred extension labelling the boundary as the part above does
    // meets the condition: the next layer must find another labelling.
    void settle(Layer& l) {
        std::vector<int> differs{-l.settled};
        for (std::size_t i = 0; i < l.boundary.size(); ++i) {
            const std::uint32_t b = l.boundary[i];
            if (l.labels[i] == 1) differs.push_back(-p_.x(b));
            else if (l.labels[i] == 2) differs.push_back(-p_.d(b));
            else {
                differs.push_back(p_.x(b));
                differs.push_back(p_.d(b));
            }
        }
        p_.clause(differs);
        // Often fewer arguments above decide it: those whose assumed values
        // refuted the search. Every preferred extension agreeing with them fails
        // the condition (each is a candidate, and no exclusion covers it).
        std::vector<int> disagrees{-l.settled};
        for (int lit : l.refuting) disagrees.push_back(-lit);
        p_.clause(disagrees);
        l.has_above = false;
    }

    P& p_;
    std::vector<std::uint32_t> claims_;
    const Control& control_;
    std::uint64_t rounds_before_ideal_, rounds_ = 0;
    bool accepted_ = false;
    std::vector<std::uint32_t> layer_;  // per local argument
    std::vector<Layer> layers_;
};

/// Rounds of the search before it asks about the ideal extension: most
/// questions on scc_2k and ws_10k end within a few dozen.
inline constexpr std::uint64_t kRoundsBeforeIdeal = 64;

/// Skeptical preferred acceptance of `claims`, on complete candidates: see
/// PreferredCounterExample::find.
template <class P>
std::optional<std::vector<char>> preferred_counter_example(P& p, const std::vector<std::uint32_t>& claims,
                                                           const Control& control) {
    return PreferredCounterExample<P>(p, claims, control, kRoundsBeforeIdeal).find();
}

}  // namespace agon::detail::ext
