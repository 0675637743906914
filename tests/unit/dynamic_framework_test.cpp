// The flat hash map (finding by a remembered cell too) and DynamicFramework's
// rollback (dormant attacks revived in place), against plain
// standard containers under random operations.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "incremental/dynamic_framework.hpp"
#include "util/flat_map.hpp"

using agon::detail::FlatMap;
using agon::detail::incremental::DynamicFramework;

TEST_CASE("flat map inserts, finds and erases as std::unordered_map does") {
    std::mt19937_64 rng(7);
    FlatMap<> map;
    std::unordered_map<std::uint64_t, std::uint32_t> want;
    // Cells of keys found before, stale after erasures and growth: finding
    // by them gives what probing gives.
    std::vector<std::pair<std::uint64_t, std::size_t>> cells;
    for (int step = 0; step < 200'000; ++step) {
        // Few distinct keys, clustered: long probe runs, erasures in the middle of them.
        const std::uint64_t key = (rng() % 3000) << (step % 2 ? 32 : 0);
        switch (rng() % 3) {
            case 0: {
                const auto [value, inserted] = map.try_emplace(key, static_cast<std::uint32_t>(step));
                const auto [it, expected] = want.try_emplace(key, static_cast<std::uint32_t>(step));
                CHECK(inserted == expected);
                CHECK(*value == it->second);
                break;
            }
            case 1: CHECK(map.erase(key) == (want.erase(key) == 1)); break;
            default: {
                const std::uint32_t* value = map.find(key);
                const auto it = want.find(key);
                REQUIRE((value != nullptr) == (it != want.end()));
                if (value) CHECK(*value == it->second);
                if (value) cells.emplace_back(key, map.cell_of(value));
                if (!cells.empty()) {
                    const auto& [old_key, cell] = cells[rng() % cells.size()];
                    CHECK(map.find(old_key, cell) == map.find(old_key));
                }
            }
        }
        REQUIRE(map.size() == want.size());
    }
    for (const auto& [key, value] : want) CHECK(*map.find(key) == value);
}

