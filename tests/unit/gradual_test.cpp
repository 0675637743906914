// Properties the gradual-semantics papers prove, checked on hand-computed cases.
#include <doctest/doctest.h>

#include <cmath>

#include "agon/error.hpp"
#include "agon/semantics.hpp"
#include "error_of.hpp"

using namespace agon;

namespace {

struct Builder {
    Graph g;
    Builder& claim(const char* id, double base) {
        g.add_claim({.id = id, .base = base});
        return *this;
    }
    Builder& edge(const char* from, const char* to, EdgeKind kind, double w = 1.0, const char* id = "") {
        g.add_edge({.id = id, .kind = kind, .from = from, .to = to, .weight = w});
        return *this;
    }
};

std::vector<double> eval(const Graph& g, const char* sem, std::map<std::string, std::string> params = {}) {
    return evaluate(Snapshot::of(g), Request{sem, std::move(params)}).strength;
}

}  // namespace

TEST_CASE("DF-QuAD keeps the base score without relations and when attack and support balance") {
    Builder b;
    b.claim("lone", 0.3).claim("t", 0.6).claim("x", 0.7).claim("y", 0.7);
    b.edge("x", "t", EdgeKind::attack).edge("y", "t", EdgeKind::support);
    auto s = eval(b.g, "dfquad");
    CHECK(s[0] == doctest::Approx(0.3));
    CHECK(s[1] == doctest::Approx(0.6));
}

TEST_CASE("DF-QuAD reproduces the Rago et al. 2016 e-democracy example") {
    // SEMANTICS.md §6 (graph of Uncertainpy's RagoEtAlEDemocracy.bag), by hand:
    // P2 = 0.5 - 0.5 (1 - 0.8 * 0.4 * 0.5) = 0.08; A1 = 0.5 + 0.5 (1 - 0.3 * 0.92) = 0.862;
    // A2 = 0.5 + 0.5 (0.9 - 0.2) = 0.85.
    Builder b;
    b.claim("A1", 0.5).claim("A2", 0.5).claim("P1", 0.7).claim("P2", 0.5).claim("P3", 0.9);
    b.claim("C1", 0.2).claim("C2", 0.2).claim("C3", 0.6).claim("C4", 0.5);
    b.edge("C1", "A2", EdgeKind::attack).edge("C2", "P2", EdgeKind::attack).edge("C3", "P2", EdgeKind::attack);
    b.edge("C4", "P2", EdgeKind::attack).edge("P1", "A1", EdgeKind::support).edge("P2", "A1", EdgeKind::support);
    b.edge("P3", "A2", EdgeKind::support);
    Result r = evaluate(Snapshot::of(b.g), Request{"dfquad", {}});
    CHECK(r.method == "topological");
    CHECK(r.iterations == 0);
    CHECK(r.converged);
    CHECK(r.strength[0] == doctest::Approx(0.862).epsilon(1e-12));
    CHECK(r.strength[1] == doctest::Approx(0.85).epsilon(1e-12));
    CHECK(r.strength[3] == doctest::Approx(0.08).epsilon(1e-12));
}

TEST_CASE("DF-QuAD is monotonic in the base score") {
    for (int i = 0; i <= 10; ++i) {
        const double base = i / 10.0;
        for (EdgeKind kind : {EdgeKind::attack, EdgeKind::support}) {
            Builder lo, hi;
            lo.claim("t", base).claim("a", 0.8).edge("a", "t", kind);
            hi.claim("t", std::min(1.0, base + 0.05)).claim("a", 0.8).edge("a", "t", kind);
            CHECK(eval(lo.g, "dfquad")[0] <= eval(hi.g, "dfquad")[0] + 1e-12);
        }
    }
}

TEST_CASE("h-categorizer max-based and card-based mutual attack have closed forms") {
    // x = 1 / (1 + x) for hcat and max, x = 1 / (2 + x) for card (SEMANTICS.md §6).
    Builder b;
    b.claim("a", 1).claim("b", 1).edge("a", "b", EdgeKind::attack).edge("b", "a", EdgeKind::attack);
    Result h = evaluate(Snapshot::of(b.g), Request{"hcat", {{"epsilon", "1e-12"}}});
    CHECK(h.method == "jacobi");
    CHECK(h.converged);
    CHECK(h.iterations > 1);
    CHECK(h.strength[0] == doctest::Approx((std::sqrt(5.0) - 1) / 2).epsilon(1e-10));
    CHECK(eval(b.g, "max")[1] == doctest::Approx((std::sqrt(5.0) - 1) / 2).epsilon(1e-9));
    CHECK(eval(b.g, "card")[0] == doctest::Approx(std::sqrt(2.0) - 1).epsilon(1e-9));
}

