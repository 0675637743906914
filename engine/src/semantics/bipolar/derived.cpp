// Derived attacks from support (docs/semantics.md §3): the direct attacks closed
// under the two rules of the chosen reading.
#include <optional>

#include "agon/bipolar.hpp"
#include "closure.hpp"

namespace agon {

std::vector<DerivedAttack> derived_attacks(const Snapshot& s, SupportMode mode, const Control& control) {
    // deductive: x D* b0 and y D* c0 (what supports either end, backwards);
    // necessary: b0 N* x and c0 N* y (what either end supports, forwards).
    // Reading both ends of every attack through the closure is the fixpoint
    // of the two rules: a derived attack derives nothing new.
    const bool reads_support = mode == SupportMode::deductive || mode == SupportMode::necessary;
    std::optional<detail::SupportClosure> closure;
    if (reads_support) closure.emplace(s, mode == SupportMode::necessary);
    std::vector<DerivedAttack> out;
    for (std::uint32_t e = 0; e < s.edge_count(); ++e) {
        if (s.edge_kind(e) != EdgeKind::attack) continue;
        const std::uint32_t b0 = s.edge_from(e), c0 = s.edge_to(e);
        if (!reads_support) {
            out.push_back({b0, c0, e});
            continue;
        }
        control.check();
        auto xs = closure->of(b0);
        auto ys = closure->of(c0);
        for (std::uint32_t x : xs)
            for (std::uint32_t y : ys) out.push_back({x, y, e});
    }
    return out;
}

}  // namespace agon
