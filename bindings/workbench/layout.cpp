#include "layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace agon::workbench {

namespace {

// Room one claim takes, in points (a wrapped box of the renderer's size).
constexpr double kWidth = 190, kHeight = 80;

// The spots taken, bucketed in cells of one claim's size: a spot is free when
// nothing in the nine cells around it is closer than a claim's size, so each
// question costs the claims nearby, not every claim on the map.
class Occupancy {
public:
    void take(double x, double y) { cells_[cell(x, y)].emplace_back(x, y); }

    bool free_at(double x, double y) const {
        const auto [cx, cy] = cell(x, y);
        for (std::int64_t dx = -1; dx <= 1; ++dx)
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                const auto it = cells_.find({cx + dx, cy + dy});
                if (it == cells_.end()) continue;
                for (const auto& [px, py] : it->second)
                    if (std::fabs(px - x) < kWidth && std::fabs(py - y) < kHeight) return false;
            }
        return true;
    }

private:
    using Cell = std::pair<std::int64_t, std::int64_t>;
    // Clamped so that a far-off position cannot overflow the conversion.
    static std::int64_t index(double v) { return static_cast<std::int64_t>(std::clamp(std::floor(v), -1e15, 1e15)); }
    static Cell cell(double x, double y) { return {index(x / kWidth), index(y / kHeight)}; }
    std::map<Cell, std::vector<std::pair<double, double>>> cells_;
};

}  // namespace

Positions place_new(const Graph& graph, const Positions& known) {
    Positions all = known, added;
    Occupancy taken;
    double top = 0, right = 0;
    bool any = false;
    for (const auto& [name, p] : known) {
        top = any ? std::max(top, p.second) : p.second;
        right = any ? std::max(right, p.first) : p.first;
        any = true;
        taken.take(p.first, p.second);
    }
    std::unordered_map<std::string_view, std::vector<std::string_view>> linked;
    for (const Edge& e : graph.edges()) {
        linked[e.from].push_back(e.to);
        if (e.to != e.from) linked[e.to].push_back(e.from);
    }
    auto place = [&](const std::string& id, double x, double y) {
        all[id] = added[id] = {x, y};
        taken.take(x, y);
    };
    for (const Claim& c : graph.claims()) {
        if (all.count(c.id)) continue;
        double x = 0, y = 0;
        int n = 0;
        if (const auto links = linked.find(c.id); links != linked.end())
            for (std::string_view other : links->second)
                if (auto it = all.find(std::string(other)); it != all.end())
                    x += it->second.first, y += it->second.second, ++n;
        if (n) x /= n, y /= n;
        else x = right + kWidth, y = top;  // a column right of the map, from the top (y grows upwards)
        // The first free spot on a square spiral of growing rings around (x, y).
        bool placed = false;
        for (int ring = 0; ring < 60 && !placed; ++ring)
            for (int i = -ring; i <= ring && !placed; ++i)
                for (int j = -ring; j <= ring && !placed; ++j) {
                    if (std::max(std::abs(i), std::abs(j)) != ring) continue;
                    const double px = x + i * kWidth, py = y - j * kHeight;
                    if (taken.free_at(px, py)) place(c.id, px, py), placed = true;
                }
        if (!placed) place(c.id, right + 2 * kWidth, y);
    }
    // Undercut targets are drawn through a point in the middle of the edge.
    for (const Edge& e : graph.edges()) {
        if (e.kind != EdgeKind::undercut || all.count("edge:" + e.to)) continue;
        const Edge* t = graph.find_edge(e.to);
        auto a = t ? all.find(t->from) : all.end(), b = t ? all.find(t->to) : all.end();
        if (a == all.end() || b == all.end()) continue;  // an undercut of an undercut: neato places it
        place("edge:" + e.to, (a->second.first + b->second.first) / 2, (a->second.second + b->second.second) / 2);
    }
    return added;
}

}  // namespace agon::workbench