TEST_CASE("card-based counts only attackers with a positive base score") {
    // t is attacked by dead (base 0) and live (base 1): n = 1, so t = 1 / (1 + 1 + 1 / 1).
    Builder b;
    b.claim("t", 1).claim("dead", 0).claim("live", 1).edge("dead", "t", EdgeKind::attack).edge("live", "t", EdgeKind::attack);
    CHECK(eval(b.g, "card")[0] == doctest::Approx(1.0 / 3.0));
    CHECK(eval(b.g, "hcat")[0] == doctest::Approx(0.5));  // hcat sums: 1 / (1 + 0 + 1)
}

TEST_CASE("sum-based semantics on one supporter of strength 1") {
    // t = 0.5, E = 1: qe = 0.5 + 0.5 h(1) = 0.75; mlp = logistic(logit(0.5) + 1);
    // euler = 1 - 0.75 / (1 + 0.5 e).
    Builder b;
    b.claim("t", 0.5).claim("s", 1).edge("s", "t", EdgeKind::support);
    CHECK(eval(b.g, "qe")[0] == doctest::Approx(0.75));
    CHECK(eval(b.g, "mlp")[0] == doctest::Approx(0.7310585786300049));
    CHECK(eval(b.g, "euler")[0] == doctest::Approx(1.0 - 0.75 / (1.0 + 0.5 * std::exp(1.0))));
}

TEST_CASE("MLP-based keeps base scores 0 and 1 and survives huge energies") {
    Builder b;
    b.claim("zero", 0).claim("one", 1).claim("t", 0.5).claim("s", 1);
    for (const char* t : {"zero", "one", "t"}) b.edge("s", t, EdgeKind::support, 1000.0);
    b.edge("s", "one", EdgeKind::attack, 5000.0);
    auto s = eval(b.g, "mlp");
    CHECK(s[0] == 0.0);
    CHECK(s[1] == 1.0);
    CHECK(s[2] == 1.0);
    CHECK(eval(b.g, "euler")[2] == 1.0);  // E = 1000 > 700: the exp overflow guard
}

TEST_CASE("Euler-based fixes base scores 0 and 1 and bounds attacks below by the squared base") {
    Builder b;
    b.claim("zero", 0).claim("one", 1).claim("t", 0.5).claim("a", 1).claim("s", 1);
    for (const char* t : {"zero", "one", "t"})
        for (int i = 0; i < 3; ++i) b.edge("a", t, EdgeKind::attack);
    b.edge("s", "zero", EdgeKind::support);
    auto s = eval(b.g, "euler");
    CHECK(s[0] == 0.0);
    CHECK(s[1] == 1.0);
    CHECK(s[2] > 0.25);
    CHECK(s[2] < 0.5);
}

TEST_CASE("QuAD treats an absent relation as nil, not as zero") {
    Builder none, att, sup, both;
    none.claim("t", 0.4);
    CHECK(eval(none.g, "quad")[0] == doctest::Approx(0.4));  // both nil: the base score
    att.claim("t", 0.5).claim("a", 0).edge("a", "t", EdgeKind::attack);
    CHECK(eval(att.g, "quad")[0] == doctest::Approx(0.5));  // va = 0.5 * (1 - 0)
    sup.claim("t", 0.4).claim("s", 0.5).edge("s", "t", EdgeKind::support);
    CHECK(eval(sup.g, "quad")[0] == doctest::Approx(0.7));  // vs = 1 - 0.6 * 0.5
    both.claim("t", 0.5).claim("a", 0).claim("s", 0).edge("a", "t", EdgeKind::attack).edge("s", "t", EdgeKind::support);
    CHECK(eval(both.g, "quad")[0] == doctest::Approx(0.5));  // (0.5 + 0.5) / 2
    CHECK(eval(both.g, "dfquad")[0] == doctest::Approx(0.5));
    // The discontinuity: an attacker of strength 0 switches the average on.
    sup.claim("a", 0).edge("a", "t", EdgeKind::attack);
    CHECK(eval(sup.g, "quad")[0] == doctest::Approx((0.4 + 0.7) / 2));
}

TEST_CASE("cyclic DF-QuAD mutual attack with base 1 settles at 0.5 under RK4") {
    Builder b;
    b.claim("a", 1).claim("b", 1).edge("a", "b", EdgeKind::attack).edge("b", "a", EdgeKind::attack);
    Result r = evaluate(Snapshot::of(b.g), Request{"dfquad", {}});
    CHECK(r.method == "rk4");
    CHECK(r.converged);
    CHECK(r.strength[0] == doctest::Approx(0.5).epsilon(1e-8));
}

