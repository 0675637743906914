#include "curve_cost.hpp"

#include <unordered_map>

namespace agon::detail {

bool curves_affordable(const std::vector<std::pair<std::string, std::string>>& arcs, std::uint64_t budget) {
    std::unordered_map<std::string, std::uint32_t> index;
    auto node = [&](const std::string& name) { return index.emplace(name, index.size()).first->second; };
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    edges.reserve(arcs.size());
    for (const auto& [tail, head] : arcs) {
        const std::uint32_t t = node(tail);
        edges.emplace_back(t, node(head));
    }
    const std::size_t n = index.size();
    std::vector<std::uint32_t> start(n + 1, 0), out(edges.size());
    for (const auto& e : edges) ++start[e.first + 1];
    for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (const auto& e : edges) out[fill[e.first]++] = e.second;

    // Every simple path from every node, as Graphviz walks them: a visit of a
    // node already on the path is a step too (it closes a cycle or ends there).
    std::uint64_t steps = 0;
    std::vector<char> on_path(n, 0);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> path;  // node, next out-edge
    for (std::uint32_t root = 0; root < n; ++root) {
        if (++steps > budget) return false;
        on_path[root] = 1;
        path.assign(1, {root, start[root]});
        while (!path.empty()) {
            auto& [v, next] = path.back();
            if (next == start[v + 1]) {
                on_path[v] = 0;
                path.pop_back();
                continue;
            }
            const std::uint32_t w = out[next++];
            if (++steps > budget) return false;
            if (on_path[w]) continue;
            on_path[w] = 1;
            path.emplace_back(w, start[w]);
        }
    }
    return true;
}

}  // namespace agon::detail
