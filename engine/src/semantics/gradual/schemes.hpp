// Internal: the evaluation schemes of docs/semantics.md §1 - the exact topological
// pass, Jacobi sweeps (per strongly connected component, or global), and the
// continuous dynamics ds/dt = T(s) - s of Potyka 2018 integrated with RK4 or
// explicit Euler.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "agon/control.hpp"
#include "agon/semantics.hpp"
#include "rules.hpp"

namespace agon::detail::gradual {

/// The parameters every scheme reads (validated by gradual.cpp).
struct Settings {
    std::string method;
    double epsilon;
    std::int64_t max_iterations;
    double step;
};

/// The settings a request asks for (gradual.cpp). Throws usage on unknown
/// parameters and out-of-range values.
Settings settings_of(const Request& req);

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

}  // namespace agon::detail::gradual
