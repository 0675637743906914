// Dispute trees and undecided cycles for grounded semantics.
#include <algorithm>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "agon/error.hpp"
#include "agon/explain.hpp"
#include "semantics/registry.hpp"

namespace agon {

namespace {

// The in-attacker of `v` with the lowest level (it exists when v is out).
std::uint32_t best_defeater(const Snapshot& s, const std::vector<Label>& labels,
                            const std::vector<std::uint32_t>& level, std::uint32_t v) {
    std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
    for (std::uint32_t a : s.attackers().neighbours(v))
        if (labels[a] == Label::in && (best == std::numeric_limits<std::uint32_t>::max() || level[a] < level[best]))
            best = a;
    return best;
}

}  // namespace

GroundedExplainer::GroundedExplainer(const Snapshot& s, const Control& control)
    : s_(s), labels_(detail::grounded_labelling(s, control, &level_)) {}

GroundedWhy explain_grounded(const Snapshot& s, std::uint32_t target, const Control& control) {
    if (target >= s.size()) throw Error(ErrorKind::not_found, "claim index out of range");
    return GroundedExplainer(s, control).why(target, control);
}

// The marks below are hash sets, not vectors of the snapshot's size: one
// explainer answers for every claim of a large graph, and clearing n marks
// per answer would make that quadratic.
GroundedWhy GroundedExplainer::why(std::uint32_t target, const Control& control) const {
    const Snapshot& s = s_;
    if (target >= s.size()) throw Error(ErrorKind::not_found, "claim index out of range");
    const std::vector<Label>& labels = labels_;
    GroundedWhy why;
    why.target = target;
    why.label = labels[target];

    if (why.label == Label::undec) {
        // Every undecided claim has an undecided attacker; following them
        // backwards must close a cycle.
        std::vector<std::uint32_t> walk{target};
        std::unordered_map<std::uint32_t, std::size_t> pos{{target, 0}};
        for (;;) {
            control.check();
            std::uint32_t v = walk.back(), next = v;
            for (std::uint32_t a : s.attackers().neighbours(v))
                if (labels[a] == Label::undec) {
                    next = a;
                    break;
                }
            if (auto seen = pos.find(next); seen != pos.end()) {
                // walk[j..end] is the cycle, each attacked by its successor; start it
                // at the entry walk[j], which attacks walk.back().
                const std::size_t j = seen->second;
                why.cycle.push_back(walk[j]);
                for (std::size_t i = walk.size() - 1; i > j; --i) why.cycle.push_back(walk[i]);
                why.path.assign(walk.rbegin() + static_cast<std::ptrdiff_t>(walk.size() - j - 1), walk.rend());
                return why;
            }
            pos.emplace(next, walk.size());
            walk.push_back(next);
        }
    }

    std::unordered_set<std::uint32_t> done, queued;
    std::vector<std::uint32_t> queue;
    if (why.label == Label::out) {
        std::uint32_t a = best_defeater(s, labels, level_, target);
        why.defeats.emplace_back(a, target);
        done.insert(target);
        queue.push_back(a);
    } else {
        queue.push_back(target);
    }
    queued.insert(queue.front());
    for (std::size_t head = 0; head < queue.size(); ++head) {
        control.check();
        for (std::uint32_t b : s.attackers().neighbours(queue[head])) {
            if (!done.insert(b).second) continue;
            std::uint32_t a = best_defeater(s, labels, level_, b);
            why.defeats.emplace_back(a, b);
            if (queued.insert(a).second) queue.push_back(a);
        }
    }
    return why;
}

}  // namespace agon
