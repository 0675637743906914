// Internal: the counter-example search of skeptical preferred acceptance,
// written once for the one-shot problems of solve.cpp and the warm session of
// incremental/ (the problem interface of cegar.hpp).
//
// A counter-example is a preferred extension without some claim. The plain
// search (as in mu-toksia) grows a candidate without a claim to a maximal such
// set E; when a candidate strictly includes E (it then has every claim), E is
// not preferred, and the search excludes every subset of one preferred
// extension with the claims: one round per such extension. They can be
// astronomically many (on a chain of strongly connected parts, the product of
// the parts' choices; in one large part, the choices far from the claims),
// and the rounds with them.
//
// Here a round excludes every candidate that fails for the same local reason.
// From E and a candidate L strictly including it, take S: the claims and,
// recursively, a member of L against each attacker of S that neither E nor S
// attacks. E + S lies in L (conflict-free) and defends itself: admissible.
// The same holds for any admissible set F that has no attacker of S and
// attacks each attacker of S that S does not attack (then S does not attack
// F either, or F would attack S back): F + S is admissible, so F is not
// preferred unless it has S, the claims included. One clause over S's
// attackers excludes every such F without a claim - E among them, and any
// candidate agreeing with E around the claims, however it differs far away.
// On ws_10k (argument 837 after 40 changes: a part of 6,070 arguments) the
// plain search did not answer in 80 s, and a part-by-part search (directional,
// layer by layer) in 20 s; this one takes 4 rounds and 0.05 s. The same holds
// for arguments 1368 and 1382 of scc_2k (47 s and 3 s to 0.02 s).
//
// The clauses are guarded by one literal, assumed only when looking for a
// fresh candidate: the growth and maximality checks see every candidate. A
// grown set may then be excluded already; it still has a strict superset
// with every claim (or is a counter-example), and the new clause is built
// for the fresh candidate E it grew from, so every round excludes a
// candidate not excluded before.
//
// After rounds_before_ideal rounds the search asks once whether the claims
// are all in the ideal extension of the problem's framework (Dung, Mancarella
// & Toni 2007; a few SAT calls): it lies inside every preferred extension
// there, and by directionality the problem's preferred extensions are those
// of the whole framework restricted to it, so then there is no
// counter-example; a claim outside it goes on with the search.
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
        extendable_ = p_.fresh();
        const std::vector<int> candidates{without}, fresh{without, extendable_};
        const auto x = [&](std::uint32_t a) { return p_.x(a); };
        for (;;) {
            if (in_ideal_now() || !p_.solve(fresh)) return std::nullopt;
            std::vector<char> in = grow(fresh), larger;
            const auto read = [&] { larger = in_set(p_); };
            if (!strictly_larger(p_, {}, in, x, read)) return in;
            if (!has_claims(larger)) {  // grow it among the sets without a claim first
                p_.solve(exactly(p_, candidates, larger));
                std::vector<char> grown = grow(candidates);
                if (!strictly_larger(p_, {}, grown, x, read)) return grown;
            }
            exclude_extendable(in, larger);
        }
    }

    /// Did the ideal extension end the last find()?
    bool ended_by_ideal() const { return accepted_; }
    /// Exclusion clauses the search added, in all (for tests).
    std::uint64_t exclusions() const { return exclusions_; }

private:
    // Grow the current model to a maximal one under `assumptions`; returns it.
    std::vector<char> grow(const std::vector<int>& assumptions) {
        std::vector<char> in = in_set(p_);
        while (strictly_larger(p_, assumptions, in, [&](std::uint32_t a) { return p_.x(a); }, [&] { in = in_set(p_); }))
            continue;
        return in;
    }

    bool has_claims(const std::vector<char>& set) const {
        return std::all_of(claims_.begin(), claims_.end(), [&](std::uint32_t a) { return set[a] != 0; });
    }

    bool attacked_by(std::uint32_t b, const std::vector<char>& set) const {
        const auto& att = p_.core_view().attackers[b];
        return std::any_of(att.begin(), att.end(), [&](std::uint32_t c) { return set[c] != 0; });
    }

    // `in`, a candidate without a claim, and `larger`, a candidate including it
    // with every claim: exclude every candidate without a claim that the set S
    // built from them extends (see the top of the file).
    void exclude_extendable(const std::vector<char>& in, const std::vector<char>& larger) {
        const Core& core = p_.core_view();
        std::vector<char> s(p_.n(), 0);
        std::vector<std::uint32_t> members;
        for (std::uint32_t a : claims_)
            if (!s[a]) {
                s[a] = 1;
                members.push_back(a);
            }
        for (std::size_t i = 0; i < members.size(); ++i)
            for (std::uint32_t b : core.attackers[members[i]]) {
                if (attacked_by(b, in) || attacked_by(b, s)) continue;
                const auto& defenders = core.attackers[b];  // `larger` defends S, so one of them is in it
                const auto c = *std::find_if(defenders.begin(), defenders.end(), [&](std::uint32_t d) { return larger[d] != 0; });
                s[c] = 1;
                members.push_back(c);
            }
        std::vector<char> seen(p_.n(), 0);
        std::vector<int> clause{-extendable_};
        for (std::uint32_t a : members)
            for (std::uint32_t b : core.attackers[a]) {
                if (seen[b]) continue;
                seen[b] = 1;
                clause.push_back(p_.x(b));
                if (!attacked_by(b, s)) clause.push_back(-p_.d(b));
            }
        p_.clause(clause);
        ++exclusions_;
    }

    // Counts a round of the search; after rounds_before_ideal_ of them, asks
    // once whether the claims are all in the ideal extension, which ends the
    // search.
    bool in_ideal_now() {
        if (++rounds_ == rounds_before_ideal_) {
            p_.solve({});
            grow_in(p_, {});
            const std::vector<char> ideal = ideal_in(p_, in_set(p_), control_);
            accepted_ = has_claims(ideal);
        }
        return accepted_;
    }

    P& p_;
    std::vector<std::uint32_t> claims_;
    const Control& control_;
    std::uint64_t rounds_before_ideal_, rounds_ = 0, exclusions_ = 0;
    bool accepted_ = false;
    int extendable_ = 0;  // assumed: the exclusions of exclude_extendable hold
};

/// Rounds of the search before it asks about the ideal extension.
inline constexpr std::uint64_t kRoundsBeforeIdeal = 64;

/// Skeptical preferred acceptance of `claims`, on complete candidates: see
/// PreferredCounterExample::find.
template <class P>
std::optional<std::vector<char>> preferred_counter_example(P& p, const std::vector<std::uint32_t>& claims,
                                                           const Control& control) {
    return PreferredCounterExample<P>(p, claims, control, kRoundsBeforeIdeal).find();
}

}  // namespace agon::detail::ext
