// Internal: many short lists of numbers (a LiveGraph's edges at each claim,
// a framework's attackers and targets of each argument) in one pool, so that
// a large graph's lists are allocated and freed at once rather than one by
// one (on a 20,000-claim graph that was most of building and freeing the
// LiveGraph, and of the kept framework's first fill). A list that outgrows
// its room moves to the end of the pool with twice the room; the room it
// leaves stays unused.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace agon::detail {

class SlotLists {
public:
    /// sizes.size() empty lists, list i with room for sizes[i] numbers.
    void assign(std::span<const std::uint32_t> sizes) {
        lists_.resize(sizes.size());
        for (std::size_t i = 0; i < sizes.size(); ++i) lists_[i] = {0, 0, sizes[i]};
        lay_out();
    }
    /// n empty lists without room, for a caller that counts in place what
    /// each will hold (make_room(), then lay_out()): no count array of its own.
    void reset(std::size_t n) {
        lists_.assign(n, List{});
        pool_.clear();
    }
    /// Room for one number more in list i; lay_out() must follow.
    void make_room(std::uint32_t i) { ++lists_[i].room; }
    /// Place the empty lists side by side in the pool, each with its room.
    void lay_out() {
        std::size_t begin = 0;
        for (List& l : lists_) {
            l.begin = begin;
            begin += l.room;
        }
        pool_.resize(begin);
    }
    /// One more list, holding `numbers` (with room for them alone).
    void add_list(std::span<const std::uint32_t> numbers = {}) {
        const auto size = static_cast<std::uint32_t>(numbers.size());
        lists_.push_back({pool_.size(), size, size});
        pool_.insert(pool_.end(), numbers.begin(), numbers.end());
    }
    /// Drop the last list (its room is freed when it ends the pool).
    void pop_list() {
        if (lists_.back().begin + lists_.back().room == pool_.size()) pool_.resize(lists_.back().begin);
        lists_.pop_back();
    }
    /// How many lists there are.
    std::size_t size() const noexcept { return lists_.size(); }

    /// List i; valid until the next push_back or add_list (on any list).
    std::span<const std::uint32_t> operator[](std::uint32_t i) const {
        return {pool_.data() + lists_[i].begin, lists_[i].size};
    }

    void push_back(std::uint32_t i, std::uint32_t x) {
        List& l = lists_[i];
        if (l.size == l.room) grow(l);
        pool_[l.begin + l.size++] = x;
    }

    /// Remove the number at `at` in list i: the list's last number takes its
    /// place. Returns that last number (the removed one when it was last).
    std::uint32_t remove_at(std::uint32_t i, std::uint32_t at) {
        List& l = lists_[i];
        std::uint32_t* first = pool_.data() + l.begin;
        const std::uint32_t last = first[--l.size];
        first[at] = last;
        return last;
    }

    /// Remove one x from list i, if there (the list's last number takes its place).
    void erase_one(std::uint32_t i, std::uint32_t x) {
        const auto list = (*this)[i];
        const auto it = std::find(list.begin(), list.end(), x);
        if (it != list.end()) remove_at(i, static_cast<std::uint32_t>(it - list.begin()));
    }

private:
    struct List {
        std::size_t begin;
        std::uint32_t size, room;
    };

    // Twice the room for full list l (out of line: push_back stays small
    // enough to inline into the per-change loops).
    [[gnu::noinline]] void grow(List& l) {
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
    std::vector<List> lists_;
    std::vector<std::uint32_t> pool_;
};

}  // namespace agon::detail
