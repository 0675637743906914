#include <doctest/doctest.h>

#include "agon/error.hpp"
#include "agon/bipolar.hpp"
#include "agon/graph.hpp"
#include "error_of.hpp"

using namespace agon;

namespace {
Graph abc() {
    Graph g;
    g.add_claim({.id = "a", .text = "A"});
    g.add_claim({.id = "b", .text = "B"});
    g.add_claim({.id = "c", .text = "C"});
    g.add_edge({.id = "e1", .kind = EdgeKind::attack, .from = "a", .to = "b"});
    g.add_edge({.id = "e2", .kind = EdgeKind::support, .from = "c", .to = "b"});
    g.add_edge({.id = "u1", .kind = EdgeKind::undercut, .from = "c", .to = "e1"});
    return g;
}
}  // namespace

TEST_CASE("graph keeps insertion order and finds by id") {
    Graph g = abc();
    REQUIRE(g.claims().size() == 3);
    CHECK(g.claims()[1].id == "b");
    CHECK(g.find_claim("c")->text == "C");
    CHECK(g.find_edge("u1")->kind == EdgeKind::undercut);
    CHECK(g.find_claim("zz") == nullptr);
}

TEST_CASE("graph validation rejects bad input without changing the graph") {
    Graph g = abc();
    CHECK_THROWS_AS(g.add_claim({.id = "a"}), Error);
    CHECK_THROWS_AS(g.add_claim({.id = ""}), Error);
    CHECK_THROWS_AS(g.add_claim({.id = "d", .base = 1.5}), Error);
    CHECK_THROWS_AS(g.add_edge({.id = "e1", .kind = EdgeKind::attack, .from = "a", .to = "c"}), Error);
    CHECK_THROWS_AS(g.add_edge({.id = "x", .kind = EdgeKind::attack, .from = "a", .to = "nope"}), Error);
    CHECK_THROWS_AS(g.add_edge({.id = "x", .kind = EdgeKind::attack, .from = "a", .to = "c", .weight = -1}), Error);
    CHECK_THROWS_AS(g.add_edge({.id = "x", .kind = EdgeKind::undercut, .from = "a", .to = "b"}), Error);
    CHECK(g.claims().size() == 3);
    CHECK(g.edges().size() == 3);
    CHECK(test::error_message([&] { g.add_edge({.id = "x", .kind = EdgeKind::undercut, .from = "a", .to = "c"}); })
              .find("must point at an edge") != std::string::npos);
}

TEST_CASE("removing a claim removes its edges and the undercuts on them") {
    Graph g = abc();
    g.remove_claim("a");
    CHECK(g.claims().size() == 2);
    REQUIRE(g.edges().size() == 1);
    CHECK(g.edges()[0].id == "e2");
    CHECK(g.claim_index("c") == 1u);
}

TEST_CASE("removing an edge removes undercuts aimed at it") {
    Graph g = abc();
    g.remove_edge("e1");
    REQUIRE(g.edges().size() == 1);
    CHECK(g.edges()[0].id == "e2");
    CHECK_THROWS_AS(g.remove_edge("e1"), Error);
}

TEST_CASE("updates validate ranges") {
    Graph g = abc();
    g.set_base("a", 0.9);
    CHECK(g.find_claim("a")->base == 0.9);
    CHECK_THROWS_AS(g.set_base("a", -0.1), Error);
    CHECK_THROWS_AS(g.set_weight("e1", -2), Error);
    g.set_weight("e1", 0.25);
    CHECK(g.find_edge("e1")->weight == 0.25);
    CHECK(g.find_edge(g.fresh_edge_id()) == nullptr);
}

TEST_CASE("claim kinds, edge kinds and support modes read back from their names") {
    for (ClaimKind k : {ClaimKind::statement, ClaimKind::argument}) CHECK(claim_kind_from_string(to_string(k)) == k);
    for (EdgeKind k : {EdgeKind::support, EdgeKind::attack, EdgeKind::undercut})
        CHECK(edge_kind_from_string(to_string(k)) == k);
    for (SupportMode m : {SupportMode::none, SupportMode::deductive, SupportMode::necessary, SupportMode::evidential})
        CHECK(support_mode_from_string(to_string(m)) == m);
    CHECK(to_string(EdgeKind::undercut) == "undercut");
    CHECK(!edge_kind_from_string("Attack"));
    CHECK(!support_mode_from_string(""));
}
