// Explanations checked by independent means: dispute trees must be admissible
// defences, cycles must be real, hinge sets must match brute force, Shapley
// values must sum up, Monte Carlo must converge to known probabilities.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "agon/error.hpp"
#include "agon/explain.hpp"
#include "agon/io.hpp"
#include "brute_force.hpp"

using namespace agon;

namespace {

Graph random_graph(std::mt19937& rng, std::uint32_t n, double p) {
    Graph g;
    for (std::uint32_t i = 0; i < n; ++i) g.add_claim({.id = "a" + std::to_string(i)});
    std::bernoulli_distribution coin(p);
    for (std::uint32_t i = 0; i < n; ++i)
        for (std::uint32_t j = 0; j < n; ++j)
            if (coin(rng)) g.add_edge({.kind = EdgeKind::attack, .from = "a" + std::to_string(i), .to = "a" + std::to_string(j)});
    return g;
}

bool attacks(const Snapshot& s, std::uint32_t a, std::uint32_t b) {
    auto att = s.attackers().neighbours(b);
    return std::find(att.begin(), att.end(), a) != att.end();
}

// Grounded labelling by naive iteration of the characteristic function.
std::vector<Label> naive_grounded(const Snapshot& s) {
    const std::uint32_t n = s.size();
    std::vector<char> in(n, 0);
    for (bool changed = true; changed;) {
        changed = false;
        for (std::uint32_t v = 0; v < n; ++v) {
            if (in[v]) continue;
            bool defended = true;
            for (std::uint32_t b : s.attackers().neighbours(v)) {
                bool countered = false;
                for (std::uint32_t a : s.attackers().neighbours(b)) countered |= in[a] != 0;
                defended &= countered;
            }
            if (defended) in[v] = changed = true;
        }
    }
    std::vector<Label> out(n, Label::undec);
    for (std::uint32_t v = 0; v < n; ++v) {
        if (in[v]) out[v] = Label::in;
        for (std::uint32_t a : s.attackers().neighbours(v))
            if (in[a]) out[v] = Label::out;
    }
    return out;
}

// The in-claims of a dispute tree must form an admissible set.
bool admissible(const Snapshot& s, const std::set<std::uint32_t>& set) {
    for (std::uint32_t a : set)
        for (std::uint32_t b : set)
            if (attacks(s, a, b)) return false;
    for (std::uint32_t a : set)
        for (std::uint32_t b : s.attackers().neighbours(a)) {
            bool countered = false;
            for (std::uint32_t c : set) countered |= attacks(s, c, b);
            if (!countered) return false;
        }
    return true;
}

}  // namespace

TEST_CASE("grounded explanations are valid on random graphs") {
    std::mt19937 rng(7);
    int trees = 0, cycles = 0;
    for (int round = 0; round < 300; ++round) {
        Snapshot s = Snapshot::of(random_graph(rng, 3 + round % 10, 0.15 + 0.01 * (round % 20)));
        std::vector<Label> truth = naive_grounded(s);
        for (std::uint32_t t = 0; t < s.size(); ++t) {
            GroundedWhy why = explain_grounded(s, t);
            REQUIRE(why.label == truth[t]);
            if (why.label == Label::undec) {
                REQUIRE(!why.cycle.empty());
                for (std::size_t i = 0; i < why.cycle.size(); ++i) {
                    CHECK(truth[why.cycle[i]] == Label::undec);
                    CHECK(attacks(s, why.cycle[i], why.cycle[(i + 1) % why.cycle.size()]));
                }
                REQUIRE(!why.path.empty());
                CHECK(why.path.front() == why.cycle.front());
                CHECK(why.path.back() == t);
                for (std::size_t i = 0; i + 1 < why.path.size(); ++i) CHECK(attacks(s, why.path[i], why.path[i + 1]));
                ++cycles;
                continue;
            }
            std::set<std::uint32_t> defenders;
            std::set<std::uint32_t> answered;
            for (auto [a, b] : why.defeats) {
                CHECK(attacks(s, a, b));
                CHECK(truth[a] == Label::in);
                CHECK(truth[b] == Label::out);
                CHECK(answered.insert(b).second);  // each attacker answered once
                defenders.insert(a);
            }
            if (why.label == Label::out) {
                REQUIRE(!why.defeats.empty());
                CHECK(why.defeats.front().second == t);
            } else {
                defenders.insert(t);
            }
            // Every attacker of every in-claim of the tree is answered.
            for (std::uint32_t a : defenders)
                for (std::uint32_t b : s.attackers().neighbours(a)) CHECK(answered.count(b) == 1);
            CHECK(admissible(s, defenders));
            ++trees;
        }
    }
    CHECK(trees > 100);
    CHECK(cycles > 100);
}

