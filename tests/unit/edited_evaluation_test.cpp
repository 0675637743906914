// Attributions, Shapley values, tornado bars and the ACH matrix re-evaluate
// their edits from the unedited answer (explain/edit.hpp, incremental where
// the semantics has an incremental path); each number must equal the one
// evaluate() gives on the edited snapshot built afresh.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "agon/explain.hpp"
#include "agon/snapshot.hpp"
#include "explain/edit.hpp"
#include "report/sections.hpp"
#include "edited_snapshot.hpp"
#include "same_answer.hpp"

using namespace agon;
using agon::test::Edit;
using agon::test::evaluate_after;
using agon::test::value_after;

namespace {

Edit cut_one(const Snapshot& s, std::uint32_t v) {
    Edit e;
    e.cut.assign(s.size(), 0);
    e.cut[v] = 1;
    return e;
}

const std::vector<Request> kRequests = {{"grounded", {}}, {"hcat", {}}, {"dfquad", {}}, {"euler", {}}, {"preferred", {}}};

}  // namespace

TEST_CASE("attributions and Shapley values re-evaluated in place equal evaluation of each edit from scratch") {
    std::mt19937 rng(77);
    for (int round = 0; round < 4; ++round) {
        const auto g = test::random_claim_graph(rng, 14, round < 2 ? 12 : 30);
        const Snapshot s = Snapshot::of(*g);
        for (const Request& req : kRequests)
            for (std::uint32_t t : {0u, 5u, 9u}) {
                CAPTURE(round);
                CAPTURE(req.semantics);
                CAPTURE(t);
                const double full = evaluate(s, req).value(t);
                for (const Attribution& a : attributions(s, req, t)) {
                    CHECK(std::abs(a.removal - (full - value_after(s, req, cut_one(s, a.claim), t))) <= 1e-8);
                    Edit up, down;
                    up.base = down.base = std::vector<double>(s.size());
                    for (std::uint32_t v = 0; v < s.size(); ++v) up.base[v] = down.base[v] = s.base(v);
                    const double lo = std::max(0.0, s.base(a.claim) - 1e-4), hi = std::min(1.0, s.base(a.claim) + 1e-4);
                    up.base[a.claim] = hi;
                    down.base[a.claim] = lo;
                    const double gradient = (value_after(s, req, up, t) - value_after(s, req, down, t)) / (hi - lo);
                    // A difference quotient over 2e-4 magnifies the 1e-10 stopping rule of either answer.
                    CHECK(std::abs(a.gradient - gradient) <= 1e-5);
                }
                const auto players = attributions(s, req, t);
                if (players.size() > 6) continue;
                double sum = 0;
                for (const auto& [v, phi] : shapley(s, req, t)) sum += phi;
                Edit none;
                none.cut.assign(s.size(), 0);
                for (const Attribution& a : players) none.cut[a.claim] = 1;
                CHECK(std::abs(sum - (full - value_after(s, req, none, t))) <= 1e-8);
            }
    }
}

