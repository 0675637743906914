// Extension semantics against a brute-force enumerator written from the
// definitions, on hand-checked classics and random small frameworks.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>

#include "agon/extensions.hpp"
#include "agon/io.hpp"

using namespace agon;
using Sem = ExtensionSemantics;
using Family = std::set<Extension>;

namespace {

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

Family solved(const Snapshot& s, Sem sem) {
    Family f;
    std::uint64_t count = enumerate(s, sem, 0, [&](const Extension& e) { CHECK(f.insert(e).second); });
    CHECK(count == f.size());
    return f;
}

Snapshot random_af(std::mt19937& rng, std::uint32_t n, double p) {
    Framework af;
    af.size = n;
    std::bernoulli_distribution coin(p);
    for (std::uint32_t a = 0; a < n; ++a)
        for (std::uint32_t b = 0; b < n; ++b)
            if (coin(rng)) af.attacks.emplace_back(a, b);
    return Snapshot::of(af);
}

const Sem kAll[] = {Sem::grounded, Sem::complete, Sem::preferred, Sem::stable, Sem::semi_stable, Sem::stage, Sem::ideal};

bool contains(const Extension& e, std::uint32_t v) { return std::binary_search(e.begin(), e.end(), v); }

}  // namespace

TEST_CASE("extension semantics match brute force on random frameworks") {
    std::mt19937 rng(2024);
    for (int round = 0; round < 250; ++round) {
        const auto n = static_cast<std::uint32_t>(1 + round % 9);
        Snapshot s = random_af(rng, n, 0.1 + 0.05 * (round % 7));
        Brute brute(s);
        for (Sem sem : kAll) {
            CAPTURE(round);
            CAPTURE(static_cast<int>(sem));
            const Family want = brute.family(sem);
            CHECK(solved(s, sem) == want);
            auto one = some_extension(s, sem);
            CHECK(one.has_value() == !want.empty());
            if (one) CHECK(want.count(*one) == 1);
            for (std::uint32_t v = 0; v < n; ++v) {
                bool cred = false, skep = true;
                for (const auto& e : want) {
                    cred |= contains(e, v);
                    skep &= contains(e, v);
                }
                Acceptance c = credulous(s, sem, v), k = skeptical(s, sem, v);
                CHECK(c.accepted == cred);
                CHECK(k.accepted == skep);
                if (c.accepted) CHECK((c.witness && want.count(*c.witness) && contains(*c.witness, v)));
                if (!k.accepted) CHECK((k.witness && want.count(*k.witness) && !contains(*k.witness, v)));
            }
        }
    }
}

TEST_CASE("relations between semantics hold on random frameworks") {
    std::mt19937 rng(77);
    for (int round = 0; round < 150; ++round) {
        Snapshot s = random_af(rng, 2 + static_cast<std::uint32_t>(round % 8), 0.25);
        Family co = solved(s, Sem::complete), pr = solved(s, Sem::preferred), st = solved(s, Sem::stable);
        Family sst = solved(s, Sem::semi_stable), gr = solved(s, Sem::grounded), id = solved(s, Sem::ideal);
        for (const auto& e : st) CHECK(pr.count(e) == 1);
        for (const auto& e : pr) CHECK(co.count(e) == 1);
        const Extension& g = *gr.begin();
        for (const auto& e : co) CHECK(std::includes(e.begin(), e.end(), g.begin(), g.end()));
        CHECK(co.count(g) == 1);
        const Extension& i = *id.begin();
        for (const auto& e : pr) CHECK(std::includes(e.begin(), e.end(), i.begin(), i.end()));
        if (!st.empty()) CHECK(sst == st);
    }
}

TEST_CASE("classic frameworks") {
    auto af = [](const char* apx) { return Snapshot::of(parse_framework(apx, Format::apx, "t")); };
    // Floating reinstatement: preferred {a,d} and {b,d}; grounded and ideal empty; d skeptically preferred.
    Snapshot fr = af("arg(a).arg(b).arg(c).arg(d).att(a,b).att(b,a).att(a,c).att(b,c).att(c,d).");
    CHECK(solved(fr, Sem::preferred) == Family{{0, 3}, {1, 3}});
    CHECK(solved(fr, Sem::ideal) == Family{{}});
    CHECK(skeptical(fr, Sem::preferred, 3).accepted);
    CHECK(!skeptical(fr, Sem::preferred, 0).accepted);
    // Odd cycle: no stable extension; preferred and semi-stable only the empty set; stage the three singletons.
    Snapshot odd = af("arg(a).arg(b).arg(c).att(a,b).att(b,c).att(c,a).");
    CHECK(solved(odd, Sem::stable).empty());
    CHECK(!some_extension(odd, Sem::stable));
    CHECK(skeptical(odd, Sem::stable, 0).accepted);  // vacuously
    CHECK(solved(odd, Sem::semi_stable) == Family{{}});
    CHECK(solved(odd, Sem::stage) == Family{{0}, {1}, {2}});
    // Stage and semi-stable differ: a <-> b, b -> c, c -> c, plus d attacked by the self-attacking c...
    // Caminada's example: a -> b -> c -> d -> e -> c (odd loop c,d,e) with b defended by nothing.
    Snapshot cam = af("arg(a).arg(b).arg(c).arg(d).arg(e).att(a,a).att(a,b).att(b,c).att(c,d).att(d,e).att(e,c).");
    CHECK(solved(cam, Sem::semi_stable) == Family{{}});
    CHECK(solved(cam, Sem::stage) == Family{{1, 3}});
}
