// Internal: a hash map from 64-bit keys to small values in one flat array
// (open addressing, linear probing, deletion by backward shift). The
// incremental mirrors insert and erase attacks by the hundred per change;
// std::unordered_map would allocate a node for each.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "util/radix_sort.hpp"

namespace agon::detail {

template <class V = std::uint32_t>
class FlatMap {
public:
    /// Keys may be anything but this one (it marks an empty cell).
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};

    std::size_t size() const noexcept { return size_; }
    bool contains(std::uint64_t key) const { return find(key) != nullptr; }

    /// The value of `key`, or nullptr.
    const V* find(std::uint64_t key) const {
        if (cells_.empty()) return nullptr;
        for (std::size_t i = home(key);; i = (i + 1) & mask_) {
            if (cells_[i].key == key) return &cells_[i].value;
            if (cells_[i].key == kEmpty) return nullptr;
        }
    }
    V* find(std::uint64_t key) {
        return const_cast<V*>(std::as_const(*this).find(key));
    }

    /// Where a value found or inserted lives: its cell, valid until an
    /// insertion grows the map or an erasure moves cells.
    std::size_t cell_of(const V* value) const {
        return static_cast<std::size_t>(reinterpret_cast<const char*>(value) -
                                        reinterpret_cast<const char*>(cells_.data())) /
               sizeof(Cell);
    }
    /// The value of `key`, looked up in `cell` first (from cell_of(), perhaps
    /// stale), then by probing; nullptr when absent.
    V* find(std::uint64_t key, std::size_t cell) {
        if (cell < cells_.size() && cells_[cell].key == key) return &cells_[cell].value;
        return find(key);
    }

    /// Room for `n` keys in all without growing (a bulk fill).
    void reserve(std::size_t n) {
        std::size_t capacity = 16;
        while (capacity < 2 * n) capacity *= 2;
        if (capacity > cells_.size()) rehash(capacity);
    }

    /// Fill an empty map with distinct keys[i] -> values[i] at once, in the
    /// order of their home cells: the fill walks the table front to back
    /// where inserting in the given order misses the cache at almost every key.
    void assign(const std::vector<std::uint64_t>& keys, const std::vector<V>& values) {
        reserve(keys.size());
        int index_bits = 1;
        while (index_bits < 64 && (std::uint64_t{1} << index_bits) < keys.size()) ++index_bits;
        std::vector<std::uint64_t> order(keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i) order[i] = std::uint64_t{home(keys[i])} << index_bits | i;
        radix_sort(order, (64 - shift_) + index_bits);
        const std::uint64_t index = (std::uint64_t{1} << index_bits) - 1;
        for (std::uint64_t o : order) try_emplace(keys[o & index], values[o & index]);
    }

    /// The value of `key`, inserted as `value` when absent; true when inserted.
    std::pair<V*, bool> try_emplace(std::uint64_t key, V value) {
        if (2 * (size_ + 1) > cells_.size()) grow();
        std::size_t i = home(key);
        for (; cells_[i].key != kEmpty; i = (i + 1) & mask_)
            if (cells_[i].key == key) return {&cells_[i].value, false};
        cells_[i] = {key, value};
        ++size_;
        return {&cells_[i].value, true};
    }

    /// Remove `key`; false when it was absent.
    bool erase(std::uint64_t key) {
        if (cells_.empty()) return false;
        std::size_t i = home(key);
        for (; cells_[i].key != key; i = (i + 1) & mask_)
            if (cells_[i].key == kEmpty) return false;
        // Shift back the cells whose probe passed the hole, so no probe ends early.
        for (std::size_t j = (i + 1) & mask_; cells_[j].key != kEmpty; j = (j + 1) & mask_) {
            const std::size_t h = home(cells_[j].key);
            if (((j - h) & mask_) >= ((j - i) & mask_)) {
                cells_[i] = cells_[j];
                i = j;
            }
        }
        cells_[i].key = kEmpty;
        --size_;
        return true;
    }

private:
    struct Cell {
        std::uint64_t key = kEmpty;
        V value{};
    };

    std::size_t home(std::uint64_t key) const {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
    }

    void grow() { rehash(cells_.empty() ? 16 : 2 * cells_.size()); }

    void rehash(std::size_t capacity) {
        std::vector<Cell> old = std::exchange(cells_, std::vector<Cell>(capacity));
        mask_ = capacity - 1;
        shift_ = 64 - std::countr_zero(capacity);
        size_ = 0;
        for (const Cell& c : old)
            if (c.key != kEmpty) try_emplace(c.key, c.value);
    }

    std::vector<Cell> cells_;
    std::size_t size_ = 0, mask_ = 0;
    int shift_ = 64;  // 64 - log2(capacity)
};

}  // namespace agon::detail
