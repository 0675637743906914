// A LiveGraph reads the ids and tags of the claims and edges it starts with
// from the graph or snapshot it starts from (no copies), keeps its own only
// for later claims and edges and for tags given again, and keeps its edge
// lists in one pool (SlotLists).
#include <doctest/doctest.h>

#include <algorithm>
#include <type_traits>
#include <memory>
#include <random>
#include <vector>

#include "agon/incremental.hpp"
#include "agon/scenario.hpp"
#include "incremental/live_graph.hpp"
#include "util/slot_lists.hpp"
#include "same_answer.hpp"

using namespace agon;
using agon::detail::incremental::LiveGraph;
using agon::detail::SlotLists;

namespace {

std::shared_ptr<Graph> small_graph() {
    auto g = std::make_shared<Graph>();
    g->add_claim({.id = "a", .base = 0.5, .tags = {"prima_facie"}});
    g->add_claim({.id = "b", .base = 0.6});
    g->add_edge({.id = "e1", .kind = EdgeKind::attack, .from = "a", .to = "b"});
    g->add_edge({.id = "u1", .kind = EdgeKind::undercut, .from = "b", .to = "e1"});
    return g;
}

std::vector<std::uint32_t> sorted(std::span<const std::uint32_t> list) {
    std::vector<std::uint32_t> out(list.begin(), list.end());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

// It reads ids and tags from the snapshot it starts from: a temporary one is refused.
static_assert(!std::is_constructible_v<agon::detail::incremental::LiveGraph, agon::Snapshot>);
static_assert(std::is_constructible_v<agon::detail::incremental::LiveGraph, const agon::Snapshot&>);

TEST_CASE("LiveGraph shares its first claims' ids and tags and keeps later ones of its own") {
    const std::shared_ptr<const Graph> g = small_graph();
    const std::vector<std::uint32_t> from = {0, 1}, to = {1, 0};
    LiveGraph live(g, from, to);
    // Read where the base graph keeps them: not copied.
    CHECK(live.tags(0).data() == g->claims()[0].tags.data());
    CHECK(live.claim_id(1) == "b");
    CHECK(live.edge_id(1) == "u1");
    CHECK(live.tagged(0, "prima_facie"));

    const std::uint32_t c = live.add_claim("c", 0.3, ClaimKind::statement, {"x"});
    const std::uint32_t e = live.add_edge("e9", EdgeKind::attack, c, 0, 1.0);
    CHECK(live.claim_id(c) == "c");
    CHECK(live.tagged(c, "x"));
    CHECK(live.edge_id(e) == "e9");
    CHECK(live.claim_id(0) == "a");
    CHECK(live.edge_id(0) == "e1");

    // Switched off and on again with other tags: those are its own now, the
    // base graph's stay as they were.
    live.switch_off(0);
    live.switch_on(0, 0.5, ClaimKind::statement, {"other"});
    CHECK(live.tagged(0, "other"));
    CHECK_FALSE(live.tagged(0, "prima_facie"));
    CHECK(g->claims()[0].tags == std::vector<std::string>{"prima_facie"});
    CHECK(live.claim_id(0) == "a");

    const std::vector<std::uint32_t> order = {1, c, 0};
    const Snapshot s = live.snapshot(order);
    REQUIRE(s.size() == 3);
    CHECK(s.id(0) == "b");
    CHECK(s.id(1) == "c");
    CHECK(s.id(2) == "a");
    CHECK(std::vector<std::string>(s.tags(2).begin(), s.tags(2).end()) == std::vector<std::string>{"other"});
    REQUIRE(s.edge_count() == 3);
    CHECK(s.edge_id(0) == "e1");
    CHECK(s.edge_id(1) == "u1");
    CHECK(s.edge_id(2) == "e9");

    // Switched on again with the base graph's tags: read from there again.
    live.switch_off(0);
    live.switch_on(0, 0.5, ClaimKind::statement, {"prima_facie"});
    CHECK(live.tags(0).data() == g->claims()[0].tags.data());
    CHECK(live.tagged(0, "prima_facie"));
    CHECK(live.tagged(c, "x"));
}

TEST_CASE("LiveGraph over a snapshot reads the snapshot's ids and tags") {
    const Snapshot s = Snapshot::of(*small_graph());
    LiveGraph live(s);
    CHECK(live.tags(0).data() == s.tags(0).data());
    CHECK(live.claim_id(0) == "a");
    CHECK(live.edge_id(1) == "u1");
    const std::uint32_t e = live.add_edge("e7", EdgeKind::support, 1, 0, 0.5);
    CHECK(live.edge_id(e) == "e7");
    CHECK(sorted(live.supports_into(0)) == std::vector<std::uint32_t>{e});
}

TEST_CASE("SlotLists hold the same lists as one vector per list") {
    std::mt19937 rng(7);
    for (int round = 0; round < 20; ++round) {
        CAPTURE(round);
        std::vector<std::vector<std::uint32_t>> want(1 + rng() % 6);
        std::vector<std::uint32_t> sizes;
        for (auto& list : want) {
            // Some lists start full, to their room.
            for (std::uint32_t k = rng() % 4; k > 0; --k) list.push_back(rng() % 50);
            sizes.push_back(static_cast<std::uint32_t>(list.size()));
        }
        SlotLists lists;
        lists.assign(sizes);
        for (std::uint32_t i = 0; i < want.size(); ++i)
            for (std::uint32_t x : want[i]) lists.push_back(i, x);
        for (int step = 0; step < 300; ++step) {
            const std::uint32_t i = rng() % want.size();
            switch (rng() % 6) {
                case 0: {
                    lists.add_list();
                    want.emplace_back();
                    break;
                }
                case 4: {  // a list given whole, or the last one dropped
                    if (rng() % 2 && want.size() > 1) {
                        lists.pop_list();
                        want.pop_back();
                        break;
                    }
                    std::vector<std::uint32_t> numbers(rng() % 5);
                    for (auto& x : numbers) x = rng() % 50;
                    lists.add_list(numbers);
                    want.push_back(numbers);
                    break;
                }
                case 5: {  // by place: the last number moves in
                    if (want[i].empty()) break;
                    const auto at = static_cast<std::uint32_t>(rng() % want[i].size());
                    CHECK(lists.remove_at(i, at) == want[i].back());
                    want[i][at] = want[i].back();
                    want[i].pop_back();
                    break;
                }
                case 1: {
                    const std::uint32_t x = rng() % 50;
                    lists.erase_one(i, x);
                    if (auto it = std::find(want[i].begin(), want[i].end(), x); it != want[i].end()) {
                        *it = want[i].back();
                        want[i].pop_back();
                    }
                    break;
                }
                default: {
                    const std::uint32_t x = rng() % 50;
                    lists.push_back(i, x);
                    want[i].push_back(x);
                }
            }
            REQUIRE(lists.size() == want.size());
            for (std::uint32_t j = 0; j < want.size(); ++j) {
                const auto got = lists[j];
                REQUIRE(std::vector<std::uint32_t>(got.begin(), got.end()) == want[j]);
            }
        }
    }
}

TEST_CASE("IncrementalEvaluation names base and added claims right after adds, removals and restores") {
    auto g = std::make_shared<Graph>();
    for (const char* id : {"a", "b", "c"}) g->add_claim({.id = id, .base = 0.5});
    g->add_edge({.id = "e1", .kind = EdgeKind::attack, .from = "a", .to = "b"});
    g->add_edge({.id = "e2", .kind = EdgeKind::support, .from = "c", .to = "b"});
    for (const Request& request : {Request{"grounded", {{"support", "evidential"}}}, Request{"hcat", {}}}) {
        CAPTURE(request.semantics);
        IncrementalEvaluation live(Scenario(g), request);
        auto same = [&] { test::check_same_answer(live.result(), evaluate(live.scenario(), request)); };
        same();
        live.remove_claim("a");
        live.add_claim({.id = "n", .base = 0.4, .tags = {"prima_facie"}});
        live.add_edge({.id = "e1", .kind = EdgeKind::attack, .from = "n", .to = "c"});
        same();
        live.add_claim({.id = "a", .base = 0.9, .tags = {"prima_facie"}});  // a new claim under a's id
        live.add_edge({.kind = EdgeKind::support, .from = "a", .to = "n"});
        same();
        live.remove_claim("c");
        live.remove_claim("n");
        same();
        live.restore_claim("c");
        live.add_claim({.id = "n", .base = 0.2});
        live.add_edge({.id = "e5", .kind = EdgeKind::attack, .from = "c", .to = "n"});
        same();
    }
}
