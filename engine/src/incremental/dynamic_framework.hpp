// Internal: an abstract framework that changes in place. Arguments live in
// slots that are never reused (a re-added id gets a new slot), so solver
// variables tied to a slot never change meaning. The attack lists are kept in
// the Core layout (core.hpp) with slots as local indices, so the search loops
// of cegar.hpp run on it directly; a dead slot has no attacks. Filled at once
// (assign), the lists sit in one pool each and the attack table waits for the
// first change of the attacks: a first question needs only the lists. An id
// that lives in the slot of its own number (claims numbered 0, 1, 2, ...
// filled at once) is found there, not hashed.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "semantics/extensions/core.hpp"
#include "util/flat_map.hpp"

namespace agon::detail::incremental {

class DynamicFramework {
public:
    std::uint32_t slots() const { return static_cast<std::uint32_t>(alive_.size()); }
    bool alive(std::uint32_t slot) const { return alive_[slot] != 0; }
    std::uint32_t id(std::uint32_t slot) const { return id_of_[slot]; }
    /// The slot of a live argument; throws not_found.
    std::uint32_t slot(std::uint32_t id) const {
        if (at_home(id)) return id;
        return hashed_slot(id);
    }
    bool has(std::uint32_t id) const { return at_home(id) || slot_of_.contains(id); }
    bool has_attack(std::uint32_t from, std::uint32_t to) const;
    /// True when slot a attacks slot b.
    bool slot_attacks(std::uint32_t a, std::uint32_t b) const {
        if (!bulk_derivations_.empty()) return std::ranges::binary_search(targets(a), b);  // sorted till then
        const Place* place = attacks_.find(key(a, b));
        return place && place->derivations != 0;
    }
    std::size_t size() const { return live_; }
    std::size_t attack_count() const { return attacks_.size() - dormant_ + bulk_derivations_.size(); }
    const ext::Core& core() const { return core_; }
    /// A slot's attackers or targets; valid until the next change.
    std::span<const std::uint32_t> attackers(std::uint32_t slot) const { return core_.attackers[slot]; }
    std::span<const std::uint32_t> targets(std::uint32_t slot) const { return core_.targets[slot]; }

    /// Fill an empty framework at once: argument ids[s] in slot s, and the
    /// slot pairs a << 32 | b of `attacks` (any order, each pair once per
    /// derivation). The same arguments, attacks and derivations as adding
    /// them one by one, every slot touched, nothing recorded; O(n + m) where
    /// one by one probes the attack table per derivation. The table itself
    /// is built (O(m)) at the first change of an attack or checkpoint().
    void assign(std::vector<std::uint32_t> ids, std::vector<std::uint64_t> attacks);

    void add(std::uint32_t id);
    void remove(std::uint32_t id);
    void add_attack(std::uint32_t from, std::uint32_t to);
    /// Remove the attack, however many derivations it has.
    void remove_attack(std::uint32_t from, std::uint32_t to);
    /// One derivation more of the attack from -> to (a caller that derives
    /// attacks, several ways each): the attack comes with the first. True when it came.
    bool derive_attack(std::uint32_t from, std::uint32_t to);
    /// One derivation fewer; the attack goes with the last. True when it
    /// went; throws not_found when there is no such attack.
    bool underive_attack(std::uint32_t from, std::uint32_t to) {
        build_table();
        const std::uint32_t a = slot(from), b = slot(to);
        Place* place = live(a, b);
        if (!place) no_attack(from, to);
        if (place->derivations > 1) {
            --place->derivations;
            record({Op::fewer, a, b, 1, static_cast<std::uint32_t>(attacks_.cell_of(place))});
            return false;
        }
        record(unlink(a, b, *place));
        touch(b);
        return true;
    }

    /// Move the slots whose own life or attackers changed since the last
    /// take_touched() into `into` (its old contents dropped, its buffer reused).
    void take_touched(std::vector<std::uint32_t>& into);

