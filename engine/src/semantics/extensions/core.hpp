// Internal: the part of a framework left undecided by the grounded labelling,
// and the SAT encoding of labellings over it.
#pragma once

#include <cstdint>
#include <vector>

#include "agon/extensions.hpp"
#include "agon/semantics.hpp"
#include "sat.hpp"
#include "util/slot_lists.hpp"

namespace agon::detail::ext {

/// The undecided part: arguments 0..n-1 (local), with their attackers among
/// undecided arguments, and the grounded in-set to add back to every answer.
struct Core {
    std::vector<Label> grounded;           // per snapshot claim
    std::vector<std::uint32_t> global;     // local -> snapshot index
    std::vector<std::int64_t> local;       // snapshot index -> local, or -1
    // In one pool each (util/slot_lists.hpp): a large framework's lists are
    // allocated and freed at once.
    SlotLists attackers;  // local attackers per local argument
    SlotLists targets;    // local arguments each one attacks
    std::vector<std::uint32_t> grounded_in;             // snapshot indices, ascending
    std::uint32_t n() const { return static_cast<std::uint32_t>(global.size()); }
};

/// Reduce by the grounded labelling (complete-based semantics) or keep the
/// whole framework (stage, `reduce` false: every argument is "undecided").
/// With `relevant_to` an undecided claim, keep only the undecided claims with
/// an attack path to it (itself included): an unattacked part, on which
/// admissible sets and preferred extensions are those of the whole framework
/// restricted to it (directionality, Baroni & Giacomin 2007).
Core make_core(const Snapshot& s, const Control& control, bool reduce, std::int64_t relevant_to = -1);

/// Add to the admissible set `in` (local, 0/1 per argument) every argument it
/// defends, until none is left: the least complete extension containing it.
/// O(n + m).
void close_under_defence(const Core& core, std::vector<char>& in);

/// Shrink the conflict-free set `keep` (local) to its greatest admissible
/// subset: drop arguments with an attacker that `keep` does not attack, until
/// none is left. Attackers outside the core are out in grounded, hence
/// defended. O(rounds * m); honours `control`.
void greatest_admissible(const Core& core, std::vector<char>& keep, const Control& control);

/// Variables: x(a) "a is in", d(a) "a is attacked by the set".
class Encoding {
public:
    Encoding(const Core& core, sat::Solver& solver);
    int x(std::uint32_t a) const { return static_cast<int>(a) + 1; }
    int d(std::uint32_t a) const { return static_cast<int>(n_ + a) + 1; }

    void conflict_free();
    void admissible();
    void complete();
    void stable();  // every argument in or attacked
    /// Define r(a) <-> x(a) or d(a) ("a is in the range"); call once before using r.
    void define_range();
    int r(std::uint32_t a) const { return static_cast<int>(2 * n_ + a) + 1; }

    /// Read the extension (in snapshot indices, grounded-in included) from the model.
    Extension extension() const;
    /// Local arguments in the range (in or attacked) in the model.
    std::vector<char> range() const;

private:
    const Core& core_;
    sat::Solver& solver_;
    std::uint32_t n_;
};

}  // namespace agon::detail::ext