// Minimum removal sets of claims other than `t` that change t's label under
// `request`, by removing every subset's edges from the Graph itself.
std::vector<std::vector<std::uint32_t>> brute_force_hinges(const Graph& g, const Request& request, std::uint32_t t) {
    const auto n = static_cast<std::uint32_t>(g.claims().size());
    const Label before = evaluate(Snapshot::of(g), request).labels[t];
    std::size_t best = n + 1;
    std::vector<std::vector<std::uint32_t>> best_sets;
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
        if (mask >> t & 1) continue;
        const auto size = static_cast<std::size_t>(__builtin_popcount(mask));
        if (size > best) continue;
        Graph h = g;
        for (std::uint32_t v = 0; v < n; ++v)
            if (mask >> v & 1) {
                // Isolate rather than delete so indices stay comparable.
                std::vector<std::string> dead;
                for (const Edge& e : h.edges())
                    if (e.from == g.claims()[v].id || e.to == g.claims()[v].id) dead.push_back(e.id);
                for (const auto& id : dead)
                    if (h.find_edge(id)) h.remove_edge(id);
            }
        if (evaluate(Snapshot::of(h), request).labels[t] == before) continue;
        std::vector<std::uint32_t> set;
        for (std::uint32_t v = 0; v < n; ++v)
            if (mask >> v & 1) set.push_back(v);
        if (size < best) best_sets.clear();
        best = size;
        best_sets.push_back(set);
    }
    std::sort(best_sets.begin(), best_sets.end());
    return best_sets;
}

TEST_CASE("hinge sets are minimum and complete against brute force") {
    std::mt19937 rng(11);
    const Request grounded{"grounded", {}};
    for (int round = 0; round < 60; ++round) {
        const std::uint32_t n = 4 + static_cast<std::uint32_t>(round % 9);  // up to 12 claims
        Graph g = random_graph(rng, n, 0.2);
        const std::uint32_t t = static_cast<std::uint32_t>(rng() % n);
        const auto best_sets = brute_force_hinges(g, grounded, t);
        HingeReport report = hinges(Snapshot::of(g), grounded, t, n);
        CAPTURE(round);
        CHECK(report.exact);
        CHECK(report.sets == best_sets);
        if (!best_sets.empty()) CHECK(report.at_least == best_sets.front().size());
    }
}

TEST_CASE("hinge sets reach claims without a path to the target where the semantics or support reading does") {
    // Under stable a self-attacking claim far away leaves no extension, so
    // removing it flips every claim; the search once looked only upstream.
    Graph far;
    far.add_claim({.id = "a"});
    far.add_claim({.id = "b"});
    far.add_edge({.kind = EdgeKind::attack, .from = "b", .to = "b"});
    const HingeReport r = hinges(Snapshot::of(far), Request{"stable", {}}, 0, 3);
    CHECK(r.exact);
    CHECK(r.sets == std::vector<std::vector<std::uint32_t>>{{1}});
    // Every extension semantics and support reading, against brute force.
    std::mt19937 rng(5);
    int flipped = 0;
    for (const char* semantics : {"grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal"})
        for (const char* support : {"none", "deductive", "necessary"})
            for (int round = 0; round < 12; ++round) {
                const std::uint32_t n = 3 + static_cast<std::uint32_t>(round % 5);
                Graph g = random_graph(rng, n, 0.2);
                std::bernoulli_distribution coin(0.15);
                for (std::uint32_t i = 0; i < n; ++i)
                    for (std::uint32_t j = 0; j < n; ++j)
                        if (i != j && coin(rng))
                            g.add_edge({.kind = EdgeKind::support, .from = "a" + std::to_string(i), .to = "a" + std::to_string(j)});
                const Request request{semantics, {{"support", support}}};
                const std::uint32_t t = static_cast<std::uint32_t>(rng() % n);
                const auto best_sets = brute_force_hinges(g, request, t);
                const HingeReport report = hinges(Snapshot::of(g), request, t, n);
                CAPTURE(semantics);
                CAPTURE(support);
                CAPTURE(round);
                CHECK(report.exact);
                CHECK(report.sets == best_sets);
                flipped += !best_sets.empty();
            }
    CHECK(flipped > 100);
}