    /// Start recording the changes, dropping those recorded before.
    void checkpoint();
    /// Undo every change since checkpoint() and stop recording: the same
    /// arguments in the same slots with the same attacks (listed perhaps in
    /// another order), slots added since gone, and nothing touched. For a
    /// caller that restores what it derived from the framework itself.
    void rollback();

private:
    struct Op {
        enum Kind : std::uint8_t { add, remove, link, unlink, more, fewer } kind;
        // add: slot; remove: slot, id; the others: slots from, to (unlink:
        // and the derivations the attack had), and the attack's cell in
        // attacks_ then (rollback() looks there first).
        std::uint32_t a, b, derivations = 1, cell = 0;
    };
    // Where an attack a -> b stands in targets(a) and attackers(b): it
    // leaves both lists in constant time (dense frameworks have long ones).
    // No derivations: a dormant entry, an attack removed while recording
    // (its cell stays put for rollback(); checkpoint() erases it).
    struct Place {
        std::uint32_t in_targets, in_attackers, derivations;
    };

    // Callers that number arguments 0, 1, 2, ... find most in the slot of
    // that number (a live id has one slot only); slot_of_ holds the others.
    bool at_home(std::uint32_t id) const { return id < slots() && id_of_[id] == id && alive_[id]; }
    // slot() by the hash map.
    std::uint32_t hashed_slot(std::uint32_t id) const;
    // The attack table of the attacks assign() put in, unless built already.
    void build_table() {
        if (!bulk_derivations_.empty()) fill_table();
    }
    void fill_table();
    // Throw not_found for the attack from -> to.
    [[noreturn]] static void no_attack(std::uint32_t from, std::uint32_t to);
    void touch(std::uint32_t slot) {
        if (touched_flag_[slot]) return;
        touched_flag_[slot] = 1;
        touched_.push_back(slot);
    }
    // The live attack a -> b, or nullptr.
    Place* live(std::uint32_t a, std::uint32_t b) {
        Place* place = attacks_.find(key(a, b));
        return place && place->derivations ? place : nullptr;
    }
    // Put the attack in both lists (a dormant entry comes back); its cell.
    std::uint32_t link(std::uint32_t a, std::uint32_t b, std::uint32_t derivations);
    // Put the attack at the end of both lists, noting where in `place`.
    void append(std::uint32_t a, std::uint32_t b, Place& place, std::uint32_t derivations) {
        place = {static_cast<std::uint32_t>(core_.targets[a].size()),
                 static_cast<std::uint32_t>(core_.attackers[b].size()), derivations};
        core_.attackers.push_back(b, a);
        core_.targets.push_back(a, b);
    }
    // Take the live attack at `place` out of both lists and the map
    // (dormant while recording); the journal entry that undoes it.
    Op unlink(std::uint32_t a, std::uint32_t b, Place& place) {
        const Op op{Op::unlink, a, b, place.derivations, static_cast<std::uint32_t>(attacks_.cell_of(&place))};
        take_out(a, b, place);
        // While recording, the entry stays (dormant) in its cell: rollback()
        // revives it there without a probe, as it usually does for a switch-off.
        if (!recording_) {
            attacks_.erase(key(a, b));
            --dormant_;
        }
        return op;
    }
    // Take the attack at `place` out of both lists and make it dormant.
    void take_out(std::uint32_t a, std::uint32_t b, Place& place) {
        // The last entry of each list takes the freed place.
        const std::uint32_t c = core_.targets.remove_at(a, place.in_targets);
        if (c != b) attacks_.find(key(a, c))->in_targets = place.in_targets;
        const std::uint32_t d = core_.attackers.remove_at(b, place.in_attackers);
        if (d != a) attacks_.find(key(d, b))->in_attackers = place.in_attackers;
        place.derivations = 0;
        ++dormant_;
    }
    // Erase the dormant entries of the attacks of the journal's ops of `kind`.
    void purge(Op::Kind kind);
    void record(Op op) {
        if (recording_) journal_.push_back(op);
    }
    static std::uint64_t key(std::uint32_t a, std::uint32_t b) { return std::uint64_t{a} << 32 | b; }

    ext::Core core_;  // slots as local indices; `global` is the identity
    std::vector<char> alive_, touched_flag_;
    std::vector<std::uint32_t> id_of_, touched_;
    FlatMap<> slot_of_;       // live ids not at home (at_home())
    std::size_t live_ = 0;    // live ids
    FlatMap<Place> attacks_;  // by slot pair
    // Until the table is built (assign() to the first change of an attack):
    // the derivations of each attack, in the order of the targets lists
    // (which stay sorted till then); empty otherwise.
    std::vector<std::uint32_t> bulk_derivations_;
    std::size_t dormant_ = 0;  // entries of attacks_ without derivations
    std::vector<Op> journal_;  // since checkpoint()
    bool recording_ = false;
};

}  // namespace agon::detail::incremental
