#include <doctest/doctest.h>

#include <algorithm>

#include "agon/framework.hpp"
#include "agon/io.hpp"
#include "agon/snapshot.hpp"

using namespace agon;

TEST_CASE("snapshot adjacency matches the graph") {
    Graph g;
    for (const char* id : {"a", "b", "c"}) g.add_claim({.id = id, .base = 0.3});
    g.add_edge({.id = "e1", .kind = EdgeKind::attack, .from = "a", .to = "b"});
    g.add_edge({.id = "e2", .kind = EdgeKind::support, .from = "c", .to = "b"});
    g.add_edge({.id = "e3", .kind = EdgeKind::attack, .from = "c", .to = "b", .weight = 0.5});
    g.add_edge({.id = "u", .kind = EdgeKind::undercut, .from = "a", .to = "e2"});
    Snapshot s = Snapshot::of(g);
    REQUIRE(s.size() == 3);
    CHECK(s.edge_count() == 4);
    CHECK(s.base(1) == 0.3);
    CHECK(s.index_of("c") == 2u);
    CHECK(!s.index_of("zz"));
    auto att = s.attackers().neighbours(1);
    CHECK(std::vector<std::uint32_t>(att.begin(), att.end()) == std::vector<std::uint32_t>{0, 2});
    CHECK(s.edge_weight(s.attackers().edge_ids(1)[1]) == 0.5);
    CHECK(s.supporters().degree(1) == 1);
    CHECK(s.supported().neighbours(2)[0] == 1);
    CHECK(s.attacked().degree(0) == 1);
    REQUIRE(s.undercutters().degree(1) == 1);  // edge e2 has index 1
    CHECK(s.undercutters().neighbours(1)[0] == 0);
    CHECK(s.edge_id(3) == "u");
    CHECK(s.has_supports());
    CHECK(s.has_undercuts());
}

TEST_CASE("framework snapshots use ICCMA numbering without stored names") {
    Snapshot s = Snapshot::of(parse_framework("p af 3\n1 2\n", Format::i23, "f"));
    CHECK(s.id(2) == "3");
    CHECK(s.index_of("2") == 1u);
    CHECK(!s.index_of("0"));
    CHECK(!s.index_of("4"));
    CHECK(!s.index_of("02"));
    CHECK(s.base(0) == 1.0);
}

TEST_CASE("condensation finds cycles and orders components topologically") {
    // x -> a -> b -> c -> a (cycle), c -> d; e isolated; f self-attacks.
    Snapshot s = Snapshot::of(parse_framework(
        "arg(x).arg(a).arg(b).arg(c).arg(d).arg(e).arg(f).att(x,a).att(a,b).att(b,c).att(c,a).att(c,d).att(f,f).",
        Format::apx, "f"));
    Condensation c = condense(s, Dependencies::attacks);
    CHECK(c.count() == 5);
    CHECK(c.component[1] == c.component[2]);
    CHECK(c.component[2] == c.component[3]);
    CHECK(c.component[0] != c.component[1]);
    CHECK(c.cyclic[c.component[1]]);
    CHECK(c.cyclic[c.component[6]]);
    CHECK(!c.cyclic[c.component[0]]);
    CHECK(!c.acyclic());
    REQUIRE(c.order.size() == c.count());
    auto pos = [&](std::uint32_t v) {
        return std::find(c.order.begin(), c.order.end(), c.component[v]) - c.order.begin();
    };
    CHECK(pos(0) < pos(1));
    CHECK(pos(3) < pos(4));
    CHECK(c.members.degree(c.component[1]) == 3);
}

TEST_CASE("condensation with all dependencies follows supports and undercuts") {
    Graph g;
    for (const char* id : {"a", "b", "z"}) g.add_claim({.id = id});
    g.add_edge({.id = "s", .kind = EdgeKind::support, .from = "a", .to = "b"});
    g.add_edge({.id = "u", .kind = EdgeKind::undercut, .from = "z", .to = "s"});
    g.add_edge({.id = "t", .kind = EdgeKind::attack, .from = "b", .to = "z"});
    Snapshot s = Snapshot::of(g);
    CHECK(condense(s, Dependencies::attacks).acyclic());
    Condensation all = condense(s, Dependencies::all);
    CHECK(all.component[1] == all.component[2]);  // b -> z (attack), z -> b (through the undercut)
    CHECK(!all.acyclic());
}
