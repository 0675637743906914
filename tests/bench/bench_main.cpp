// agon_bench: in-memory benchmarks that need no files.
//   agon_bench gradual   - per-iteration rate of the gradual kernel on a 1M-claim /
//                          10M-edge random graph, against a stream copy in the same run
//   agon_bench scenario  - scenario re-evaluations per second on a 1,000-claim graph,
//                          against copying and rebuilding the graph for each what-if;
//                          one-change incremental re-evaluations against from scratch
//                          per semantics, on that graph and on a 1M-claim one
//   agon_bench first [N] - the first question of an IncrementalEvaluation on
//                          the scenario graph of N claims (default 100,000)
//                          against one evaluation from scratch, per semantics
//   agon_bench moving [N] - per gradual semantics, the claims that switching off
//                          one claim (c1 to cN, default 100) moves by more than
//                          1e-10 on the 1,000-claim scenario graph: the least
//                          an exact re-evaluation recomputes
//   agon_bench flip [N]  - stable re-evaluations where each change moves N + 2
//                          claims in or out of the grounded-undecided part
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <random>
#include <vector>

#include "agon/incremental.hpp"
#include "agon/scenario.hpp"
#include "agon/semantics.hpp"
#include "semantics/gradual/rules.hpp"  // internal: the per-sweep kernel, timed alone

using namespace agon;
using Clock = std::chrono::steady_clock;

static double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Memory bandwidth of a plain copy (read + write bytes per second).
static double stream_copy_bandwidth() {
    const std::size_t n = std::size_t(64) << 20;  // 512 MiB of doubles in all
    std::vector<double> a(n, 1.0), b(n, 0.0);
    double best = 0;
    for (int rep = 0; rep < 3; ++rep) {
        auto t = Clock::now();
        std::memcpy(b.data(), a.data(), n * sizeof(double));
        const double s = seconds_since(t);
        best = std::max(best, 2.0 * n * sizeof(double) / s);
    }
    if (b[n / 2] != 1.0) std::puts("?");
    return best;
}

static int gradual() {
    const std::uint32_t n = 1'000'000;
    const std::size_t m = 10'000'000;
    std::mt19937_64 rng(42);
    SnapshotBuilder b;
    b.reserve(n, m);
    for (std::uint32_t v = 0; v < n; ++v) b.add_claim(std::to_string(v), 0.5);
    std::uniform_int_distribution<std::uint32_t> pick(0, n - 1);
    for (std::size_t e = 0; e < m; ++e)
        b.add_edge("", e % 3 == 0 ? EdgeKind::support : EdgeKind::attack, pick(rng), pick(rng), 0.5);
    auto t0 = Clock::now();
    Snapshot s = std::move(b).build();
    const double build = seconds_since(t0);
    const double bw = stream_copy_bandwidth();
    const double bytes_per_edge = 20.0;
    std::printf("graph: %u claims, %zu edges (snapshot built in %.2f s)\n", n, m, build);
    std::printf("stream copy bandwidth: %.2f GB/s\n\n", bw / 1e9);
    std::printf("%-8s %12s %14s %16s %10s\n", "sem", "sweeps", "s/sweep", "edges/s", "of bound");
    namespace g = agon::detail::gradual;
    g::Kernel k(s);
    std::vector<double> sigma = k.base, out(n);
    // One sweep = one application of T to every claim (a Jacobi sweep, an Euler
    // step, a quarter of an RK4 step), timed alone: set-up is not included.
    auto measure = [&](const char* name, std::size_t edges_read, auto sweep) {
        const int sweeps = 20;
        sweep(sigma.data(), out.data());  // warm the caches
        auto t = Clock::now();
        for (int i = 0; i < sweeps; ++i) {
            sweep(sigma.data(), out.data());
            sigma.swap(out);
        }
        const double per = seconds_since(t) / sweeps;
        const double rate = static_cast<double>(edges_read) / per;
        std::printf("%-8s %12d %14.4f %16.3e %9.0f%%\n", name, sweeps, per, rate, 100.0 * rate * bytes_per_edge / bw);
    };
    // hcat reads attack edges only (supports are ignored); the bipolar ones read every edge.
    const std::size_t attacks = s.attackers().nodes.size();
    measure("hcat", attacks, [&](const double* in, double* o) { g::sweep<g::Sem::hcat>(k, in, o); });
    measure("dfquad", m, [&](const double* in, double* o) { g::sweep<g::Sem::dfquad>(k, in, o); });
    measure("euler", m, [&](const double* in, double* o) { g::sweep<g::Sem::euler>(k, in, o); });
    // Whole evaluations for scale (condensation and set-up included).
    for (const char* sem : {"hcat", "dfquad"}) {
        auto t = Clock::now();
        Result r = evaluate(s, Request{sem, {{"max_iterations", "25"}, {"epsilon", "1e-9"}}});
        std::printf("evaluate %-7s %-7s %4llu iterations, converged %-5s %.2f s\n", sem, r.method.c_str(),
                    static_cast<unsigned long long>(r.iterations), r.converged ? "yes" : "no", seconds_since(t));
    }
    std::printf("\n(bound = stream copy bandwidth / %.0f bytes per edge: source index 4 + weight 8 +\n"
                " source strength 8; per-claim arrays add about 3 more bytes per edge)\n",
                bytes_per_edge);
    return 0;
}