TEST_CASE("tornado bars and the ACH matrix re-evaluated in place equal evaluation of each edit from scratch") {
    std::mt19937 rng(78);
    for (int round = 0; round < 4; ++round) {
        auto g = test::random_claim_graph(rng, 14, round < 2 ? 12 : 30);
        Uncertainty u;
        for (const Edge& e : g->edges()) u.weight_range[e.id] = {0.1, 0.9};
        Graph tagged;
        for (Claim c : g->claims()) {
            const int i = std::stoi(c.id.substr(1));
            if (i < 3) c.tags = {"hypothesis"};
            else if (i % 2) c.tags = {"evidence"};
            tagged.add_claim(c);
        }
        for (const Edge& e : g->edges()) tagged.add_edge(e);
        const Snapshot s = Snapshot::of(tagged);
        for (const Request& req : kRequests) {
            CAPTURE(round);
            CAPTURE(req.semantics);
            const auto bars = report_detail::tornado(s, req, 1, u, {});
            CHECK_FALSE(bars.empty());
            for (const ReportTornadoBar& bar : bars) {
                Edit low, high;
                if (bar.weight) {
                    low.weight = high.weight = std::vector<double>(s.edge_count());
                    for (std::uint32_t e = 0; e < s.edge_count(); ++e) low.weight[e] = high.weight[e] = s.edge_weight(e);
                    low.weight[*tagged.edge_index(bar.input)] = bar.low;
                    high.weight[*tagged.edge_index(bar.input)] = bar.high;
                } else {
                    low.base = high.base = std::vector<double>(s.size());
                    for (std::uint32_t v = 0; v < s.size(); ++v) low.base[v] = high.base[v] = s.base(v);
                    low.base[*s.index_of(bar.input)] = bar.low;
                    high.base[*s.index_of(bar.input)] = bar.high;
                }
                CHECK(std::abs(bar.at_low - value_after(s, req, low, 1)) <= 1e-8);
                CHECK(std::abs(bar.at_high - value_after(s, req, high, 1)) <= 1e-8);
            }
            const Result baseline = evaluate(s, req);
            const ReportHypotheses ach = report_detail::competing_hypotheses(tagged, s, req, baseline, 0.5, {});
            REQUIRE(ach.hypotheses.size() == 3);
            for (std::size_t i = 0; i < ach.evidence.size(); ++i)
                for (std::uint32_t h = 0; h < 3; ++h) {
                    const ReportAchCell& cell = ach.cells[i][h];
                    if (!cell.support_path && !cell.attack_path) continue;
                    const double effect = baseline.value(h) - value_after(s, req, cut_one(s, *s.index_of(ach.evidence[i])), h);
                    CHECK(std::abs(cell.effect - effect) <= 1e-8);
                }
        }
    }
}

TEST_CASE("labels under every extension semantics re-evaluated after random cuts equal evaluation of each edit from scratch") {
    // The edits of a hinge search and of robustness samples (claims cut off,
    // bases moved), one after another, some going back to an earlier one:
    // complete, preferred, semi-stable, ideal and stage answer them from the
    // repaired grounded labelling and the part it leaves undecided
    // (incremental/part_labels.hpp), the kept parts included.
    std::mt19937 rng(31);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    int open = 0, settled = 0;
    for (int round = 0; round < 6; ++round) {
        CAPTURE(round);
        const auto g = test::random_claim_graph(rng, round < 3 ? 9 : 12, round % 2 == 0 ? 14 : 26);
        const Snapshot s = Snapshot::of(*g);
        const std::uint32_t n = s.size();
        // One edit sequence per round, the same for every request.
        std::vector<Edit> edits(1);
        edits[0].cut.assign(n, 0);
        for (int step = 1; step < 30; ++step) {
            if (step >= 2 && rng() % 3 == 0) {
                edits.push_back(edits[edits.size() - 2]);
                continue;
            }
            Edit e;
            e.cut.assign(n, 0);
            for (std::uint32_t k = rng() % 4; k > 0; --k) e.cut[rng() % n] = 1;
            if (rng() % 2) {
                e.base.resize(n);
                for (double& b : e.base) b = unit(rng);
            }
            edits.push_back(std::move(e));
        }
        for (const char* semantics : {"complete", "preferred", "semi-stable", "ideal", "stage", "stable", "grounded"})
            for (const char* support : {"none", "deductive", "necessary"}) {
                CAPTURE(semantics);
                CAPTURE(support);
                const Request request{semantics, {{"support", support}}};
                detail::EditedEvaluation edited(s, request);
                for (std::size_t step = 0; step < edits.size(); ++step) {
                    CAPTURE(step);
                    edited.evaluate({edits[step].cut, edits[step].base, {}}, {});
                    const Result want = evaluate_after(s, request, edits[step]);
                    for (std::uint32_t v = 0; v < n; ++v) CHECK(edited.label(v) == want.labels[v]);
                    const Result grounded = evaluate_after(s, {"grounded", {{"support", support}}}, edits[step]);
                    (std::count(grounded.labels.begin(), grounded.labels.end(), Label::undec) > 0 ? open : settled)++;
                }
            }
    }
    // Both cases: a part left undecided, and everything decided by grounded.
    CHECK(open > 300);
    CHECK(settled > 300);
    MESSAGE(open << " edits with an undecided part, " << settled << " without");
}