TEST_CASE("non-convergence is reported with the iteration count") {
    Builder b;
    b.claim("a", 1).claim("b", 1).edge("a", "b", EdgeKind::attack).edge("b", "a", EdgeKind::attack);
    Result r = evaluate(Snapshot::of(b.g), Request{"dfquad", {{"max_iterations", "3"}}});
    CHECK(!r.converged);
    CHECK(r.iterations == 3);
    CHECK(!r.warnings.empty());
    Result jacobi = evaluate(Snapshot::of(b.g), Request{"dfquad", {{"method", "jacobi"}, {"max_iterations", "50"}}});
    CHECK(!jacobi.converged);  // flips (1,1) -> (0,0) -> (1,1)
}

TEST_CASE("an undercut scales the edge it attacks") {
    Builder b;
    b.claim("t", 1).claim("a", 1).claim("u", 1).edge("a", "t", EdgeKind::attack, 1.0, "e1").edge("u", "e1", EdgeKind::undercut, 0.5);
    // w_eff(e1) = 1 * (1 - min(1, 0.5 * 1)) = 0.5, so hcat(t) = 1 / (1 + 0.5).
    CHECK(eval(b.g, "hcat")[0] == doctest::Approx(1.0 / 1.5));
}

TEST_CASE("an undercut of an undercut restores the attack") {
    // w_eff(e2) = 1 - min(1, 1 * 1) = 0, so w_eff(e1) = 1 and hcat(t) = 1 / 2.
    Builder b;
    b.claim("t", 1).claim("a", 1).claim("u", 1).claim("v", 1);
    b.edge("a", "t", EdgeKind::attack, 1.0, "e1").edge("u", "e1", EdgeKind::undercut, 1.0, "e2");
    b.edge("v", "e2", EdgeKind::undercut, 1.0, "e3");
    CHECK(eval(b.g, "hcat")[0] == doctest::Approx(0.5));
    CHECK(eval(b.g, "dfquad")[0] == doctest::Approx(0.0));
}

TEST_CASE("a claim with more attackers than the prefetch distance") {
    // 100 unattacked attackers of strength 0.5: hcat = 1 / (1 + 50), dfquad = 0.5^100 ~ 0.
    Builder b;
    b.claim("t", 1);
    std::vector<std::string> ids;
    for (int i = 0; i < 100; ++i) ids.push_back("a" + std::to_string(i));
    for (const auto& id : ids) {
        b.g.add_claim({.id = id, .base = 0.5});
        b.g.add_edge({.kind = EdgeKind::attack, .from = id, .to = "t"});
    }
    CHECK(eval(b.g, "hcat")[0] == doctest::Approx(1.0 / 51.0));
    CHECK(eval(b.g, "dfquad")[0] == doctest::Approx(std::pow(0.5, 100)));
}

TEST_CASE("burden ranking prefers unattacked claims") {
    Builder b;
    b.claim("a", 0.5).claim("b", 0.5).claim("c", 0.5).edge("a", "b", EdgeKind::attack).edge("b", "c", EdgeKind::attack);
    auto bur = eval(b.g, "burden", {{"depth", "2"}});
    CHECK(bur[0] == 1.0);
    CHECK(bur[1] == 2.0);
    CHECK(bur[2] == doctest::Approx(1.5));  // 1 + 1/Bur_1(b) = 1 + 1/2
    auto rank = eval(b.g, "burden_rank", {{"depth", "2"}});
    CHECK(rank == std::vector<double>{1, 3, 2});
}

TEST_CASE("bad gradual parameters are usage errors") {
    Builder b;
    b.claim("a", 0.5).claim("b", 0.5).edge("a", "b", EdgeKind::attack, 2.0, "heavy");
    CHECK_THROWS_AS(eval(b.g, "dfquad"), Error);
    CHECK_NOTHROW(eval(b.g, "euler"));
    CHECK_THROWS_AS(eval(b.g, "hcat", {{"epsilon", "-1"}}), Error);
    CHECK_THROWS_AS(eval(b.g, "hcat", {{"epsilon", "0"}}), Error);
    CHECK_THROWS_AS(eval(b.g, "dfquad", {{"step", "1.5"}}), Error);
    CHECK_THROWS_AS(eval(b.g, "hcat", {{"max_iterations", "0"}}), Error);
    CHECK_THROWS_AS(eval(b.g, "hcat", {{"method", "magic"}}), Error);
    CHECK_THROWS_AS(eval(b.g, "hcat", {{"unknown", "1"}}), Error);
    const std::string message = test::error_message([&] { eval(b.g, "quad"); });
    CHECK(message.find("edge 'heavy' (a -> b) has weight 2;") != std::string::npos);
}
