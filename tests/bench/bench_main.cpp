// agon_bench: in-memory benchmarks that need no files.
//   agon_bench gradual   - per-iteration rate of the gradual kernel on a 1M-claim /
//                          10M-edge random graph, against a stream copy in the same run
//   agon_bench scenario  - scenario re-evaluations per second on a 1,000-claim graph,
//                          against copying and rebuilding the graph for each what-if
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

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

static int scenario() {
    auto g = std::make_shared<Graph>();
    const int n = 1000;
    std::mt19937 rng(7);
    for (int i = 0; i < n; ++i) g->add_claim({.id = "c" + std::to_string(i)});
    std::uniform_int_distribution<int> pick(0, n - 1);
    for (int e = 0; e < 3 * n; ++e)
        g->add_edge({.kind = e % 4 == 0 ? EdgeKind::support : EdgeKind::attack, .from = "c" + std::to_string(pick(rng)),
                     .to = "c" + std::to_string(pick(rng))});
    const Request grounded{"grounded", {}};
    const int rounds = 20000;
    auto t = Clock::now();
    std::size_t in = 0;
    const Scenario base(g, "baseline");
    for (int i = 0; i < rounds; ++i) {
        Scenario s = base.derive("what-if");
        s.remove_claim("c" + std::to_string(i % n));
        Result r = evaluate(s, grounded);
        in += r.labels[0] == Label::in;
    }
    const double overlay = rounds / seconds_since(t);
    t = Clock::now();
    for (int i = 0; i < rounds / 10; ++i) {
        Graph copy = *g;  // the naive way: copy, edit, rebuild
        copy.remove_claim("c" + std::to_string(i % n));
        Result r = evaluate(Snapshot::of(copy), grounded);
        in += r.labels[0] == Label::in;
    }
    const double naive = (rounds / 10) / seconds_since(t);
    std::printf("1,000 claims, 3,000 edges, one claim removed per scenario, grounded semantics\n");
    std::printf("scenario overlay:      %10.0f evaluations/s\n", overlay);
    std::printf("copy graph + rebuild:  %10.0f evaluations/s\n", naive);
    std::printf("ratio overlay/copy:    %10.2f   (target: 10,000 evaluations/s)%s\n", overlay / naive, in ? "" : " ");
    return 0;
}

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "gradual") == 0) return gradual();
    if (argc > 1 && std::strcmp(argv[1], "scenario") == 0) return scenario();
    std::fprintf(stderr, "usage: agon_bench gradual|scenario\n");
    return 2;
}
