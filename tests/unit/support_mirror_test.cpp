// SupportMirror's first sync builds the framework from the whole graph at
// once; the same graph brought in by changes, one sync after a start from a
// single claim, must give the same arguments, attacks and derivations.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <utility>

#include "incremental/grounded_repair.hpp"
#include "incremental/live_graph.hpp"
#include "incremental/support_mirror.hpp"
#include "same_answer.hpp"

using namespace agon;
using agon::detail::incremental::DynamicFramework;
using agon::detail::incremental::GroundedRepair;
using agon::detail::incremental::LiveGraph;
using agon::detail::incremental::SupportMirror;

namespace {

// Attacks between claims by id pair with their derivations (taken off one by
// one: the claims' attacks leave the framework).
std::map<std::pair<std::uint32_t, std::uint32_t>, int> derived(DynamicFramework& af) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> out;
    for (std::uint32_t s = 0; s < af.slots(); ++s) {
        if (!af.alive(s)) continue;
        const std::uint32_t a = af.id(s);
        if (a >= SupportMirror::kFirstAux) continue;
        while (!af.targets(s).empty()) {
            const std::uint32_t b = af.id(af.targets(s).back());
            if (b < SupportMirror::kFirstAux) ++out[{a, b}];
            af.underive_attack(a, b);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("support mirror built at once equals the mirror brought up change by change") {
    std::mt19937 rng(31);
    for (SupportMode mode : {SupportMode::none, SupportMode::deductive, SupportMode::necessary, SupportMode::evidential})
        for (int round = 0; round < 30; ++round) {
            CAPTURE(static_cast<int>(mode));
            CAPTURE(round);
            const auto graph = test::random_claim_graph(rng, 3 + round % 10, 4 + round);
            // Some claims off before the first question.
            const Snapshot snapshot = Snapshot::of(*graph);
            LiveGraph whole(snapshot);
            for (std::uint32_t v = 0; v < whole.claim_slots(); ++v)
                if (rng() % 5 == 0) whole.switch_off(v);
            LiveGraph::Changes changes;
            whole.take_changes(changes);
            SupportMirror at_once(mode);
            GroundedRepair repair[2];
            std::vector<Label> labels[2];
            at_once.sync(whole, changes, Control{});
            CHECK(at_once.built_afresh());
            // The same claims and edges, in the same slots, after one claim.
            Graph first;
            first.add_claim(graph->claims()[0]);
            const Snapshot grown_snapshot = Snapshot::of(first);
            LiveGraph grown(grown_snapshot);
            grown.take_changes(changes);
            SupportMirror by_changes(mode);
            by_changes.sync(grown, changes, Control{});
            for (std::size_t v = 1; v < graph->claims().size(); ++v) {
                const Claim& c = graph->claims()[v];
                grown.add_claim(c.id, c.base, c.kind, c.tags);
            }
            for (std::uint32_t e = 0; e < whole.edge_slots(); ++e)
                grown.add_edge(whole.edge_id(e), whole.kind(e), whole.from(e), whole.to(e), whole.weight(e));
            for (std::uint32_t v = 0; v < whole.claim_slots(); ++v)
                if (!whole.alive(v)) grown.switch_off(v);
            grown.take_changes(changes);
            by_changes.sync(grown, changes, Control{});
            CHECK_FALSE(by_changes.built_afresh());
            for (std::uint32_t v = 0; v < whole.claim_slots(); ++v) CHECK(at_once.has_claim(v) == by_changes.has_claim(v));
            CHECK(at_once.framework().size() == by_changes.framework().size());
            // Auxiliary ids are numbered in the order edges are read (which
            // differs): the claims' labels, the attacks between claims and the
            // counts must agree.
            for (SupportMirror* m : {&at_once, &by_changes}) {
                DynamicFramework& af = m->framework();
                std::vector<std::uint32_t> touched;
                af.take_touched(touched);
                repair[m == &by_changes].changed(touched);
                labels[m == &by_changes] = repair[m == &by_changes].labels(af);
            }
            for (std::uint32_t v = 0; v < whole.claim_slots(); ++v)
                if (at_once.has_claim(v))
                    CHECK(labels[0][at_once.framework().slot(v)] == labels[1][by_changes.framework().slot(v)]);
            CHECK(at_once.framework().attack_count() == by_changes.framework().attack_count());
            CHECK(derived(at_once.framework()) == derived(by_changes.framework()));
        }
}
