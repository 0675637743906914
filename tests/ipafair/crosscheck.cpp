// A program written against ipafair.h only, checked after every change of
// random change sequences against the brute-force enumerator: answers, and
// the witness read back with ipafair_val.
#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <set>

#include "brute_force.hpp"
#include "ipafair.h"

using namespace agon;
using namespace agon::test;

int main() {
    const semantics codes[] = {admissible, complete, preferred, stable, semistable, stage, ideal};
    const Sem family_of[] = {Sem::preferred, Sem::complete, Sem::preferred, Sem::stable,
                             Sem::semi_stable, Sem::stage, Sem::ideal};
    std::mt19937 rng(2023);
    int failures = 0, queries = 0;
    for (int k = 0; k < 7; ++k) {
        void* s = ipafair_init();
        ipafair_set_semantics(s, codes[k]);
        std::set<int> args;
        std::set<std::pair<int, int>> attacks;
        for (int step = 0; step < 300; ++step) {
            const int a = std::uniform_int_distribution<int>(1, 9)(rng), b = std::uniform_int_distribution<int>(1, 9)(rng);
            switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
                case 0:
                    if (args.insert(a).second) ipafair_add_argument(s, a);
                    break;
                case 1:
                    if (args.size() > 1 && args.erase(a)) {
                        ipafair_del_argument(s, a);
                        std::erase_if(attacks, [&](auto p) { return p.first == a || p.second == a; });
                    }
                    break;
                case 2:
                    if (args.count(a) && args.count(b) && attacks.insert({a, b}).second) ipafair_add_attack(s, a, b);
                    break;
                default:
                    if (attacks.erase({a, b})) ipafair_del_attack(s, a, b);
            }
            if (args.empty() || !args.count(a)) continue;
            // The brute-force answer over the model, arguments renumbered in order.
            std::map<int, std::uint32_t> index;
            for (int v : args) index.emplace(v, static_cast<std::uint32_t>(index.size()));
            Framework af;
            af.size = static_cast<std::uint32_t>(args.size());
            for (auto [x, y] : attacks) af.attacks.emplace_back(index[x], index[y]);
            const Family family = Brute(Snapshot::of(af)).family(family_of[k]);
            const bool credulous = step % 2 == 0;
            bool cred = false, skept = true;
            for (const Extension& e : family) {
                cred |= contains(e, index[a]);
                skept &= contains(e, index[a]);
            }
            if (codes[k] == admissible) skept = false;  // the empty set is admissible
            ipafair_assume(s, a);
            const int got = credulous ? ipafair_solve_cred(s) : ipafair_solve_skept(s);
            const int want = (credulous ? cred : skept) ? 10 : 20;
            ++queries;
            if (got != want) {
                std::printf("semantics %d step %d: %s %d gave %d, expected %d\n", k, step,
                            credulous ? "credulous" : "skeptical", a, got, want);
                ++failures;
                continue;
            }
            if ((credulous && got == 10) || (!credulous && got == 20)) {
                Extension w;
                for (int v : args)
                    if (ipafair_val(s, v) == v) w.push_back(index[v]);
                const bool ok = (codes[k] == admissible && !credulous) ? !contains(w, index[a])
                                                                      : family.count(w) && contains(w, index[a]) == credulous;
                if (!ok) {
                    std::printf("semantics %d step %d: bad witness\n", k, step);
                    ++failures;
                }
            }
        }
        ipafair_release(s);
    }
    std::printf("%d queries, %d failures\n", queries, failures);
    return failures ? 1 : 0;
}
