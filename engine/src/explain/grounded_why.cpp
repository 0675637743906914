// Dispute trees and undecided cycles for grounded semantics.
#include <algorithm>
#include <limits>

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

GroundedWhy explain_grounded(const Snapshot& s, std::uint32_t target, const Control& control) {
    if (target >= s.size()) throw Error(ErrorKind::not_found, "claim index out of range");
    std::vector<std::uint32_t> level;
    std::vector<Label> labels = detail::grounded_labelling(s, control, &level);
    GroundedWhy why;
    why.target = target;
    why.label = labels[target];

    if (why.label == Label::undec) {
        // Every undecided claim has an undecided attacker; following them
        // backwards must close a cycle.
        std::vector<std::uint32_t> walk{target};
        std::vector<std::int64_t> pos(s.size(), -1);
        pos[target] = 0;
        for (;;) {
            control.check();
            std::uint32_t v = walk.back(), next = v;
            for (std::uint32_t a : s.attackers().neighbours(v))
                if (labels[a] == Label::undec) {
                    next = a;
                    break;
                }
            if (pos[next] >= 0) {
                // walk[j..end] is the cycle, each attacked by its successor; start it
                // at the entry walk[j], which attacks walk.back().
                const auto j = static_cast<std::size_t>(pos[next]);
                why.cycle.push_back(walk[j]);
                for (std::size_t i = walk.size() - 1; i > j; --i) why.cycle.push_back(walk[i]);
                why.path.assign(walk.rbegin() + static_cast<std::ptrdiff_t>(walk.size()) - pos[next] - 1, walk.rend());
                return why;
            }
            pos[next] = static_cast<std::int64_t>(walk.size());
            walk.push_back(next);
        }
    }

    std::vector<char> done(s.size(), 0);
    std::vector<std::uint32_t> queue;
    if (why.label == Label::out) {
        std::uint32_t a = best_defeater(s, labels, level, target);
        why.defeats.emplace_back(a, target);
        done[target] = 1;
        queue.push_back(a);
    } else {
        queue.push_back(target);
    }
    std::vector<char> queued(s.size(), 0);
    for (std::uint32_t q : queue) queued[q] = 1;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        control.check();
        for (std::uint32_t b : s.attackers().neighbours(queue[head])) {
            if (done[b]) continue;
            done[b] = 1;
            std::uint32_t a = best_defeater(s, labels, level, b);
            why.defeats.emplace_back(a, b);
            if (!queued[a]) {
                queued[a] = 1;
                queue.push_back(a);
            }
        }
    }
    return why;
}

}  // namespace agon
