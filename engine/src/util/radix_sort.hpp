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

/// Sort `keys`, every one below 2^bits, up to 12 bits a pass (the count
/// table stays in cache), the bits shared evenly between the passes: 34 bits
/// (two 17-bit slots) take three passes, not four with the last of one bit.
inline void radix_sort(std::vector<std::uint64_t>& keys, int bits) {
    const int passes = std::max(1, (bits + 11) / 12), digit = (bits + passes - 1) / passes;
    const std::uint64_t mask = (std::uint64_t{1} << digit) - 1;
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
