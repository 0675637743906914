#include "layout.hpp"

#include <cmath>

namespace agon::workbench {

namespace {

// Room one claim takes, in points (a wrapped box of the renderer's size).
constexpr double kWidth = 190, kHeight = 80;

bool free_at(const Positions& taken, double x, double y) {
    for (const auto& [name, p] : taken)
        if (std::fabs(p.first - x) < kWidth && std::fabs(p.second - y) < kHeight) return false;
    return true;
}

}  // namespace

Positions place_new(const Graph& graph, const Positions& known) {
    Positions all = known, added;
    double top = 0, right = 0;
    bool any = false;
    for (const auto& [name, p] : known) {
        top = any ? std::max(top, p.second) : p.second;
        right = any ? std::max(right, p.first) : p.first;
        any = true;
    }
    for (const Claim& c : graph.claims()) {
        if (all.count(c.id)) continue;
        double x = 0, y = 0;
        int n = 0;
        for (const Edge& e : graph.edges()) {
            const std::string& other = e.from == c.id ? e.to : e.to == c.id ? e.from : std::string();
            if (auto it = all.find(other); !other.empty() && it != all.end()) x += it->second.first, y += it->second.second, ++n;
        }
        if (n) x /= n, y /= n;
        else x = right + kWidth, y = top;  // a column right of the map, from the top (y grows upwards)
        // The first free spot on a square spiral of growing rings around (x, y).
        bool placed = false;
        for (int ring = 0; ring < 60 && !placed; ++ring)
            for (int i = -ring; i <= ring && !placed; ++i)
                for (int j = -ring; j <= ring && !placed; ++j) {
                    if (std::max(std::abs(i), std::abs(j)) != ring) continue;
                    const double px = x + i * kWidth, py = y - j * kHeight;
                    if (free_at(all, px, py)) all[c.id] = added[c.id] = {px, py}, placed = true;
                }
        if (!placed) all[c.id] = added[c.id] = {right + 2 * kWidth, y};
    }
    // Undercut targets are drawn through a point in the middle of the edge.
    for (const Edge& e : graph.edges()) {
        if (e.kind != EdgeKind::undercut || all.count("edge:" + e.to)) continue;
        const Edge* t = graph.find_edge(e.to);
        auto a = t ? all.find(t->from) : all.end(), b = t ? all.find(t->to) : all.end();
        if (a == all.end() || b == all.end()) continue;  // an undercut of an undercut: neato places it
        all["edge:" + e.to] = added["edge:" + e.to] = {(a->second.first + b->second.first) / 2,
                                                       (a->second.second + b->second.second) / 2};
    }
    return added;
}

}  // namespace agon::workbench
