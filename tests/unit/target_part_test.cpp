// Explanations evaluate a target's part - the target and the claims with a
// path of edges to it - where its answer depends on nothing else
// (explain/edit.hpp). Every answer must be the whole graph's: checked
// against evaluations of the whole snapshot, edited and built afresh.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "agon/explain.hpp"
#include "agon/snapshot.hpp"
#include "edited_snapshot.hpp"
#include "explain/edit.hpp"

using namespace agon;

namespace {

// n claims and m edges: attacks, supports and a tenth undercuts. Acyclic:
// every edge (an undercut: its source and the claim its edge reads into)
// leads from a lower claim to a higher one. Sparse enough that most targets
// have a part smaller than the graph. Some graphs tag a claim prima facie.
Snapshot random_snapshot(std::mt19937& rng, int n, int m, bool acyclic) {
    Graph g;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const int tagged = std::uniform_int_distribution<int>(-n, n - 1)(rng);
    for (int i = 0; i < n; ++i) {
        Claim c{.id = "c" + std::to_string(i), .base = unit(rng)};
        if (i == tagged) c.tags.push_back("prima_facie");
        g.add_claim(c);
    }
    std::uniform_int_distribution<int> pick(0, n - 1);
    std::vector<int> reads_into;  // per edge: the claim it finally reads into
    for (int e = 0; e < m; ++e) {
        const int kind = std::uniform_int_distribution<int>(0, 9)(rng);
        if (kind == 0 && !reads_into.empty()) {
            const auto k = std::uniform_int_distribution<std::size_t>(0, reads_into.size() - 1)(rng);
            const int from = acyclic ? std::uniform_int_distribution<int>(0, std::max(0, reads_into[k] - 1))(rng) : pick(rng);
            if (acyclic && from >= reads_into[k]) continue;
            g.add_edge({.kind = EdgeKind::undercut, .from = "c" + std::to_string(from), .to = g.edges()[k].id,
                        .weight = unit(rng)});
            reads_into.push_back(reads_into[k]);
        } else {
            int from = pick(rng), to = pick(rng);
            if (acyclic && from == to) continue;
            if (acyclic && from > to) std::swap(from, to);
            g.add_edge({.kind = kind < 4 ? EdgeKind::support : EdgeKind::attack, .from = "c" + std::to_string(from),
                        .to = "c" + std::to_string(to), .weight = unit(rng)});
            reads_into.push_back(to);
        }
    }
    return Snapshot::of(g);
}

const std::vector<Request> kLocal = {
    {"hcat", {}},     {"max", {}},       {"card", {}},      {"dfquad", {}}, {"quad", {}},
    {"euler", {}},    {"qe", {}},        {"mlp", {}},       {"grounded", {}}, {"complete", {}},
    {"preferred", {}}, {"ideal", {}},    {"grounded", {{"support", "evidential"}}}};

const std::vector<Request> kWhole = {
    {"stable", {}}, {"semi-stable", {}}, {"stage", {}}, {"carneades", {}}, {"burden-rank", {}},
    {"grounded", {{"support", "deductive"}}}, {"preferred", {{"support", "necessary"}}}};

template <class F>
void for_each_graph(F f) {
    std::mt19937 rng(2024);
    for (int round = 0; round < 8; ++round) {
        const bool acyclic = round % 2 == 0;
        const Snapshot s = random_snapshot(rng, 16, round < 4 ? 14 : 22, acyclic);
        CAPTURE(round);
        f(s);
    }
}

}  // namespace

TEST_CASE("a target's part holds its influencers and gives the whole graph's answers") {
    int strict = 0;
    for_each_graph([&](const Snapshot& s) {
        for (const Request& req : kLocal) {
            CAPTURE(req.semantics);
            const Result whole = evaluate(s, req);
            for (std::uint32_t t = 0; t < s.size(); ++t) {
                CAPTURE(t);
                const detail::TargetPart part(s, req, t);
                const Snapshot& p = part.snapshot();
                strict += p.size() < s.size();
                CHECK(part.original(part.target()) == t);
                std::vector<std::uint32_t> mapped;
                for (std::uint32_t v : detail::influencers(p, part.target())) mapped.push_back(part.original(v));
                CHECK(mapped == detail::influencers(s, t));
                const Result answer = evaluate(p, req);
                for (std::uint32_t v = 0; v < p.size(); ++v) {
                    CHECK(p.id(v) == s.id(part.original(v)));
                    CHECK(std::abs(answer.value(v) - whole.value(part.original(v))) <= 1e-9);
                }
            }
        }
        for (const Request& req : kWhole) {
            CAPTURE(req.semantics);
            CHECK(&detail::TargetPart(s, req, 3).snapshot() == &s);
        }
    });
    CHECK(strict > 100);  // the parts were smaller than the graph
}

