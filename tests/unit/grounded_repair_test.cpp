// GroundedRepair around new slots: a repair journals no slot it labels
// first, yet relabelled() reports them and undo() takes their labels back
// (a rolled-back framework gives their slots to the next arguments added).
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <vector>

#include "incremental/dynamic_framework.hpp"
#include "incremental/grounded_repair.hpp"

using agon::Label;
using agon::detail::incremental::DynamicFramework;
using agon::detail::incremental::GroundedRepair;

namespace {

// The grounded labelling by the plain fixpoint, per slot (dead slots undecided).
std::vector<Label> grounded_of(const DynamicFramework& af) {
    std::vector<Label> l(af.slots(), Label::undec);
    for (bool moved = true; moved;) {
        moved = false;
        for (std::uint32_t s = 0; s < af.slots(); ++s) {
            if (!af.alive(s) || l[s] != Label::undec) continue;
            const auto& att = af.attackers(s);
            if (std::any_of(att.begin(), att.end(), [&](std::uint32_t b) { return l[b] == Label::in; })) l[s] = Label::out;
            else if (std::all_of(att.begin(), att.end(), [&](std::uint32_t b) { return l[b] == Label::out; })) l[s] = Label::in;
            moved |= l[s] != Label::undec;
        }
    }
    return l;
}

const std::vector<Label>& repaired(DynamicFramework& af, GroundedRepair& repair) {
    std::vector<std::uint32_t> touched;
    af.take_touched(touched);
    repair.changed(touched);
    return repair.labels(af);
}

}  // namespace

TEST_CASE("grounded repair reports and undoes the slots it labelled first") {
    std::mt19937 rng(5);
    for (int round = 0; round < 40; ++round) {
        CAPTURE(round);
        DynamicFramework af;
        GroundedRepair repair;
        std::uint32_t next_id = 1;
        const std::uint32_t n = 4 + round % 12;
        for (; next_id <= n; ++next_id) af.add(next_id);
        for (std::uint32_t k = 0; k < 2 * n; ++k) {
            const std::uint32_t a = 1 + rng() % n, b = 1 + rng() % n;
            if (!af.has_attack(a, b)) af.add_attack(a, b);
        }
        // The first labelling: every slot is new, every in or out one relabelled.
        CHECK(repaired(af, repair) == grounded_of(af));
        std::vector<std::uint32_t> moved;
        repair.relabelled(moved);
        for (std::uint32_t s = 0; s < af.slots(); ++s)
            CHECK(std::count(moved.begin(), moved.end(), s) == (repair.labels(af)[s] != Label::undec));
        for (int step = 0; step < 12; ++step) {
            CAPTURE(step);
            std::vector<Label> before = repair.labels(af);
            af.checkpoint();
            // New arguments attacking and attacked by old ones, and an old attack gone.
            std::vector<std::uint32_t> ids;
            for (std::uint32_t id = 1; id < next_id; ++id)
                if (af.has(id)) ids.push_back(id);
            const std::uint32_t added = 1 + rng() % 3;
            for (std::uint32_t k = 0; k < added; ++k) {
                const std::uint32_t id = next_id++;
                af.add(id);
                const std::uint32_t other = ids[rng() % ids.size()];
                const bool out = rng() % 2;
                af.add_attack(out ? id : other, out ? other : id);
                ids.push_back(id);
            }
            const std::uint32_t from = ids[rng() % ids.size()], to = ids[rng() % ids.size()];
            if (af.has_attack(from, to)) af.remove_attack(from, to);
            const std::vector<Label>& held = repaired(af, repair);  // the repair's own labels
            const std::vector<Label> now = held;
            CHECK(now == grounded_of(af));
            moved.clear();
            repair.relabelled(moved);
            const std::set<std::uint32_t> got(moved.begin(), moved.end());
            std::set<std::uint32_t> want;
            for (std::uint32_t s = 0; s < af.slots(); ++s)
                if (now[s] != (s < before.size() ? before[s] : Label::undec)) want.insert(s);
            CHECK(got == want);
            if (rng() % 2) continue;
            // Back to before: the new arguments' slots go to the next ones
            // added (at once, or after a repair that finds nothing to do).
            af.rollback();
            repair.undo();
            next_id -= added;
            for (std::size_t s = 0; s < held.size(); ++s)
                CHECK(held[s] == (s < before.size() ? before[s] : Label::undec));
            if (rng() % 2) CHECK(repair.labels(af) == before);
        }
    }
}
