// Test helper: the extensions and acceptance labels of a small attack-only framework (a
// flattened claim graph of up to about 20 arguments) under every extension
// semantics, read off the definitions by enumerating every set of arguments
// as a bit mask. Shares nothing with the solver it checks.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"

namespace agon::test {

using Mask = std::uint32_t;

/// The semantics oracle() labels, in the order of its answer.
inline const char* const kOracleSemantics[] = {"complete", "preferred", "semi-stable", "ideal", "stage", "stable"};

// The labels of the first `claims` arguments given a family of extensions
// (none: every claim out, as evaluate labels stable without an extension).
inline std::vector<Label> labels_of(const std::vector<Mask>& family, std::uint32_t claims) {
    Mask every = ~0u, some = 0;
    for (Mask m : family) {
        every &= m;
        some |= m;
    }
    std::vector<Label> out(claims, Label::out);
    for (std::uint32_t v = 0; v < claims && !family.empty(); ++v)
        out[v] = (every >> v & 1) ? Label::in : (some >> v & 1) ? Label::undec : Label::out;
    return out;
}

// The sets whose key (the set itself, or its range) no other set's key strictly contains.
inline std::vector<Mask> maximal(const std::vector<std::pair<Mask, Mask>>& sets_and_keys) {
    std::vector<Mask> keys;
    for (const auto& [m, key] : sets_and_keys) keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::vector<Mask> top;
    for (Mask k : keys) {
        bool dominated = false;
        for (Mask o : keys) dominated |= (k & o) == k && k != o;
        if (!dominated) top.push_back(k);
    }
    std::vector<Mask> out;
    for (const auto& [m, key] : sets_and_keys)
        if (std::binary_search(top.begin(), top.end(), key)) out.push_back(m);
    return out;
}

// The extensions per semantics (kOracleSemantics' order) of the attack-only
// snapshot `flat`, as bit masks.
inline std::vector<std::vector<Mask>> oracle_extensions(const Snapshot& flat) {
    const std::uint32_t n = flat.size();
    std::vector<Mask> attacks(n, 0), attackers(n, 0);
    for (std::uint32_t e = 0; e < flat.edge_count(); ++e) {
        REQUIRE(flat.edge_kind(e) == EdgeKind::attack);
        attacks[flat.edge_from(e)] |= Mask{1} << flat.edge_to(e);
        attackers[flat.edge_to(e)] |= Mask{1} << flat.edge_from(e);
    }
    const Mask full = (Mask{1} << n) - 1;
    std::vector<std::pair<Mask, Mask>> conflict_free, complete;  // (set, range)
    std::vector<Mask> admissible, stable;
    for (Mask m = 0; m <= full; ++m) {
        Mask hit = 0;
        for (Mask r = m; r; r &= r - 1) hit |= attacks[std::countr_zero(r)];
        if (hit & m) continue;
        conflict_free.emplace_back(m, m | hit);
        if ((m | hit) == full) stable.push_back(m);
        Mask defended = 0;
        for (std::uint32_t a = 0; a < n; ++a)
            if ((attackers[a] & ~hit) == 0) defended |= Mask{1} << a;
        if ((m & ~defended) == 0) admissible.push_back(m);
        if (m == defended) complete.emplace_back(m, m | hit);
    }
    std::vector<std::pair<Mask, Mask>> by_set;
    for (const auto& [m, range] : complete) by_set.emplace_back(m, m);
    const std::vector<Mask> preferred = maximal(by_set);
    Mask meet = full, ideal = 0;
    for (Mask m : preferred) meet &= m;
    for (Mask m : admissible)
        if ((m & ~meet) == 0) ideal |= m;  // admissible sets' union is admissible: the largest one
    std::vector<Mask> complete_sets;
    for (const auto& [m, range] : complete) complete_sets.push_back(m);
    return {complete_sets, preferred, maximal(complete), {ideal}, maximal(conflict_free), stable};
}

// Labels per semantics (kOracleSemantics' order) of the first `claims` arguments
// of the attack-only snapshot `flat`.
inline std::vector<std::vector<Label>> oracle(const Snapshot& flat, std::uint32_t claims) {
    std::vector<std::vector<Label>> out;
    for (const std::vector<Mask>& family : oracle_extensions(flat)) out.push_back(labels_of(family, claims));
    return out;
}

// The distinct projections of `family` onto the first `claims` arguments, ascending.
inline std::vector<Mask> projections(const std::vector<Mask>& family, std::uint32_t claims) {
    std::vector<Mask> out;
    for (Mask m : family) out.push_back(m & ((Mask{1} << claims) - 1));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace agon::test
