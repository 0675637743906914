// Internal: least-significant-digit radix sort of 64-bit keys, for the bulk
// builds of the incremental mirrors (millions of keys, where std::sort's
// comparisons and branches cost several times as much).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace agon::detail {

/// Sort `keys`, every one below 2^bits, 11 bits a pass (the count table stays in cache).
inline void radix_sort(std::vector<std::uint64_t>& keys, int bits) {
    constexpr int digit = 11;
    constexpr std::uint64_t mask = (std::uint64_t{1} << digit) - 1;
    std::vector<std::uint64_t> spare(keys.size());
    std::vector<std::size_t> start(std::size_t{1} << digit);
    for (int shift = 0; shift < bits; shift += digit) {
        std::fill(start.begin(), start.end(), 0);
        for (std::uint64_t k : keys) ++start[(k >> shift) & mask];
        std::size_t at = 0;
        for (std::size_t& s : start) at += std::exchange(s, at);
        for (std::uint64_t k : keys) spare[start[(k >> shift) & mask]++] = k;
        keys.swap(spare);
    }
}

}  // namespace agon::detail
