#include "fan_in.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace agon::detail {

namespace {

// The longest path of arcs into each node, leaving out the arcs that close a
// cycle on a depth-first walk back along the arcs (dot, too, reverses some).
std::vector<int> longest_into(const std::vector<std::vector<std::size_t>>& tails_of) {
    const std::size_t n = tails_of.size();
    std::vector<int> longest(n, 0);
    std::vector<char> state(n, 0);                          // 0 unseen, 1 on the walk, 2 done
    std::vector<std::pair<std::size_t, std::size_t>> walk;  // node, next of its tails to visit
    for (std::size_t root = 0; root < n; ++root) {
        if (state[root]) continue;
        state[root] = 1;
        walk.emplace_back(root, 0);
        while (!walk.empty()) {
            const std::size_t v = walk.back().first;
            if (walk.back().second < tails_of[v].size()) {
                const std::size_t t = tails_of[v][walk.back().second++];
                if (state[t] == 0) {
                    state[t] = 1;
                    walk.emplace_back(t, 0);
                }
                continue;
            }
            // Done: each tail is done too, or still on the walk (an arc closing a cycle).
            for (const std::size_t t : tails_of[v])
                if (state[t] == 2) longest[v] = std::max(longest[v], longest[t] + 1);
            state[v] = 2;
            walk.pop_back();
        }
    }
    return longest;
}

}  // namespace

std::vector<int> fan_in_minlen(const std::vector<std::pair<std::string, std::string>>& arcs) {
    std::unordered_map<std::string_view, std::size_t> index;
    std::vector<std::size_t> degree;  // arcs at each node, either end
    std::vector<std::vector<std::size_t>> tails_of;
    auto node = [&](const std::string& name) {
        const auto [it, added] = index.emplace(name, index.size());
        if (added) {
            degree.push_back(0);
            tails_of.emplace_back();
        }
        return it->second;
    };
    for (const auto& [tail, head] : arcs) {
        const std::size_t t = node(tail), h = node(head);
        ++degree[t];
        ++degree[h];
        tails_of[h].push_back(t);
    }
    // The arcs from leaves into each node, in order.
    std::vector<std::vector<std::size_t>> fed(index.size());
    for (std::size_t i = 0; i < arcs.size(); ++i)
        if (degree[index.at(arcs[i].first)] == 1) fed[index.at(arcs[i].second)].push_back(i);
    std::vector<int> minlen(arcs.size(), 1);
    std::vector<int> longest;
    for (std::size_t h = 0; h < fed.size(); ++h) {
        if (fed[h].size() < kFanInLeaves) continue;
        if (longest.empty()) longest = longest_into(tails_of);
        const auto ranks = static_cast<std::size_t>(std::clamp(longest[h], 2, kFanInRanks));
        for (std::size_t k = 0; k < fed[h].size(); ++k) minlen[fed[h][k]] = 1 + static_cast<int>(k % ranks);
    }
    return minlen;
}

}  // namespace agon::detail