TEST_CASE("flat map filled at once finds what it was given, and then changes as one filled key by key") {
    std::mt19937_64 rng(3);
    for (std::size_t n : {0, 1, 7, 1000, 20'000}) {
        CAPTURE(n);
        std::unordered_map<std::uint64_t, std::uint32_t> want;
        while (want.size() < n) want.emplace((rng() % (4 * n + 1)) << (rng() % 2 ? 32 : 0), static_cast<std::uint32_t>(rng()));
        std::vector<std::uint64_t> keys;
        std::vector<std::uint32_t> values;
        for (const auto& [key, value] : want) keys.push_back(key), values.push_back(value);
        FlatMap<> map;
        map.assign(keys, values);
        REQUIRE(map.size() == n);
        for (const auto& [key, value] : want) CHECK(*map.find(key) == value);
        CHECK_FALSE(map.contains(4 * n + 7));
        // Erasing half (backward shifts) leaves the other half findable.
        for (std::size_t i = 0; i < n; i += 2) CHECK(map.erase(keys[i]));
        for (std::size_t i = 1; i < n; i += 2) CHECK(*map.find(keys[i]) == values[i]);
    }
}

namespace {

// The arguments of `af` by id and its attacks as id pairs.
std::pair<std::map<std::uint32_t, std::uint32_t>, std::set<std::pair<std::uint32_t, std::uint32_t>>> state(
    const DynamicFramework& af) {
    std::map<std::uint32_t, std::uint32_t> slots;
    std::set<std::pair<std::uint32_t, std::uint32_t>> attacks;
    for (std::uint32_t s = 0; s < af.slots(); ++s) {
        if (!af.alive(s)) continue;
        slots[af.id(s)] = s;
        for (std::uint32_t t : af.targets(s)) attacks.insert({af.id(s), af.id(t)});
        for (std::uint32_t b : af.attackers(s)) CHECK(af.slot_attacks(b, s));
    }
    return {slots, attacks};
}

}  // namespace

TEST_CASE("dynamic framework rolls back every change since its checkpoint, derivations counted") {
    std::mt19937 rng(11);
    DynamicFramework af;
    for (std::uint32_t id = 0; id < 12; ++id) af.add(id);
    // Derivations of each attack as derive_attack and underive_attack see
    // them: the attacks made by add_attack have one; removed ones none.
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> derivations;
    auto forget_gone = [&] {
        for (auto& [attack, n] : derivations)
            if (!af.has_attack(attack.first, attack.second)) n = 0;
    };
    for (int round = 0; round < 300; ++round) {
        CAPTURE(round);
        const auto before = state(af);
        const std::uint32_t slots = af.slots();
        const auto derivations_before = derivations;
        af.checkpoint();
        for (int step = 0; step < 15; ++step) {
            const std::uint32_t a = rng() % 16, b = rng() % 16;
            switch (rng() % 6) {
                case 0:
                    if (!af.has(a)) af.add(a);
                    break;
                case 1:
                    if (af.has(a)) af.remove(a);
                    break;
                case 2:
                    if (af.has(a) && af.has(b) && !af.has_attack(a, b)) {
                        af.add_attack(a, b);
                        derivations[{a, b}] = 1;
                    }
                    break;
                case 3:
                    if (af.has_attack(a, b)) af.remove_attack(a, b);
                    break;
                case 4:  // one derivation more; counted as derivations[{a, b}]
                    if (af.has(a) && af.has(b)) CHECK(af.derive_attack(a, b) == (derivations[{a, b}]++ == 0));
                    break;
                default:
                    if (af.has_attack(a, b)) CHECK(af.underive_attack(a, b) == (--derivations[{a, b}] == 0));
            }
            forget_gone();  // a removed argument or attack takes its derivations along
        }
        const auto after = state(af);
        if (round % 2) {
            af.rollback();
            derivations = derivations_before;  // the later rounds check them
            CHECK(state(af) == before);  // same ids in the same slots, same attacks
            CHECK(af.slots() == slots);
            std::vector<std::uint32_t> touched{7};
            af.take_touched(touched);
            CHECK(touched.empty());
        } else {
            std::vector<std::uint32_t> touched;
            af.take_touched(touched);  // kept: the next round starts from here
            CHECK(state(af) == after);
        }
        CHECK(af.attack_count() == state(af).second.size());
    }
}

TEST_CASE("dynamic framework filled at once equals the one filled an argument and a derivation at a time") {
    std::mt19937 rng(5);
    for (int round = 0; round < 40; ++round) {
        CAPTURE(round);
        // Ids out of order and far apart (auxiliary ones from 0x80000000 on).
        std::vector<std::uint32_t> ids;
        const std::uint32_t n = 1 + rng() % 40;
        for (std::uint32_t s = 0; s < n; ++s) ids.push_back(s % 3 == 2 ? 0x80000000u + s : (s * 7919u) % 100'000u + s);
        std::vector<std::uint64_t> pairs;
        DynamicFramework one_by_one, at_once;
        for (std::uint32_t id : ids) one_by_one.add(id);
        std::map<std::pair<std::uint32_t, std::uint32_t>, int> derivations;
        for (int k = rng() % (4 * n); k > 0; --k) {
            const std::uint32_t a = rng() % n, b = rng() % n;  // slots; self-attacks and repeats too
            pairs.push_back(std::uint64_t{a} << 32 | b);
            one_by_one.derive_attack(ids[a], ids[b]);
            ++derivations[{ids[a], ids[b]}];
        }
        at_once.assign(ids, pairs);
        REQUIRE(state(at_once) == state(one_by_one));
        CHECK(at_once.attack_count() == derivations.size());
        for (int k = 0; k < 20; ++k) {  // before the table is built too
            const std::uint32_t a = ids[rng() % n], b = ids[rng() % n];
            CHECK(at_once.has_attack(a, b) == one_by_one.has_attack(a, b));
        }
        std::vector<std::uint32_t> touched;
        at_once.take_touched(touched);
        CHECK(touched.size() == n);
        // The same changes on both from here, with a rollback: derivations,
        // places in the lists and the table agree. Every other round the
        // first change (after an argument added without attacks) builds the
        // table rather than the checkpoint, and nothing is rolled back.
        const bool checkpoint = round % 2 == 0;
        if (checkpoint) {
            at_once.checkpoint();
        } else {
            for (DynamicFramework* af : {&at_once, &one_by_one}) af->add(0x7FFFFFFFu);
            ids.push_back(0x7FFFFFFFu);
        }
        for (int step = 0; step < 30; ++step) {
            const std::uint32_t a = ids[rng() % ids.size()], b = ids[rng() % ids.size()];
            switch (rng() % 3) {
                case 0:
                    if (at_once.has_attack(a, b)) CHECK(at_once.underive_attack(a, b) == one_by_one.underive_attack(a, b));
                    break;
                case 1:
                    if (at_once.has(a) && at_once.has(b)) CHECK(at_once.derive_attack(a, b) == one_by_one.derive_attack(a, b));
                    break;
                default:
                    if (at_once.has(a) && rng() % 4 == 0) {
                        at_once.remove(a);
                        one_by_one.remove(a);
                    }
            }
            REQUIRE(state(at_once) == state(one_by_one));
            CHECK(at_once.attack_count() == one_by_one.attack_count());
        }
        if (!checkpoint) continue;
        at_once.rollback();
        DynamicFramework again;
        again.assign(ids, pairs);
        CHECK(state(at_once) == state(again));
    }
}

TEST_CASE("dynamic framework finds ids in the slot of their own number and elsewhere alike") {
    // Ids equal to their slot are found there without the hash map; an id
    // removed and added again, or added where another number's slot is,
    // lives elsewhere: has(), slot() and size() must agree with a plain map
    // through removals, additions and rollbacks.
    std::mt19937 rng(3);
    DynamicFramework af;
    std::map<std::uint32_t, std::uint32_t> want;  // live id -> slot
    std::vector<std::uint32_t> ids;
    for (std::uint32_t s = 0; s < 20; ++s) ids.push_back(s % 5 == 4 ? s + 20 : s);  // 24 in slot 4, 4 nowhere
    af.assign(ids, {});
    for (std::uint32_t s = 0; s < ids.size(); ++s) want[ids[s]] = s;
    auto agree = [&] {
        CHECK(af.size() == want.size());
        for (std::uint32_t id = 0; id < 40; ++id) {
            CAPTURE(id);
            REQUIRE(af.has(id) == want.count(id));
            if (want.count(id)) CHECK(af.slot(id) == want.at(id));
        }
    };
    agree();
    for (int round = 0; round < 60; ++round) {
        CAPTURE(round);
        const auto kept = want;
        af.checkpoint();
        for (int step = 0; step < 6; ++step) {
            const std::uint32_t id = rng() % 40;
            if (af.has(id)) {
                af.remove(id);
                want.erase(id);
            } else {
                want[id] = af.slots();
                af.add(id);
            }
            agree();
        }
        if (round % 3 == 0) {
            af.rollback();
            want = kept;
            agree();
        }
    }
}