// The scenario benchmark's graph: n claims c0..c(n-1), 3n random edges,
// every fourth a support (seed 7).
static std::shared_ptr<Graph> scenario_graph(int n) {
    auto g = std::make_shared<Graph>();
    std::mt19937 rng(7);
    for (int i = 0; i < n; ++i) g->add_claim({.id = "c" + std::to_string(i)});
    std::uniform_int_distribution<int> pick(0, n - 1);
    for (int e = 0; e < 3 * n; ++e)
        g->add_edge({.kind = e % 4 == 0 ? EdgeKind::support : EdgeKind::attack, .from = "c" + std::to_string(pick(rng)),
                     .to = "c" + std::to_string(pick(rng))});
    return g;
}

// Rounds run until `rounds` or (when seconds > 0) that much time has passed,
// at least one.
static bool more(int i, int rounds, double seconds, Clock::time_point t) {
    return i < rounds && (seconds <= 0 || i == 0 || seconds_since(t) < seconds);
}

// One-change re-evaluations per second through IncrementalEvaluation: claim
// i is switched off and the answer read, then switched on and read again
// (two re-evaluations per round). `work` receives the claims recomputed per
// re-evaluation, `scratch` the share answered from scratch.
static double incremental_rate(const std::shared_ptr<const Graph>& g, const Request& req, int rounds, double seconds,
                               double& work, double& scratch) {
    const int n = static_cast<int>(g->claims().size());
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) ids.push_back("c" + std::to_string(i));
    IncrementalEvaluation live(Scenario(g, "what-if"), req);
    double sink = live.value("c0");
    const auto before = live.stats();
    std::uint64_t recomputed = 0;
    auto t = Clock::now();
    int i = 0;
    for (; more(i, rounds, seconds, t); ++i) {
        const std::string& id = ids[1 + i % (n - 1)];
        live.remove_claim(id);
        sink += live.value("c0");
        recomputed += live.stats().last_work;
        live.restore_claim(id);
        sink += live.value("c0");
        recomputed += live.stats().last_work;
    }
    const double rate = 2.0 * i / seconds_since(t);
    const auto after = live.stats();
    work = double(recomputed) / (2.0 * i);
    scratch = double(after.from_scratch - before.from_scratch) / double(after.questions - before.questions);
    return sink < 0 ? 0 : rate;
}

// The same what-ifs from scratch: a derived scenario with the claim removed, evaluated.
static double scratch_rate(const std::shared_ptr<const Graph>& g, const Request& req, int rounds, double seconds) {
    const int n = static_cast<int>(g->claims().size());
    const Scenario base(g, "baseline");
    double sink = 0;
    auto t = Clock::now();
    int i = 0;
    for (; more(i, rounds, seconds, t); ++i) {
        Scenario s = base.derive("what-if");
        s.remove_claim("c" + std::to_string(1 + i % (n - 1)));
        sink += evaluate(s, req).value(0);
    }
    const double rate = i / seconds_since(t);
    return sink < 0 ? 0 : rate;
}

static const char* const kScenarioSemantics[] = {"grounded", "grounded+deductive", "grounded+necessary",
                                                  "grounded+evidential", "hcat", "max", "card", "dfquad", "quad",
                                                  "euler", "qe", "mlp", "preferred", "stable"};

// "SEMANTICS" or "grounded+MODE" (grounded with support=MODE) as a request.
static Request bench_request(std::string_view spec) {
    const auto plus = spec.find('+');
    if (plus == std::string_view::npos) return {std::string(spec), {}};
    return {std::string(spec.substr(0, plus)), {{"support", std::string(spec.substr(plus + 1))}}};
}

