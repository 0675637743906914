// Internal: many short lists of numbers (a LiveGraph's edges at each claim)
// in one pool, so that a large graph's lists are allocated and freed at once
// rather than one by one (on a 20,000-claim graph that was most of building
// and freeing the LiveGraph). A list that outgrows its room moves to the end
// of the pool with twice the room; the room it leaves stays unused.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace agon::detail::incremental {

class SlotLists {
public:
    /// sizes.size() empty lists, list i with room for sizes[i] numbers.
    void assign(std::span<const std::uint32_t> sizes) {
        lists_.resize(sizes.size());
        std::size_t begin = 0;
        for (std::size_t i = 0; i < sizes.size(); ++i) {
            lists_[i] = {begin, 0, sizes[i]};
            begin += sizes[i];
        }
        pool_.resize(begin);
    }
    /// One more empty list.
    void add_list() { lists_.push_back({pool_.size(), 0, 0}); }

    /// List i; valid until the next push_back (on any list).
    std::span<const std::uint32_t> operator[](std::uint32_t i) const {
        return {pool_.data() + lists_[i].begin, lists_[i].size};
    }

    void push_back(std::uint32_t i, std::uint32_t x) {
        List& l = lists_[i];
        if (l.size == l.room) {
            const std::uint32_t room = std::max(4u, 2 * l.room);
            if (l.begin + l.room != pool_.size()) {
                const std::size_t begin = pool_.size();
                pool_.resize(begin + room);
                std::copy_n(pool_.begin() + static_cast<std::ptrdiff_t>(l.begin), l.size,
                            pool_.begin() + static_cast<std::ptrdiff_t>(begin));
                l.begin = begin;
            } else {
                pool_.resize(l.begin + room);  // the last list grows in place
            }
            l.room = room;
        }
        pool_[l.begin + l.size++] = x;
    }

    /// Remove one x from list i, if there (the list's last number takes its place).
    void erase_one(std::uint32_t i, std::uint32_t x) {
        List& l = lists_[i];
        std::uint32_t* first = pool_.data() + l.begin;
        std::uint32_t* it = std::find(first, first + l.size, x);
        if (it == first + l.size) return;
        *it = first[--l.size];
    }

private:
    struct List {
        std::size_t begin;
        std::uint32_t size, room;
    };
    std::vector<List> lists_;
    std::vector<std::uint32_t> pool_;
};

}  // namespace agon::detail::incremental
