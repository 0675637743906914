// Internal: stable extensions found by earlier questions, kept valid across
// changes so that a later question they answer needs no SAT call (on dense
// frameworks a credulous yes from the solver costs as much as a no).
// A change is checked at the slots it touched only (their life or attackers
// changed; DynamicFramework touches the targets of a removed argument): a
// kept extension E stays stable when every touched live slot in E has no
// attacker in E and every other touched live slot has one. A touched slot
// that has none joins E when it attacks nothing in E, itself included (E
// stays conflict-free and covers it); otherwise E is dropped. Untouched
// slots keep their attackers, and joining only adds members that attack no
// member, so their status holds.
// Cost: O(kept x in-degrees of the touched slots) per change.
#pragma once

#include <cstdint>
#include <vector>

#include "dynamic_framework.hpp"

namespace agon::detail::incremental {

class KeptStable {
public:
    /// Keep `in` (per slot; dead slots ignored), a stable extension of `af`.
    void keep(const DynamicFramework& af, std::vector<char> in);
    /// Re-check every kept extension after `af` changed at `touched`.
    void changed(const DynamicFramework& af, const std::vector<std::uint32_t>& touched);
    /// A kept extension (per slot) with all of `slots` (`with`) or without
    /// one of them (!`with`); nullptr when there is none.
    const std::vector<char>* find(const std::vector<std::uint32_t>& slots, bool with) const;

private:
    static constexpr std::size_t kMax = 8;  // a small set, checked on every change
    static bool in(const std::vector<char>& e, std::uint32_t s) { return s < e.size() && e[s]; }
    bool still_stable(const DynamicFramework& af, std::vector<char>& e, const std::vector<std::uint32_t>& touched) const;
    std::vector<std::vector<char>> kept_;
    std::size_t next_ = 0;  // the slot of kept_ to replace when full
};

}  // namespace agon::detail::incremental