// agon_bench scenario [SEMANTICS ROUNDS [scratch | CLAIMS]]: the table below, or only
// ROUNDS incremental rounds (or, with `scratch`, from-scratch evaluations) of
// one semantics (grounded+MODE for a support mode) on the 1,000-claim graph,
// or on the generator's graph of CLAIMS claims (for
// callgrind: instructions per re-evaluation = (total - total with ROUNDS = 0)
// / (2 ROUNDS), per evaluation from scratch the same over ROUNDS;
// tests/bench/support_callgrind.sh).
static int scenario(int argc, char** argv) {
    const bool scratch_rounds = argc == 5 && std::strcmp(argv[4], "scratch") == 0;
    auto g = scenario_graph(argc == 5 && !scratch_rounds ? std::atoi(argv[4]) : 1000);
    if (scratch_rounds) {
        const double rate = scratch_rate(g, bench_request(argv[2]), std::atoi(argv[3]), 0);
        std::printf("%s: %.0f evaluations/s from scratch\n", argv[2], rate);
        return 0;
    }
    if (argc == 4 || argc == 5) {
        double work = 0, scratch = 0;
        const double rate = incremental_rate(g, bench_request(argv[2]), std::atoi(argv[3]), 0, work, scratch);
        std::printf("%s: %.0f re-evaluations/s, %.1f claims recomputed each\n", argv[2], rate, work);
        return 0;
    }
    const Request grounded{"grounded", {}};
    const int rounds = 20000;
    auto t = Clock::now();
    std::size_t in = 0;
    const Scenario base(g, "baseline");
    for (int i = 0; i < rounds; ++i) {
        Scenario s = base.derive("what-if");
        s.remove_claim("c" + std::to_string(i % 1000));
        Result r = evaluate(s, grounded);
        in += r.labels[0] == Label::in;
    }
    const double overlay = rounds / seconds_since(t);
    t = Clock::now();
    for (int i = 0; i < rounds / 10; ++i) {
        Graph copy = *g;  // the naive way: copy, edit, rebuild
        copy.remove_claim("c" + std::to_string(i % 1000));
        Result r = evaluate(Snapshot::of(copy), grounded);
        in += r.labels[0] == Label::in;
    }
    const double naive = (rounds / 10) / seconds_since(t);
    std::printf("1,000 claims, 3,000 edges, one claim removed per scenario, grounded semantics\n");
    std::printf("scenario overlay:      %10.0f evaluations/s\n", overlay);
    std::printf("copy graph + rebuild:  %10.0f evaluations/s\n", naive);
    std::printf("ratio overlay/copy:    %10.2f%s\n", overlay / naive, in ? "" : " ");

    std::printf("\nOne-change re-evaluations (a claim switched off, or on again; the answer read after each)\n");
    std::printf("%-19s %8s %16s %16s %9s %12s %10s\n", "semantics", "claims", "incremental/s", "from scratch/s",
                "speed-up", "recomputed", "scratch %");
    // Each measurement runs for about `seconds` (at least one round).
    auto row = [&](const std::shared_ptr<const Graph>& graph, const char* sem, double seconds) {
        double work = 0, scratch = 0;
        const Request req = bench_request(sem);
        const double inc = incremental_rate(graph, req, 1 << 30, seconds, work, scratch);
        const double full = scratch_rate(graph, req, 1 << 30, seconds);
        std::printf("%-19s %8zu %16.0f %16.1f %9.1f %12.1f %10.2f\n", sem, graph->claims().size(), inc, full, inc / full,
                    work, 100 * scratch);
        std::fflush(stdout);
    };
    for (const char* sem : kScenarioSemantics) row(g, sem, 1.0);
    std::printf("(target: 100,000 re-evaluations/s on the 1,000-claim graph)\n");
    auto big = scenario_graph(1'000'000);
    for (const char* sem : {"grounded", "hcat", "max"}) row(big, sem, 5.0);
    return 0;
}

// agon_bench first [N [SEMANTICS]]: the first question on a large map (the
// workbench's first click) costs building the kept state and answering once;
// timed against one evaluation of the same scenario from scratch, each the
// best of three (a fresh IncrementalEvaluation each time).
static int first_question(int argc, char** argv) {
    const int n = argc > 2 ? std::atoi(argv[2]) : 100'000;
    auto g = scenario_graph(n);
    const Scenario what_if(g, "what-if");
    std::printf("First question on the %d-claim scenario graph (best of 3)\n", n);
    std::printf("%-19s %12s %14s %8s\n", "semantics", "first (s)", "scratch (s)", "ratio");
    for (const char* sem : {"grounded", "grounded+deductive", "grounded+necessary", "hcat", "stable"}) {
        if (argc > 3 && std::strcmp(argv[3], sem) != 0) continue;
        const Request req = bench_request(sem);
        double first = 1e300, full = 1e300, sink = 0;
        for (int rep = 0; rep < 3; ++rep) {
            auto t = Clock::now();
            IncrementalEvaluation live(what_if, req);
            sink += live.value("c0");
            first = std::min(first, seconds_since(t));
            t = Clock::now();
            sink += evaluate(what_if, req).value(0);
            full = std::min(full, seconds_since(t));
        }
        std::printf("%-19s %12.3f %14.3f %8.2f%s\n", sem, first, full, first / full, sink < -1 ? " " : "");
        std::fflush(stdout);
    }
    std::printf("(target: the first question within 1.5x from scratch for grounded)\n");
    return 0;
}

