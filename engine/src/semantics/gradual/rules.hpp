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

/// The update T(sigma)(v) of semantics S.
template <Sem S>
inline double update(const Kernel& k, const double* sigma, std::uint32_t v) {
    const double tau = k.base[v];
    const std::uint32_t a0 = k.att->offsets[v], a1 = k.att->offsets[v + 1];
    const std::uint32_t* asrc = k.att_src.data();
    if constexpr (S == Sem::hcat) {
        double sum = 0;
        for (std::uint32_t i = a0; i < a1; ++i) {
            prefetch_source(sigma, asrc, i);
            sum += k.att_w[i] * sigma[asrc[i]];
        }
        return tau / (1.0 + sum);
    } else if constexpr (S == Sem::max) {
        double m = 0;
        for (std::uint32_t i = a0; i < a1; ++i) {
            prefetch_source(sigma, asrc, i);
            m = std::max(m, k.att_w[i] * sigma[asrc[i]]);
        }
        return tau / (1.0 + m);
    } else if constexpr (S == Sem::card) {
        double sum = 0, alive = 0;
        for (std::uint32_t i = a0; i < a1; ++i) {
            prefetch_source(sigma, asrc, i);
            if (k.att_base_src[i] > 0 && k.att_w[i] > 0) {
                alive += 1;
                sum += k.att_w[i] * sigma[asrc[i]];
            }
        }
        return alive == 0 ? tau : tau / (1.0 + alive + sum / alive);
    } else {
        const std::uint32_t s0 = k.sup->offsets[v], s1 = k.sup->offsets[v + 1];
        const std::uint32_t* ssrc = k.sup_src.data();
        if constexpr (S == Sem::dfquad || S == Sem::quad) {
            double pa = 1, ps = 1;
            for (std::uint32_t i = a0; i < a1; ++i) {
                prefetch_source(sigma, asrc, i);
                pa *= 1.0 - k.att_w[i] * sigma[asrc[i]];
            }
            for (std::uint32_t i = s0; i < s1; ++i) {
                prefetch_source(sigma, ssrc, i);
                ps *= 1.0 - k.sup_w[i] * sigma[ssrc[i]];
            }
            if constexpr (S == Sem::dfquad) {
                const double va = 1.0 - pa, vs = 1.0 - ps;
                return va >= vs ? tau - tau * (va - vs) : tau + (1.0 - tau) * (vs - va);
            } else {
                // QuAD: an absent relation is nil (structurally), not zero.
                const bool has_a = a1 > a0, has_s = s1 > s0;
                const double va = tau * pa, vs = 1.0 - (1.0 - tau) * ps;
                if (!has_a && !has_s) return tau;
                if (!has_s) return va;
                if (!has_a) return vs;
                return (va + vs) / 2.0;
            }
        } else {
            double e = 0;
            for (std::uint32_t i = s0; i < s1; ++i) {
                prefetch_source(sigma, ssrc, i);
                e += k.sup_w[i] * sigma[ssrc[i]];
            }
            for (std::uint32_t i = a0; i < a1; ++i) {
                prefetch_source(sigma, asrc, i);
                e -= k.att_w[i] * sigma[asrc[i]];
            }
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
                return logistic(std::log(tau / (1.0 - tau)) + e);
            }
        }
    }
}

/// One application of T to every claim: out = T(sigma), O(n + m). The loop
/// the iterative schemes (and the benchmark) spend their time in.
template <Sem S>
void sweep(Kernel& k, const double* sigma, double* out) {
    k.refresh_weights(sigma);
    for (std::uint32_t v = 0; v < k.n; ++v) out[v] = update<S>(k, sigma, v);
}

}  // namespace agon::detail::gradual
