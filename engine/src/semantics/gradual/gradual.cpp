// Gradual semantics: parameters, and the evaluation schemes of SEMANTICS.md §1
// (topological pass, Jacobi sweeps per strongly connected component, and the
// continuous dynamics integrated with RK4 or Euler).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "agon/error.hpp"
#include "kernel.hpp"
#include "semantics/registry.hpp"

namespace agon::detail {

namespace gradual {

namespace {

struct Settings {
    std::string method;
    double epsilon;
    std::int64_t max_iterations;
    double step;
};

Settings settings_of(const Request& req) {
    req.only({"method", "epsilon", "max_iterations", "step"});
    Settings s;
    s.method = req.text("method", "auto");
    if (s.method != "auto" && s.method != "topological" && s.method != "jacobi" && s.method != "rk4" &&
        s.method != "euler")
        throw Error(ErrorKind::usage, "parameter method=" + s.method + " is not one of auto, topological, jacobi, rk4, euler");
    constexpr double any = std::numeric_limits<double>::max();
    s.epsilon = req.number("epsilon", 1e-10, -any, any);
    if (!(s.epsilon > 0)) throw Error(ErrorKind::usage, "parameter epsilon=" + req.text("epsilon", "") + " must be a positive number");
    s.max_iterations = req.integer("max_iterations", 100000, 1, 1'000'000'000);
    s.step = req.number("step", 0.1, -any, any);
    if (!(s.step > 0 && s.step <= 1))
        throw Error(ErrorKind::usage, "parameter step=" + req.text("step", "") + " must be in (0, 1]");
    return s;
}

// A number as people write it (1.5, not 1.500000).
std::string shortest(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", x);
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, x);
        if (std::strtod(buf, nullptr) == x) break;
    }
    return buf;
}

// Effective weight of edge e under the strengths sigma (recursive over undercuts).
double effective(const Snapshot& s, std::uint32_t e, const double* sigma) {
    double w = s.edge_weight(e);
    const Adjacency& und = s.undercutters();
    for (std::uint32_t i = und.offsets[e]; i < und.offsets[e + 1]; ++i)
        w *= 1.0 - std::min(1.0, effective(s, und.edges[i], sigma) * sigma[und.nodes[i]]);
    return w;
}

// Refresh the effective weights of v's in-edges only.
void refresh_in_edges(Kernel& k, std::uint32_t v, const double* sigma) {
    if (!k.undercuts) return;
    for (std::uint32_t i = k.att->offsets[v]; i < k.att->offsets[v + 1]; ++i)
        k.att_w[i] = effective(*k.snapshot, k.att->edges[i], sigma);
    for (std::uint32_t i = k.sup->offsets[v]; i < k.sup->offsets[v + 1]; ++i)
        k.sup_w[i] = effective(*k.snapshot, k.sup->edges[i], sigma);
}

template <Sem S>
void topological(Kernel& k, const Condensation& c, std::vector<double>& sigma) {
    for (std::uint32_t comp : c.order) {
        const std::uint32_t v = c.members.neighbours(comp)[0];
        refresh_in_edges(k, v, sigma.data());
        sigma[v] = update<S>(k, sigma.data(), v);
    }
}

// Jacobi sweeps, one strongly connected component at a time in topological
// order; upstream values are final before a component is iterated.
template <Sem S>
void jacobi_by_component(Kernel& k, const Condensation& c, const Settings& set, const Control& control,
                         std::vector<double>& sigma, Result& r) {
    std::vector<double> next;
    for (std::uint32_t comp : c.order) {
        auto members = c.members.neighbours(comp);
        if (!c.cyclic[comp]) {
            refresh_in_edges(k, members[0], sigma.data());
            sigma[members[0]] = update<S>(k, sigma.data(), members[0]);
            continue;
        }
        next.resize(members.size());
        bool done = false;
        for (std::int64_t it = 0; it < set.max_iterations && !done; ++it) {
            if ((r.iterations & 0x3FF) == 0) control.check();
            ++r.iterations;
            for (std::uint32_t v : members) refresh_in_edges(k, v, sigma.data());
            double diff = 0;
            for (std::size_t i = 0; i < members.size(); ++i) {
                next[i] = update<S>(k, sigma.data(), members[i]);
                diff = std::max(diff, std::abs(next[i] - sigma[members[i]]));
            }
            for (std::size_t i = 0; i < members.size(); ++i) sigma[members[i]] = next[i];
            done = diff < set.epsilon;
        }
        if (!done) r.converged = false;
    }
}

// Global Jacobi (for the bipolar semantics, only when asked for).
template <Sem S>
void jacobi_global(Kernel& k, const Settings& set, const Control& control, std::vector<double>& sigma, Result& r) {
    std::vector<double> next(k.n);
    r.converged = false;
    for (std::int64_t it = 0; it < set.max_iterations; ++it) {
        if ((it & 0x3FF) == 0) control.check();
        ++r.iterations;
        sweep<S>(k, sigma.data(), next.data());
        double diff = 0;
        for (std::uint32_t v = 0; v < k.n; ++v) diff = std::max(diff, std::abs(next[v] - sigma[v]));
        sigma.swap(next);
        if (diff < set.epsilon) {
            r.converged = true;
            return;
        }
    }
}

// The continuous dynamics ds/dt = T(s) - s (Potyka 2018), integrated with
// classic RK4 or explicit Euler; stops when max |T(s) - s| < epsilon.
template <Sem S>
void continuous(Kernel& k, const Settings& set, bool rk4, const Control& control, std::vector<double>& sigma,
                Result& r) {
    const std::uint32_t n = k.n;
    const double h = set.step;
    std::vector<double> k1(n), k2(n), k3(n), k4(n), tmp(n);
    auto derivative = [&](const std::vector<double>& at, std::vector<double>& out) {
        sweep<S>(k, at.data(), out.data());
        for (std::uint32_t v = 0; v < n; ++v) out[v] -= at[v];
    };
    r.converged = false;
    for (std::int64_t it = 0; it < set.max_iterations; ++it) {
        if ((it & 0xFF) == 0) control.check();
        derivative(sigma, k1);
        double norm = 0;
        for (double d : k1) norm = std::max(norm, std::abs(d));
        if (norm < set.epsilon) {
            r.converged = true;
            return;
        }
        ++r.iterations;
        if (!rk4) {
            for (std::uint32_t v = 0; v < n; ++v) sigma[v] += h * k1[v];
            continue;
        }
        for (std::uint32_t v = 0; v < n; ++v) tmp[v] = sigma[v] + 0.5 * h * k1[v];
        derivative(tmp, k2);
        for (std::uint32_t v = 0; v < n; ++v) tmp[v] = sigma[v] + 0.5 * h * k2[v];
        derivative(tmp, k3);
        for (std::uint32_t v = 0; v < n; ++v) tmp[v] = sigma[v] + h * k3[v];
        derivative(tmp, k4);
        for (std::uint32_t v = 0; v < n; ++v) sigma[v] += h / 6.0 * (k1[v] + 2 * k2[v] + 2 * k3[v] + k4[v]);
    }
    // One last check: the final step may have landed on the fixpoint.
    derivative(sigma, k1);
    double norm = 0;
    for (double d : k1) norm = std::max(norm, std::abs(d));
    r.converged = norm < set.epsilon;
}

// Product aggregation needs contributions in [0,1].
void require_unit_weights(const Snapshot& s, const std::string& semantics) {
    for (std::uint32_t e = 0; e < s.edge_count(); ++e)
        if (s.edge_kind(e) != EdgeKind::undercut && s.edge_weight(e) > 1.0)
            throw Error(ErrorKind::usage, "edge '" + s.edge_id(e) + "' (" + s.id(s.edge_from(e)) + " -> " +
                                              s.id(s.edge_to(e)) + ") has weight " + shortest(s.edge_weight(e)) +
                                              "; " + semantics + " needs edge weights in [0, 1]");
}

template <Sem S>
Result run(const Snapshot& s, const Request& req, const Control& control) {
    const Settings set = settings_of(req);
    if constexpr (S == Sem::dfquad || S == Sem::quad) require_unit_weights(s, req.semantics);
    Kernel k(s);
    std::vector<double> sigma = k.base;
    Result r;
    const Condensation c = condense(s, Dependencies::all);
    std::string method = set.method;
    if (method == "auto") method = c.acyclic() ? "topological" : bipolar(S) ? "rk4" : "jacobi";
    if (method == "topological" && !c.acyclic())
        throw Error(ErrorKind::usage, "method=topological needs an acyclic graph; this one has cycles");
    r.method = method;
    if (method == "topological") topological<S>(k, c, sigma);
    else if (method == "jacobi" && !bipolar(S)) jacobi_by_component<S>(k, c, set, control, sigma, r);
    else if (method == "jacobi") jacobi_global<S>(k, set, control, sigma, r);
    else continuous<S>(k, set, method == "rk4", control, sigma, r);
    if (!r.converged)
        r.warnings.push_back(req.semantics + " did not converge within " + std::to_string(set.max_iterations) +
                             " iterations (method " + method + "); the values are the last iterate");
    r.strength = std::move(sigma);
    return r;
}

}  // namespace

}  // namespace gradual

Result hcat(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::hcat>(s, r, c); }
Result max_based(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::max>(s, r, c); }
Result card(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::card>(s, r, c); }
Result dfquad(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::dfquad>(s, r, c); }
Result quad(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::quad>(s, r, c); }
Result euler(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::euler>(s, r, c); }
Result qe(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::qe>(s, r, c); }
Result mlp(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::mlp>(s, r, c); }

}  // namespace agon::detail
