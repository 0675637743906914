// Test helper: every extension semantics enumerated by brute force straight
// from the definitions (Dung 1995; Caminada 2006; Verheij 1996; Dung,
// Mancarella & Toni 2007), for frameworks of up to about 12 arguments, and
// random frameworks to run it on. Independent of the solver it checks.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

#include "agon/extensions.hpp"
#include "agon/framework.hpp"
#include "agon/snapshot.hpp"

namespace agon::test {

using Sem = ExtensionSemantics;
using Family = std::set<Extension>;

// Sets of arguments are bit masks: argument a is in m when bit a is set.
struct Brute {
    std::uint32_t n;
    std::vector<std::vector<char>> att;  // att[a][b]: a attacks b

    explicit Brute(const Snapshot& s) : n(s.size()), att(n, std::vector<char>(n, 0)) {
        for (std::uint32_t e = 0; e < s.edge_count(); ++e) att[s.edge_from(e)][s.edge_to(e)] = 1;
    }
    bool in(std::uint32_t m, std::uint32_t a) const { return (m >> a) & 1; }
    bool conflict_free(std::uint32_t m) const {
        for (std::uint32_t a = 0; a < n; ++a)
            for (std::uint32_t b = 0; b < n; ++b)
                if (in(m, a) && in(m, b) && att[a][b]) return false;
        return true;
    }
    bool attacked_by(std::uint32_t m, std::uint32_t b) const {
        for (std::uint32_t a = 0; a < n; ++a)
            if (in(m, a) && att[a][b]) return true;
        return false;
    }
    bool defends(std::uint32_t m, std::uint32_t a) const {
        for (std::uint32_t b = 0; b < n; ++b)
            if (att[b][a] && !attacked_by(m, b)) return false;
        return true;
    }
    bool admissible(std::uint32_t m) const {
        if (!conflict_free(m)) return false;
        for (std::uint32_t a = 0; a < n; ++a)
            if (in(m, a) && !defends(m, a)) return false;
        return true;
    }
    bool complete(std::uint32_t m) const {
        if (!admissible(m)) return false;
        for (std::uint32_t a = 0; a < n; ++a)
            if (!in(m, a) && defends(m, a)) return false;
        return true;
    }
    std::uint32_t range(std::uint32_t m) const {
        std::uint32_t r = m;
        for (std::uint32_t b = 0; b < n; ++b)
            if (attacked_by(m, b)) r |= 1u << b;
        return r;
    }
    std::vector<std::uint32_t> all(bool (Brute::*pred)(std::uint32_t) const) const {
        std::vector<std::uint32_t> out;
        for (std::uint32_t m = 0; m < (1u << n); ++m)
            if ((this->*pred)(m)) out.push_back(m);
        return out;
    }
    static std::vector<std::uint32_t> maximal(const std::vector<std::uint32_t>& sets, auto key) {
        std::vector<std::uint32_t> out;
        for (std::uint32_t m : sets) {
            bool dominated = false;
            for (std::uint32_t o : sets) dominated |= (key(m) & key(o)) == key(m) && key(m) != key(o);
            if (!dominated) out.push_back(m);
        }
        return out;
    }
    Family family(Sem sem) const {
        std::vector<std::uint32_t> sets;
        auto self = [](std::uint32_t m) { return m; };
        auto rng = [this](std::uint32_t m) { return range(m); };
        const std::uint32_t full = n == 32 ? ~0u : (1u << n) - 1;
        switch (sem) {
            case Sem::complete: sets = all(&Brute::complete); break;
            case Sem::preferred: sets = maximal(all(&Brute::admissible), self); break;
            case Sem::stable:
                for (std::uint32_t m : all(&Brute::conflict_free))
                    if (range(m) == full) sets.push_back(m);
                break;
            case Sem::semi_stable: sets = maximal(all(&Brute::complete), rng); break;
            case Sem::stage: sets = maximal(all(&Brute::conflict_free), rng); break;
            case Sem::grounded: {
                auto co = all(&Brute::complete);
                std::uint32_t least = co[0];
                for (std::uint32_t m : co) least &= m;
                sets = {least};
                break;
            }
            case Sem::ideal: {
                auto pr = maximal(all(&Brute::admissible), self);
                std::uint32_t meet = full;
                for (std::uint32_t m : pr) meet &= m;
                std::uint32_t best = 0;
                for (std::uint32_t m : all(&Brute::admissible))
                    if ((m & meet) == m && __builtin_popcount(m) >= __builtin_popcount(best)) best = m;
                sets = {best};
                break;
            }
        }
        Family f;
        for (std::uint32_t m : sets) {
            Extension e;
            for (std::uint32_t a = 0; a < n; ++a)
                if (in(m, a)) e.push_back(a);
            f.insert(e);
        }
        return f;
    }
};


inline Snapshot random_af(std::mt19937& rng, std::uint32_t n, double p) {
    Framework af;
    af.size = n;
    std::bernoulli_distribution coin(p);
    for (std::uint32_t a = 0; a < n; ++a)
        for (std::uint32_t b = 0; b < n; ++b)
            if (coin(rng)) af.attacks.emplace_back(a, b);
    return Snapshot::of(af);
}

inline bool contains(const Extension& e, std::uint32_t v) { return std::binary_search(e.begin(), e.end(), v); }

}  // namespace agon::test