TEST_CASE("attributions, Shapley values and hinge sets from a target's part are the whole graph's") {
    for_each_graph([&](const Snapshot& s) {
        for (const Request& req : kLocal) {
            CAPTURE(req.semantics);
            const bool labels = gives_labels(req.semantics);
            for (std::uint32_t t : {2u, 7u, 11u, 15u}) {
                CAPTURE(t);
                const std::vector<std::uint32_t> players = detail::influencers(s, t);
                auto status = [&](const test::Edit& e) {
                    const double x = test::value_after(s, req, e, t);
                    return labels ? x : x >= 0.5 ? 1.0 : 0.0;
                };
                const test::Edit none;
                const double full = test::value_after(s, req, none, t);
                // Attributions: the players, each removal the whole graph's.
                const std::vector<Attribution> got = attributions(s, req, t);
                std::set<std::uint32_t> claims;
                for (const Attribution& a : got) {
                    claims.insert(a.claim);
                    test::Edit cut;
                    cut.cut.assign(s.size(), 0);
                    cut.cut[a.claim] = 1;
                    CHECK(std::abs(a.removal - (full - test::value_after(s, req, cut, t))) <= 1e-8);
                }
                CHECK(claims == std::set<std::uint32_t>(players.begin(), players.end()));
                // Shapley values: player i's value against the whole graph's coalitions.
                if (players.size() <= 5) {
                    const auto k = players.size();
                    std::vector<double> value(std::size_t(1) << k);
                    for (std::size_t mask = 0; mask < value.size(); ++mask) {
                        test::Edit e;
                        e.cut.assign(s.size(), 0);
                        for (std::size_t i = 0; i < k; ++i) e.cut[players[i]] = (mask >> i) & 1 ? 0 : 1;
                        value[mask] = test::value_after(s, req, e, t);
                    }
                    for (const auto& [v, phi] : shapley(s, req, t)) {
                        const auto i = static_cast<std::size_t>(std::find(players.begin(), players.end(), v) - players.begin());
                        REQUIRE(i < k);
                        double want_phi = 0;
                        for (std::size_t mask = 0; mask < value.size(); ++mask) {
                            if ((mask >> i) & 1) continue;
                            const auto size = static_cast<std::size_t>(__builtin_popcountll(mask));
                            double w = 1;  // size! (k - size - 1)! / k!
                            for (std::size_t j = 1; j <= size; ++j) w *= static_cast<double>(j);
                            for (std::size_t j = 1; j + size + 1 <= k; ++j) w *= static_cast<double>(j);
                            for (std::size_t j = 1; j <= k; ++j) w /= static_cast<double>(j);
                            want_phi += w * (value[mask | (std::size_t(1) << i)] - value[mask]);
                        }
                        CHECK(std::abs(phi - want_phi) <= 1e-8);
                    }
                }
                // Hinge sets up to size 2, by brute force on the whole graph.
                const HingeReport h = hinges(s, req, t, 2);
                std::vector<std::vector<std::uint32_t>> want;
                std::uint64_t evaluations = 0;
                const double before = status(none);
                for (std::size_t size = 1; size <= std::min<std::size_t>(2, players.size()) && want.empty(); ++size)
                    for (std::size_t i = 0; i < players.size(); ++i)
                        for (std::size_t j = size == 1 ? i : i + 1; j < (size == 1 ? i + 1 : players.size()); ++j) {
                            test::Edit e;
                            e.cut.assign(s.size(), 0);
                            e.cut[players[i]] = e.cut[players[j]] = 1;
                            ++evaluations;
                            if (status(e) != before)
                                want.push_back(size == 1 ? std::vector<std::uint32_t>{players[i]}
                                                         : std::vector<std::uint32_t>{players[i], players[j]});
                        }
                CHECK(h.sets == want);
                CHECK(h.evaluations == evaluations);
                CHECK(h.exact == (!want.empty() || players.size() <= 2));
            }
        }
    });
}
