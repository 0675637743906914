// Skeptical preferred acceptance on chains of strongly connected parts, the
// frameworks whose preferred extensions multiply part by part and where the
// counter-example search goes layer by layer: from scratch and in a session,
// for one claim and for two, against the brute-force enumerator.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "agon/extensions.hpp"
#include "agon/session.hpp"
#include "brute_force.hpp"

using namespace agon;
using namespace agon::test;

namespace {

// Parts of 2 to 4 arguments, dense inside, with a few attacks from earlier
// parts to later ones (and, rarely, back, which merges parts).
Framework random_chain(std::mt19937& rng, std::uint32_t n) {
    Framework af;
    af.size = n;
    std::vector<std::uint32_t> part(n);
    for (std::uint32_t a = 0, p = 0, left = 0; a < n; ++a) {
        if (left == 0) {
            left = std::uniform_int_distribution<std::uint32_t>(2, 4)(rng);
            ++p;
        }
        part[a] = p;
        --left;
    }
    std::bernoulli_distribution inside(0.45), forward(0.12), back(0.01);
    for (std::uint32_t a = 0; a < n; ++a)
        for (std::uint32_t b = 0; b < n; ++b) {
            const bool attack = part[a] == part[b] ? inside(rng) : part[a] < part[b] ? forward(rng) : back(rng);
            if (attack) af.attacks.emplace_back(a, b);
        }
    return af;
}

}  // namespace

TEST_CASE("skeptical preferred matches brute force on random chains of strongly connected parts") {
    std::mt19937 rng(7);
    int accepted = 0, rejected = 0;
    for (int round = 0; round < 120; ++round) {
        const auto n = static_cast<std::uint32_t>(8 + round % 6);
        const Framework af = random_chain(rng, n);
        const Snapshot s = Snapshot::of(af);
        const Family preferred = Brute(s).family(Sem::preferred);
        Session session(af, Sem::preferred);
        CAPTURE(round);
        for (std::uint32_t v = 0; v < n; ++v) {
            const std::uint32_t w = std::uniform_int_distribution<std::uint32_t>(0, n - 1)(rng);
            CAPTURE(v);
            CAPTURE(w);
            bool one = true, two = true;
            for (const Extension& e : preferred) {
                one &= contains(e, v);
                two &= contains(e, v) && contains(e, w);
            }
            (one ? accepted : rejected)++;
            const Acceptance scratch = skeptical(s, Sem::preferred, v);
            CHECK(scratch.accepted == one);
            if (!one) CHECK((scratch.witness && preferred.count(*scratch.witness) && !contains(*scratch.witness, v)));
            // Session ids are 1-based.
            const std::uint32_t ask_one[] = {v + 1}, ask_two[] = {v + 1, w + 1};
            CHECK(session.skeptical(ask_one).accepted == one);
            const Acceptance both = session.skeptical(ask_two);
            CHECK(both.accepted == two);
            const auto witness = session.witness();
            CHECK(witness.has_value() == !two);
            if (witness) {
                Extension local;
                for (std::uint32_t id : *witness) local.push_back(id - 1);
                CHECK(preferred.count(local) == 1);
                CHECK(!(contains(local, v) && contains(local, w)));
            }
        }
    }
    // Both answers occur often enough for the comparison to mean something.
    CHECK(accepted > 100);
    CHECK(rejected > 100);
}
