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

/// Grow a model's range (`range`, its in-set `in`) to a maximal one under
/// `assumptions`. Returns the maximal range and leaves the solver on a model
/// with it.
template <class P>
std::vector<char> grow_range_from(P& p, const std::vector<int>& assumptions, std::vector<char> range,
                                  std::vector<char> in) {
    const auto r = [&](std::uint32_t a) { return p.r(a); };
    const auto read = [&] {
        range = range_set(p);
        in = in_set(p);
    };
    while (strictly_larger(p, assumptions, range, r, read)) continue;
    p.solve(exactly(p, assumptions, in));
    return range;
}

/// Grow the current model's range to a maximal one (semi-stable, stage).
/// Returns the maximal range and leaves the solver on a model with it.
template <class P>
std::vector<char> grow_range(P& p, const std::vector<int>& assumptions = {}) {
    return grow_range_from(p, assumptions, range_set(p), in_set(p));
}

/// Assumptions "the range is at least R" (R maximal: exactly R).
template <class P>
std::vector<int> range_at_least(const P& p, const std::vector<char>& range) {
    std::vector<int> out;
    for (std::uint32_t a = 0; a < p.n(); ++a)
        if (range[a]) out.push_back(p.r(a));
    return out;
}

/// Exclude every candidate whose range is inside R: for good (`guard` 0), or
/// while `guard` is assumed.
template <class P>
void exclude_range(P& p, const std::vector<char>& range, int guard = 0) {
    std::vector<int> out;
    if (guard != 0) out.push_back(-guard);
    for (std::uint32_t a = 0; a < p.n(); ++a)
        if (!range[a]) out.push_back(p.r(a));
    p.clause(out);
}

/// The rounds of range_maximal_with that exclude inside R only: each is
/// cheaper (no growth to M, no second question), and the ICCMA frameworks'
/// stage questions need few (er_225_b: 1 to 6).
inline constexpr int kNarrowRounds = 8;

/// Range-maximal semantics (semi-stable, stage): a CEGAR loop (as in
/// CEGARTIX, Dvorak, Jarvisalo, Wallner & Woltran 2014). Take a candidate
/// meeting `side` and grow its range among such candidates (R). If no
/// candidate at all has a larger range, R's candidate is an answer. Else no
/// candidate whose range lies inside R is one, and after kNarrowRounds such
/// rounds the larger range also grows to a maximal one M: an answer meets
/// `side` with range M exactly when a candidate meeting it has range M; when
/// none has, no candidate whose range lies inside M can be an answer for
/// this question, and the loop goes on without them. Excluding inside M
/// bounds the rounds by the maximal ranges, where the ranges R maximal among
/// the candidates meeting `side` alone can be exponentially many: on a
/// 76-argument framework with 1,296 stage extensions a skeptical question
/// took 59 s excluding only inside R, 0.3 s now. The exclusions inside M
/// hold while a guard literal is assumed, retired at the end: candidates
/// with range M answer other questions (a session keeps its clauses). True
/// when an answer meets `side`; the solver is then left on it.
template <class P>
bool range_maximal_with(P& p, std::vector<int> side) {
    int guard = 0, rounds = 0;  // the guard is made with the first exclusion inside M
    std::optional<std::vector<char>> answer;  // its in-set
    while (p.solve(side)) {
        const std::vector<char> range = grow_range(p, side);
        std::vector<char> in = in_set(p), larger;
        const auto read = [&] {
            larger = range_set(p);
            in = in_set(p);
        };
        if (!strictly_larger(p, {}, range, [&](std::uint32_t a) { return p.r(a); }, read)) {
            answer = std::move(in);
            break;
        }
        if (++rounds <= kNarrowRounds) {
            exclude_range(p, range);  // not maximal: for good
            continue;
        }
        if (guard == 0) {
            guard = p.fresh();
            side.push_back(guard);
        }
        const std::vector<char> most = grow_range_from(p, {}, std::move(larger), std::move(in));
        std::vector<int> reach = side;
        for (int l : range_at_least(p, most)) reach.push_back(l);
        if (p.solve(reach)) {
            answer = in_set(p);
            break;
        }
        exclude_range(p, most, guard);  // R lies inside M
    }
    // Adding a clause (here, retiring the guard) drops the model: solve again.
    if (guard != 0) p.clause({-guard});
    return answer && p.solve(exactly(p, {}, *answer));
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
