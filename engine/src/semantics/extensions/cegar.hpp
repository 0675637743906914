// Internal: the search loops of the extension semantics, written once for any
// incremental SAT problem - the one-shot problems of solve.cpp (grounded core,
// built per question) and the long-lived session of incremental/ (whole
// framework, kept warm between changes).
//
// A problem P provides, over local arguments 0..n()-1:
//   n(); x(a) "a is in", d(a) "a is attacked by the set" (literals);
//   fresh() a new variable; clause(lits); solve(assumptions) -> satisfiable;
//   value(lit) in the last model; failed(lit) whether an assumption refuted
//   the last, unsatisfiable call; core_view() the attack structure (core.hpp).
// Clauses a loop adds are either guarded by a fresh literal and retired
// afterwards, or exclude only candidates that can no longer be answers.
#pragma once

#include <optional>
#include <vector>

#include "core.hpp"

namespace agon::detail::ext {

/// Local arguments in the set in the last model.
template <class P>
std::vector<char> in_set(const P& p) {
    std::vector<char> in(p.n());
    for (std::uint32_t a = 0; a < p.n(); ++a) in[a] = p.value(p.x(a));
    return in;
}

/// Local arguments in the range (in or attacked) in the last model.
template <class P>
std::vector<char> range_set(const P& p) {
    std::vector<char> r(p.n());
    for (std::uint32_t a = 0; a < p.n(); ++a) r[a] = p.value(p.x(a)) || p.value(p.d(a));
    return r;
}

/// `assumptions` plus "the in-set is exactly `in`".
template <class P>
std::vector<int> exactly(const P& p, std::vector<int> assumptions, const std::vector<char>& in) {
    for (std::uint32_t a = 0; a < p.n(); ++a) assumptions.push_back(in[a] ? p.x(a) : -p.x(a));
    return assumptions;
}

/// One step of the growth loops below: under `assumptions`, is there a model
/// whose arguments with `lit(a)` true strictly include `set` (an argument
/// with `lit(a)` 0 is not compared)? A guard literal
/// makes the "one more" clause temporary. On true, `read` takes the model
/// before the guard is retired (CaDiCaL forgets its model when a clause is
/// added); `set` is not read after that, so `read` may overwrite it.
template <class P, class Lit, class Read>
bool strictly_larger(P& p, const std::vector<int>& assumptions, const std::vector<char>& set, Lit lit, Read read) {
    const int act = p.fresh();
    std::vector<int> more{-act};
    std::vector<int> assume = assumptions;
    assume.push_back(act);
    for (std::uint32_t a = 0; a < p.n(); ++a) {
        const int l = lit(a);
        if (l == 0) continue;
        if (set[a]) assume.push_back(l);
        else more.push_back(l);
    }
    p.clause(more);
    const bool larger = p.solve(assume);
    if (larger) read();
    p.clause({-act});
    return larger;
}

/// Grow the current model's admissible in-set to a maximal one (preferred):
/// close it under defence, ask for a strict superset, repeat until there is
/// none. Leaves the solver on the maximal model.
template <class P>
void grow_in(P& p, const std::vector<int>& assumptions) {
    std::vector<char> in = in_set(p);
    do close_under_defence(p.core_view(), in);
    while (strictly_larger(p, assumptions, in, [&](std::uint32_t a) { return p.x(a); }, [&] { in = in_set(p); }));
    p.solve(exactly(p, assumptions, in));
}

/// Grow the current model's range to a maximal one (semi-stable, stage).
/// Returns the maximal range and leaves the solver on a model with it.
template <class P>
std::vector<char> grow_range(P& p, const std::vector<int>& assumptions = {}) {
    std::vector<char> range = range_set(p), in = in_set(p);
    const auto r = [&](std::uint32_t a) { return p.r(a); };
    const auto read = [&] {
        range = range_set(p);
        in = in_set(p);
    };
    while (strictly_larger(p, assumptions, range, r, read)) continue;
    p.solve(exactly(p, assumptions, in));
    return range;
}

/// Assumptions "the range is at least R" (R maximal: exactly R).
template <class P>
std::vector<int> range_at_least(const P& p, const std::vector<char>& range) {
    std::vector<int> out;
    for (std::uint32_t a = 0; a < p.n(); ++a)
        if (range[a]) out.push_back(p.r(a));
    return out;
}

/// Exclude every candidate whose range is inside a maximal range R.
template <class P>
void exclude_range(P& p, const std::vector<char>& range) {
    std::vector<int> out;
    for (std::uint32_t a = 0; a < p.n(); ++a)
        if (!range[a]) out.push_back(p.r(a));
    p.clause(out);
}

/// Is the range R maximal among all candidates? (Leaves the model unspecified.)
template <class P>
bool range_is_maximal(P& p, const std::vector<char>& range) {
    const int act = p.fresh();
    std::vector<int> more{-act};
    std::vector<int> assume{act};
    for (std::uint32_t a = 0; a < p.n(); ++a) {
        if (range[a]) assume.push_back(p.r(a));
        else more.push_back(p.r(a));
    }
    p.clause(more);
    const bool larger = p.solve(assume);
    p.clause({-act});
    return !larger;
}

/// Range-maximal semantics (semi-stable, stage): a CEGAR loop (as in
/// CEGARTIX, Dvorak, Jarvisalo, Wallner & Woltran 2014). Take a candidate
/// meeting `side`, grow its range among such candidates, and check that no
/// candidate at all has a larger range; if one has, no candidate whose range
/// lies inside this one can be an answer. True when an answer meets `side`;
/// the solver is then left on it.
template <class P>
bool range_maximal_with(P& p, const std::vector<int>& side) {
    while (p.solve(side)) {
        std::vector<char> range = grow_range(p, side);
        std::vector<char> in = in_set(p);
        if (range_is_maximal(p, range)) {
            p.solve(exactly(p, {}, in));
            return true;
        }
        exclude_range(p, range);
    }
    return false;
}

/// Ideal extension (Dung, Mancarella & Toni 2007), local in-set, from one
/// preferred extension `candidate` and a problem over complete candidates:
/// the greatest admissible set inside every preferred extension. An
/// admissible set S that no admissible set attacks lies inside every
/// preferred extension P (P does not attack S, and S does not attack P, or P
/// would attack S back; so S and P together are admissible and maximality
/// absorbs S). Refinement: the candidates K start as one preferred extension
/// (an upper bound, and conflict-free); S is the greatest admissible subset
/// of K; a complete extension attacking S shows that everything it attacks
/// is outside the ideal extension, and those arguments leave K. When no
/// complete extension attacks S, S is ideal, and it is the greatest such set,
/// as K never loses an ideal argument. (mu-toksia instead first collects
/// every credulously accepted and rejected argument, a much harder last call
/// on dense frameworks.)
template <class P>
std::vector<char> ideal_in(P& p, std::vector<char> candidate, const Control& control) {
    std::vector<char> keep;
    for (;;) {
        keep = candidate;
        greatest_admissible(p.core_view(), keep, control);
        std::vector<int> attacked{-p.fresh()};
        for (std::uint32_t a = 0; a < p.n(); ++a)
            if (keep[a]) attacked.push_back(p.d(a));
        if (attacked.size() == 1) break;  // the empty set: nothing can attack it
        p.clause(attacked);
        const bool found = p.solve({-attacked[0]});
        if (found)
            for (std::uint32_t a = 0; a < p.n(); ++a)
                if (p.value(p.d(a))) candidate[a] = 0;
        p.clause({attacked[0]});
        if (!found) break;
    }
    return keep;
}

}  // namespace agon::detail::ext
