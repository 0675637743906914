// Internal: the local update rules of docs/semantics.md §2, one per semantics,
// and the sweep that applies one of them to every claim.
#pragma once

#include <algorithm>
#include <cmath>

#include "kernel.hpp"

namespace agon::detail::gradual {

enum class Sem { hcat, max, card, dfquad, quad, euler, qe, mlp };

/// True for the semantics that read supports.
constexpr bool bipolar(Sem s) { return s != Sem::hcat && s != Sem::max && s != Sem::card; }

/// Numerically stable logistic function.
inline double logistic(double x) {
    if (x >= 0) return 1.0 / (1.0 + std::exp(-x));
    const double e = std::exp(x);
    return e / (1.0 + e);
}

/// MLP's base score on the logistic's scale, log(tau / (1 - tau)), for tau in (0, 1).
inline double logit(double tau) { return std::log(tau / (1.0 - tau)); }

/// The local rule of semantics S at a claim with base score `tau`, written
/// once for every layout that stores the graph: `each_attack(f)` calls
/// f(effective weight, source strength, source base score) for each attack
/// into the claim, `each_support(f)` f(effective weight, source strength, 0)
/// for each support. `tau_logit` is logit(tau) for mlp (unread otherwise): a
/// caller that applies the rule to a claim many times keeps it. The kernel
/// below and the incremental re-evaluation (incremental/gradual_worklist.cpp)
/// both call it.
template <Sem S, typename Attacks, typename Supports>
inline double rule(double tau, double tau_logit, Attacks&& each_attack, Supports&& each_support) {
    if constexpr (S == Sem::hcat) {
        double sum = 0;
        each_attack([&](double w, double s, double) { sum += w * s; });
        return tau / (1.0 + sum);
    } else if constexpr (S == Sem::max) {
        double m = 0;
        each_attack([&](double w, double s, double) { m = std::max(m, w * s); });
        return tau / (1.0 + m);
    } else if constexpr (S == Sem::card) {
        double sum = 0, alive = 0;
        each_attack([&](double w, double s, double base) {
            if (base > 0 && w > 0) {
                alive += 1;
                sum += w * s;
            }
        });
        return alive == 0 ? tau : tau / (1.0 + alive + sum / alive);
    } else if constexpr (S == Sem::dfquad || S == Sem::quad) {
        double pa = 1, ps = 1;
        bool has_a = false, has_s = false;
        each_attack([&](double w, double s, double) {
            has_a = true;
            pa *= 1.0 - w * s;
        });
        each_support([&](double w, double s, double) {
            has_s = true;
            ps *= 1.0 - w * s;
        });
        if constexpr (S == Sem::dfquad) {
            const double va = 1.0 - pa, vs = 1.0 - ps;
            return va >= vs ? tau - tau * (va - vs) : tau + (1.0 - tau) * (vs - va);
        } else {
            // QuAD: an absent relation is nil (structurally), not zero.
            const double va = tau * pa, vs = 1.0 - (1.0 - tau) * ps;
            if (!has_a && !has_s) return tau;
            if (!has_s) return va;
            if (!has_a) return vs;
            return (va + vs) / 2.0;
        }
    } else {
        double e = 0;
        each_support([&](double w, double s, double) { e += w * s; });
        each_attack([&](double w, double s, double) { e -= w * s; });
        if constexpr (S == Sem::euler) {
            if (tau <= 0) return 0.0;
            if (e > 700) return 1.0;
            return 1.0 - (1.0 - tau * tau) / (1.0 + tau * std::exp(e));
        } else if constexpr (S == Sem::qe) {
            auto h = [](double x) {
                const double p = std::max(x, 0.0);
                return p * p / (1.0 + p * p);
            };
            return tau - tau * h(-e) + (1.0 - tau) * h(e);
        } else {
            if (tau <= 0) return 0.0;
            if (tau >= 1) return 1.0;
            return logistic(tau_logit + e);
        }
    }
}

/// The update T(sigma)(v) of semantics S on the kernel's flat arrays.
template <Sem S>
inline double update(const Kernel& k, const double* sigma, std::uint32_t v) {
    auto attacks = [&](auto&& f) {
        const std::uint32_t* src = k.att_src.data();
        for (std::uint32_t i = k.att->offsets[v], end = k.att->offsets[v + 1]; i < end; ++i) {
            prefetch_source(sigma, src, i);
            f(k.att_w[i], sigma[src[i]], k.att_base_src[i]);
        }
    };
    auto supports = [&](auto&& f) {
        const std::uint32_t* src = k.sup_src.data();
        for (std::uint32_t i = k.sup->offsets[v], end = k.sup->offsets[v + 1]; i < end; ++i) {
            prefetch_source(sigma, src, i);
            f(k.sup_w[i], sigma[src[i]], 0.0);
        }
    };
    const double tau = k.base[v];
    return rule<S>(tau, S == Sem::mlp && tau > 0 && tau < 1 ? logit(tau) : 0.0, attacks, supports);
}

/// One application of T to every claim: out = T(sigma), O(n + m). The loop
/// the iterative schemes (and the benchmark) spend their time in.
template <Sem S>
void sweep(Kernel& k, const double* sigma, double* out) {
    k.refresh_weights(sigma);
    for (std::uint32_t v = 0; v < k.n; ++v) out[v] = update<S>(k, sigma, v);
}

}  // namespace agon::detail::gradual