TEST_CASE("hinge sets under the extension semantics on frameworks with cycles equal brute force") {
    // Dense random frameworks, so that the grounded labelling often leaves
    // the target undecided and removals move claims into and out of that
    // part (answered from the part alone, or from a part kept from an
    // earlier removal: incremental/part_labels.hpp).
    std::mt19937 rng(23);
    int flipped = 0, open = 0;
    for (const char* semantics : {"complete", "preferred", "semi-stable", "ideal", "stage"})
        for (int round = 0; round < 16; ++round) {
            const std::uint32_t n = 5 + static_cast<std::uint32_t>(round % 4);
            Graph g = random_graph(rng, n, 0.3);
            const Request request{semantics, {{"support", round % 3 == 0 ? "deductive" : "none"}}};
            if (round % 3 == 0) g.add_edge({.kind = EdgeKind::support, .from = "a0", .to = "a1"});
            const std::uint32_t t = static_cast<std::uint32_t>(rng() % n);
            const auto best_sets = brute_force_hinges(g, request, t);
            const HingeReport report = hinges(Snapshot::of(g), request, t, n);
            CAPTURE(semantics);
            CAPTURE(round);
            CHECK(report.exact);
            CHECK(report.sets == best_sets);
            flipped += !best_sets.empty();
            open += evaluate(Snapshot::of(g), Request{"grounded", request.params}).labels[t] == Label::undec;
        }
    CHECK(flipped > 40);
    CHECK(open > 15);
}

TEST_CASE("robustness labels under the extension semantics equal evaluation of the edited graph") {
    // Presence 0 or 1: every sample is the same edit, so its acceptance
    // probabilities are the labels of the graph without the absent claims'
    // edges (absent claims count as out), evaluated afresh.
    std::mt19937 rng(41);
    int undecided = 0;
    for (const char* semantics : {"complete", "preferred", "semi-stable", "ideal", "stage", "stable"})
        for (int round = 0; round < 10; ++round) {
            const std::uint32_t n = 6 + static_cast<std::uint32_t>(round % 4);
            const Graph g = random_graph(rng, n, 0.3);
            Uncertainty u;
            Graph h = g;
            for (std::uint32_t v = 0; v < n; ++v) {
                const std::string id = g.claims()[v].id;
                u.presence[id] = rng() % 4 == 0 ? 0.0 : 1.0;
                if (u.presence[id] == 1.0) continue;
                std::vector<std::string> dead;
                for (const Edge& e : h.edges())
                    if (e.from == id || e.to == id) dead.push_back(e.id);
                for (const auto& e : dead) h.remove_edge(e);
            }
            const Request request{semantics, {}};
            const Result want = evaluate(Snapshot::of(h), request);
            const Robustness r = robustness(Snapshot::of(g), request, u, 3, 7, {}, 1);
            CAPTURE(semantics);
            CAPTURE(round);
            for (std::uint32_t v = 0; v < n; ++v) {
                const bool absent = u.presence[g.claims()[v].id] == 0.0;
                CHECK(r.p_in[v] == (!absent && want.labels[v] == Label::in ? 1.0 : 0.0));
                CHECK(r.p_undec[v] == (!absent && want.labels[v] == Label::undec ? 1.0 : 0.0));
                undecided += !absent && want.labels[v] == Label::undec;
            }
        }
    CHECK(undecided > 20);
}

TEST_CASE("hinge search that is cut off says at least") {
    Snapshot s = Snapshot::of(parse_framework(
        "arg(t).arg(a).arg(b).arg(c).arg(x).att(a,t).att(b,t).att(c,t).att(x,a).att(x,b).att(x,c).", Format::apx, "f"));
    // t is in (x defeats all its attackers); only removing x flips it.
    HingeReport full = hinges(s, Request{"grounded", {}}, 0, 3);
    REQUIRE(full.sets.size() == 1);
    CHECK(full.sets[0] == std::vector<std::uint32_t>{4});
    HingeReport cut = hinges(s, Request{"grounded", {}}, 0, 3, {}, 0.5, 2);
    CHECK(!cut.exact);
    CHECK(cut.at_least == 1);
}