// Strengths by claim number (claim "cK" is K) from scratch with epsilon 1e-14,
// so that moves near 1e-10 are told apart; NaN for a claim switched off.
static std::vector<double> strengths(const Scenario& s, const char* semantics, int n) {
    const Result r = evaluate(s, Request{semantics, {{"epsilon", "1e-14"}}});
    std::vector<double> by_claim(n, std::nan(""));
    for (std::uint32_t i = 0; i < r.ids.size(); ++i) by_claim[std::atoi(r.ids[i].c_str() + 1)] = r.strength[i];
    return by_claim;
}

static int moving(int argc, char** argv) {
    const int n = 1000, switched = argc > 2 ? std::atoi(argv[2]) : 100;
    auto g = scenario_graph(n);
    const Scenario base(g, "baseline");
    std::printf("Claims a switch-off moves (c1 to c%d switched off one at a time, %d claims)\n", switched, n);
    std::printf("%-8s %12s %12s\n", "semantics", "> 1e-10", "> 1e-8");
    for (const char* sem : {"hcat", "max", "card", "dfquad", "quad", "euler", "qe", "mlp"}) {
        const std::vector<double> before = strengths(base, sem, n);
        double tenth = 0, eighth = 0;
        for (int i = 1; i <= switched; ++i) {
            Scenario s = base.derive("what-if");
            s.remove_claim("c" + std::to_string(i));
            const std::vector<double> after = strengths(s, sem, n);
            for (int v = 0; v < n; ++v) {
                const double moved = std::abs(after[v] - before[v]);  // NaN (the claim off) counts nowhere
                tenth += moved > 1e-10;
                eighth += moved > 1e-8;
            }
        }
        std::printf("%-8s %12.1f %12.1f\n", sem, tenth / switched, eighth / switched);
        std::fflush(stdout);
    }
    return 0;
}

// agon_bench flip [N [ROUNDS]]: stable re-evaluation where each change moves
// N + 2 claims into or out of the part the grounded labelling leaves
// undecided (the warm session's part): c0 <-> c1 and a chain c1 -> c2 -> ...
// -> c(N+1), c0 switched off (the chain decided) and on again (all
// undecided), against from scratch.
static int flip(int argc, char** argv) {
    const int n = argc > 2 ? std::atoi(argv[2]) : 10'000, rounds = argc > 3 ? std::atoi(argv[3]) : 200;
    auto g = std::make_shared<Graph>();
    for (int i = 0; i < n + 2; ++i) g->add_claim({.id = "c" + std::to_string(i)});
    g->add_edge({.kind = EdgeKind::attack, .from = "c0", .to = "c1"});
    g->add_edge({.kind = EdgeKind::attack, .from = "c1", .to = "c0"});
    for (int i = 1; i <= n; ++i)
        g->add_edge({.kind = EdgeKind::attack, .from = "c" + std::to_string(i), .to = "c" + std::to_string(i + 1)});
    const Request req{"stable", {}};
    IncrementalEvaluation live(Scenario(g, "what-if"), req);
    double sink = live.value("c1");
    auto t = Clock::now();
    for (int i = 0; i < rounds; ++i) {
        live.remove_claim("c0");
        sink += live.value("c1");
        live.restore_claim("c0");
        sink += live.value("c1");
    }
    const double inc = 2.0 * rounds / seconds_since(t);
    const Scenario base(g, "baseline");
    t = Clock::now();
    for (int i = 0; i < rounds; ++i) {
        Scenario s = base.derive("what-if");
        if (i % 2 == 0) s.remove_claim("c0");
        sink += evaluate(s, req).value(1);
    }
    const double full = rounds / seconds_since(t);
    std::printf("stable, %d claims moving per change: %.0f re-evaluations/s, %.0f from scratch%s\n", n + 2, inc, full,
                sink < -1 ? " " : "");
    return 0;
}

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "gradual") == 0) return gradual();
    if (argc > 1 && std::strcmp(argv[1], "scenario") == 0) return scenario(argc, argv);
    if (argc > 1 && std::strcmp(argv[1], "first") == 0) return first_question(argc, argv);
    if (argc > 1 && std::strcmp(argv[1], "moving") == 0) return moving(argc, argv);
    if (argc > 1 && std::strcmp(argv[1], "flip") == 0) return flip(argc, argv);
    std::fprintf(stderr, "usage: agon_bench gradual|scenario|first|moving|flip\n");
    return 2;
}
