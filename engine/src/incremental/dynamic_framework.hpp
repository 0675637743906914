// Internal: an abstract framework that changes in place. Arguments live in
// slots that are never reused (a re-added id gets a new slot), so solver
// variables tied to a slot never change meaning. The attack lists are kept in
// the Core layout (core.hpp) with slots as local indices, so the search loops
// of cegar.hpp run on it directly; a dead slot has no attacks.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "semantics/extensions/core.hpp"

namespace agon::detail::incremental {

class DynamicFramework {
public:
    std::uint32_t slots() const { return static_cast<std::uint32_t>(alive_.size()); }
    bool alive(std::uint32_t slot) const { return alive_[slot] != 0; }
    std::uint32_t id(std::uint32_t slot) const { return id_of_[slot]; }
    /// The slot of a live argument; throws not_found.
    std::uint32_t slot(std::uint32_t id) const;
    bool has(std::uint32_t id) const { return slot_of_.count(id) != 0; }
    bool has_attack(std::uint32_t from, std::uint32_t to) const;
    std::size_t size() const { return slot_of_.size(); }
    std::size_t attack_count() const { return attacks_.size(); }
    const ext::Core& core() const { return core_; }
    const std::vector<std::uint32_t>& attackers(std::uint32_t slot) const { return core_.attackers[slot]; }
    const std::vector<std::uint32_t>& targets(std::uint32_t slot) const { return core_.targets[slot]; }

    void add(std::uint32_t id);
    void remove(std::uint32_t id);
    void add_attack(std::uint32_t from, std::uint32_t to);
    void remove_attack(std::uint32_t from, std::uint32_t to);

    /// Slots whose own life or attackers changed since the last take_touched().
    std::vector<std::uint32_t> take_touched();

private:
    void touch(std::uint32_t slot);
    static std::uint64_t key(std::uint32_t a, std::uint32_t b) { return std::uint64_t{a} << 32 | b; }

    ext::Core core_;  // slots as local indices; `global` is the identity
    std::vector<char> alive_, touched_flag_;
    std::vector<std::uint32_t> id_of_, touched_;
    std::unordered_map<std::uint32_t, std::uint32_t> slot_of_;
    std::unordered_set<std::uint64_t> attacks_;  // slot pairs
};

}  // namespace agon::detail::incremental