TEST_CASE("Shapley values sum to the total effect and removal attributions match graph edits") {
    std::mt19937 rng(5);
    for (int round = 0; round < 30; ++round) {
        Graph g = random_graph(rng, 6, 0.3);
        Snapshot s = Snapshot::of(g);
        const Request req{"grounded", {}};
        auto value = [&](const Snapshot& x, std::uint32_t t) {
            Label l = evaluate(x, req).labels[t];
            return l == Label::in ? 1.0 : l == Label::out ? 0.0 : 0.5;
        };
        const std::uint32_t t = 0;
        auto phi = shapley(s, req, t);
        double sum = 0;
        for (auto& [v, x] : phi) sum += x;
        // No coalition: every edge touching a claim other than the target goes.
        Graph bare = g;
        for (const Edge& e : g.edges())
            if ((e.from != g.claims()[t].id || e.to != g.claims()[t].id) && bare.find_edge(e.id)) bare.remove_edge(e.id);
        CHECK(sum == doctest::Approx(value(s, t) - value(Snapshot::of(bare), t)));
        for (const Attribution& a : attributions(s, req, t)) {
            Graph h = g;
            h.remove_claim(g.claims()[a.claim].id);
            h.add_claim({.id = g.claims()[a.claim].id});  // back, without edges
            Snapshot hs = Snapshot::of(h);
            CHECK(a.removal == doctest::Approx(value(s, t) - value(hs, *hs.index_of(g.claims()[t].id))));
        }
    }
}

TEST_CASE("Monte Carlo acceptance converges and is reproducible") {
    // t is attacked only by a; a is present with probability 0.3, so t is in with probability 0.7.
    Snapshot s = Snapshot::of(parse_framework("arg(t).arg(a).att(a,t).", Format::apx, "f"));
    Uncertainty u;
    u.presence["a"] = 0.3;
    const Request req{"grounded", {}};
    Robustness r = robustness(s, req, u, 4000, 42, {}, 2);
    CHECK(std::abs(r.p_in[0] - 0.7) < 3 * std::sqrt(0.7 * 0.3 / 4000));
    // a stands when present (it is unattacked) and is out when absent.
    CHECK(std::abs(r.p_in[1] - 0.3) < 3 * std::sqrt(0.7 * 0.3 / 4000));
    CHECK(r.p_in[1] + r.p_out[1] == doctest::Approx(1.0));
    Uncertainty gone;
    gone.presence["a"] = 0;
    const Robustness never = robustness(s, Request{"hcat", {}}, gone, 50, 3, {}, 1);
    CHECK(never.mean[1] == 0.0);  // never present: strength 0, not its base score
    CHECK(never.mean[0] == doctest::Approx(0.5).epsilon(0.25));  // t unattacked: about its base 0.5
    Robustness again = robustness(s, req, u, 4000, 42, {}, 1);
    CHECK(again.p_in == r.p_in);
    CHECK_THROWS_AS(robustness(s, req, u, 0, 1), Error);
    Uncertainty bad;
    bad.presence["nope"] = 0.5;
    CHECK_THROWS_AS(robustness(s, req, bad, 10, 1), Error);
    // Uncertainty built in code is checked as a file's is.
    for (const double spread : {-3.0, 1.5, std::nan("")}) {
        Uncertainty wide;
        wide.default_spread = spread;
        CHECK_THROWS_WITH(robustness(s, req, wide, 10, 1), doctest::Contains("the spread must be a number in [0,1]"));
    }
    Uncertainty range;
    range.base_range["t"] = {0.6, 0.4};
    CHECK_THROWS_WITH(robustness(s, req, range, 10, 1), doctest::Contains("base range of 't'"));
    Uncertainty present;
    present.presence["a"] = 2;
    CHECK_THROWS_WITH(robustness(s, req, present, 10, 1), doctest::Contains("presence of 'a'"));
}

