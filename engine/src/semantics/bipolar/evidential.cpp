// Evidential support (Oren & Norman 2008; Polberg & Oren 2014), evaluated
// directly as a grounded-style least fixpoint (SEMANTICS.md §3).
#include "agon/bipolar.hpp"

namespace agon {

std::vector<Label> evidential_grounded(const Snapshot& s, const Control& control) {
    const std::uint32_t n = s.size();
    bool tagged = false;
    for (std::uint32_t v = 0; v < n && !tagged; ++v)
        for (const auto& t : s.tags(v)) tagged |= t == "prima_facie";
    std::vector<char> prima(n, 0);
    for (std::uint32_t v = 0; v < n; ++v) {
        for (const auto& t : s.tags(v)) prima[v] |= t == "auxiliary" || (tagged && t == "prima_facie");
        if (!tagged) prima[v] |= s.supporters().degree(v) == 0;
    }
    std::vector<Label> label(n, Label::undec);
    for (bool changed = true; changed;) {
        control.check();
        changed = false;
        // Claims no support chain from a prima facie claim reaches (through
        // claims not yet out) have no evidence: out.
        std::vector<char> reached(n, 0);
        std::vector<std::uint32_t> stack;
        for (std::uint32_t v = 0; v < n; ++v)
            if (prima[v] && label[v] != Label::out) {
                reached[v] = 1;
                stack.push_back(v);
            }
        while (!stack.empty()) {
            std::uint32_t v = stack.back();
            stack.pop_back();
            for (std::uint32_t w : s.supported().neighbours(v))
                if (!reached[w] && label[w] != Label::out) {
                    reached[w] = 1;
                    stack.push_back(w);
                }
        }
        for (std::uint32_t v = 0; v < n; ++v)
            if (!reached[v] && label[v] == Label::undec) {
                label[v] = Label::out;
                changed = true;
            }
        for (std::uint32_t v = 0; v < n; ++v) {
            if (label[v] != Label::undec) continue;
            bool all_attacks_inactive = true, active_attack = false;
            for (std::uint32_t a : s.attackers().neighbours(v)) {
                all_attacks_inactive &= label[a] == Label::out;
                active_attack |= label[a] == Label::in;
            }
            bool supporter_in = false, all_supporters_out = true;
            for (std::uint32_t x : s.supporters().neighbours(v)) {
                supporter_in |= label[x] == Label::in;
                all_supporters_out &= label[x] == Label::out;
            }
            if (all_attacks_inactive && (prima[v] || supporter_in)) {
                label[v] = Label::in;
                changed = true;
            } else if (active_attack || (!prima[v] && all_supporters_out)) {
                label[v] = Label::out;
                changed = true;
            }
        }
    }
    return label;
}

}  // namespace agon
