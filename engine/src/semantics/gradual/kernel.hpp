// Internal: the data a gradual semantics streams each iteration (the update
// rules that read it are in rules.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "agon/snapshot.hpp"

namespace agon::detail::gradual {

/// How many entries ahead the sweep prefetches source strengths: the reads of
/// sigma[source] are random, so the loop is bound by their latency unless
/// several are in flight (measured: about 1.4x on a 10M-edge random graph).
inline constexpr std::uint32_t prefetch_ahead = 48;

/// Flat arrays for the per-iteration kernel: in-edges per claim (attack and
/// support separately) as CSR - the snapshot's offsets, and per entry the
/// source index (padded by prefetch_ahead zeros) and the effective weight -
/// so a sweep streams them with no indirection, allocation or virtual call.
struct Kernel {
    std::uint32_t n = 0;
    std::vector<double> base;
    const Adjacency* att = nullptr;  // snapshot.attackers(): offsets, and edge ids for undercuts
    const Adjacency* sup = nullptr;  // snapshot.supporters()
    std::vector<std::uint32_t> att_src, sup_src;  // source claim per CSR entry, padded
    std::vector<double> att_w, sup_w;  // effective weight per CSR entry
    std::vector<double> att_base_src;  // base score of each attack entry's source (card's "alive" test)
    // Undercuts: raw weights per edge, for recomputing effective weights.
    const Snapshot* snapshot = nullptr;
    bool undercuts = false;
    std::vector<double> edge_w;  // scratch: effective weight per edge

    explicit Kernel(const Snapshot& s);
    /// Recompute effective weights from the strengths `sigma` (undercuts only).
    void refresh_weights(const double* sigma);
};

/// Ask for sigma[src[i + prefetch_ahead]] now; it is read a few edges later.
inline void prefetch_source(const double* sigma, const std::uint32_t* src, std::uint32_t i) {
#if defined(__GNUC__)
    __builtin_prefetch(sigma + src[i + prefetch_ahead]);
#else
    (void)sigma, (void)src, (void)i;
#endif
}

/// Recompute the effective weights of v's in-edges from the strengths `sigma`.
void refresh_undercut_weights(Kernel& k, std::uint32_t v, const double* sigma);

/// The same, free when the graph has no undercuts (used where claims are
/// updated one at a time).
inline void refresh_in_edges(Kernel& k, std::uint32_t v, const double* sigma) {
    if (k.undercuts) refresh_undercut_weights(k, v, sigma);
}

}  // namespace agon::detail::gradual