TEST_CASE("Monte Carlo statistics are double-precise") {
    // An unattacked claim's DF-QuAD strength is its base score. Kept as float,
    // 0.3 read 0.30000001 and a range of width 1e-7 near 0.7 (float steps
    // there are 6e-8) collapsed onto two or three values.
    Snapshot s = Snapshot::of(parse_framework("arg(fixed).arg(narrow).", Format::apx, "f"));
    Uncertainty u;
    const double width = 1e-7;
    u.base_range["fixed"] = {0.3, 0.3};
    u.base_range["narrow"] = {0.7, 0.7 + width};
    const std::uint64_t samples = 4000;
    const Robustness r = robustness(s, Request{"dfquad", {}}, u, samples, 5, {}, 2);
    CHECK(std::abs(r.mean[0] - 0.3) < 1e-15);
    CHECK(r.stddev[0] < 1e-15);
    CHECK(r.q05[0] == 0.3);
    CHECK(r.q95[0] == 0.3);
    // Uniform on [0.7, 0.7 + width]: mean 0.7 + width/2, deviation width/sqrt(12),
    // quantiles 0.7 + q width; the margins are several sampling errors wide.
    CHECK(std::abs(r.mean[1] - (0.7 + width / 2)) < 4 * width / std::sqrt(12.0 * samples));
    CHECK(std::abs(r.stddev[1] - width / std::sqrt(12.0)) < 0.05 * width / std::sqrt(12.0));
    CHECK(std::abs(r.q05[1] - (0.7 + 0.05 * width)) < 0.02 * width);
    CHECK(std::abs(r.q95[1] - (0.7 + 0.95 * width)) < 0.02 * width);
}

TEST_CASE("a stop between Monte Carlo samples says why: time limit or cancelled") {
    Snapshot s = Snapshot::of(parse_framework("arg(t).arg(a).att(a,t).", Format::apx, "f"));
    Uncertainty u;
    u.presence["a"] = 0.3;
    const Request req{"grounded", {}};
    auto kind_of = [&](const Control& control) {
        try {
            robustness(s, req, u, 100, 1, control, 1);
        } catch (const Error& e) {
            return e.kind();
        }
        return ErrorKind::usage;  // not stopped: fails both checks below
    };
    Control late;
    late.deadline = Control::Clock::now() - std::chrono::seconds(1);
    CHECK(kind_of(late) == ErrorKind::limit);
    Control stopped;
    stopped.cancel.cancel();
    CHECK(kind_of(stopped) == ErrorKind::cancelled);
}

TEST_CASE("extension explanations are certificates a brute-force checker accepts") {
    using namespace agon::test;
    std::mt19937 rng(17);
    for (int round = 0; round < 60; ++round) {
        const Snapshot s = random_af(rng, 3 + round % 6, 0.25);
        const Brute brute(s);
        for (Sem sem : {Sem::complete, Sem::preferred, Sem::stable, Sem::semi_stable, Sem::stage, Sem::ideal}) {
            const Family family = brute.family(sem);
            for (std::uint32_t t = 0; t < s.size(); ++t) {
                CAPTURE(round);
                CAPTURE(static_cast<int>(sem));
                CAPTURE(t);
                const ExtensionWhy why = explain_extension(s, sem, t);
                bool some = false, every = true;
                for (const Extension& e : family) {
                    some |= contains(e, t);
                    every &= contains(e, t);
                }
                CHECK(why.credulous == some);
                CHECK(why.skeptical == every);
                CHECK(why.has_extension == !family.empty());
                REQUIRE(why.witness.has_value() == some);
                if (some) {
                    CHECK(family.count(*why.witness) == 1);
                    CHECK(contains(*why.witness, t));
                    // Every attacker of t is answered once, by a member of the witness that attacks it.
                    std::set<std::uint32_t> attackers, seen, defenders;
                    for (std::uint32_t b : s.attackers().neighbours(t)) attackers.insert(b);
                    for (auto [d, b] : why.defence) {
                        CHECK(contains(*why.witness, d));
                        CHECK(brute.att[d][b]);
                        CHECK(seen.insert(b).second);
                        defenders.insert(d);
                    }
                    for (std::uint32_t b : why.undefended) CHECK(seen.insert(b).second);
                    CHECK(seen == attackers);
                    if (sem != Sem::stage) CHECK(why.undefended.empty());
                    // Irredundant: without any one defender some answered attacker goes unanswered.
                    for (std::uint32_t d : defenders) {
                        bool lost = false;
                        for (auto [d2, b] : why.defence) {
                            bool other = false;
                            for (std::uint32_t x : defenders) other |= x != d && brute.att[x][b];
                            lost |= !other;
                        }
                        CHECK(lost);
                    }
                }
                REQUIRE(why.counter.has_value() == !every);
                if (!every) {
                    CHECK(family.count(*why.counter) == 1);
                    CHECK(!contains(*why.counter, t));
                }
            }
        }
    }
}
