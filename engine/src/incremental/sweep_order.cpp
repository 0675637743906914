#include "sweep_order.hpp"

#include <algorithm>
#include <queue>
#include <utility>

namespace agon::detail::incremental {

namespace {

// A postorder of a depth-first search along the out-edges, from each claim
// not reached yet in turn: an edge leads to a claim finished before it,
// except the edges back to a claim still on the path, which close a cycle.
std::vector<std::uint32_t> postorder(std::span<const std::uint32_t> first, std::span<const std::uint32_t> targets) {
    const auto n = static_cast<std::uint32_t>(first.size() - 1);
    std::vector<std::uint32_t> post;
    std::vector<std::uint8_t> seen(n, 0);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> path;
    for (std::uint32_t r = 0; r < n; ++r) {
        if (seen[r]) continue;
        seen[r] = 1;
        path.push_back({r, first[r]});
        while (!path.empty()) {
            auto& [v, i] = path.back();
            if (i < first[v + 1]) {
                const std::uint32_t t = targets[i++];
                if (!seen[t]) {
                    seen[t] = 1;
                    path.push_back({t, first[t]});
                }
            } else {
                post.push_back(v);
                path.pop_back();
            }
        }
    }
    return post;
}

// Eades, Lin and Smyth's order (sweep_order.hpp); ties go to the higher index.
std::vector<std::uint32_t> few_backwards(std::span<const std::uint32_t> first, std::span<const std::uint32_t> targets) {
    const auto n = static_cast<std::uint32_t>(first.size() - 1);
    // In-edges as sources, grouped by target (a counting sort).
    std::vector<std::uint32_t> in_first(n + 1, 0), sources(targets.size());
    std::vector<int> in(n, 0), out(n, 0);  // degrees among the claims not placed yet
    for (std::uint32_t v = 0; v < n; ++v)
        for (std::uint32_t i = first[v]; i < first[v + 1]; ++i)
            if (targets[i] != v) ++in_first[targets[i] + 1], ++in[targets[i]], ++out[v];
    for (std::uint32_t v = 0; v < n; ++v) in_first[v + 1] += in_first[v];
    std::vector<std::uint32_t> fill(in_first.begin(), in_first.end() - 1);
    for (std::uint32_t v = 0; v < n; ++v)
        for (std::uint32_t i = first[v]; i < first[v + 1]; ++i)
            if (targets[i] != v) sources[fill[targets[i]]++] = v;

    std::vector<std::uint8_t> placed(n, 0);
    std::vector<std::uint32_t> front, back, sinks, starts;  // back: the end of the order, reversed
    // Out-degree minus in-degree, largest first. An entry is stale when its
    // claim was placed or its degrees changed since (a newer entry exists
    // then); a claim whose in- or out-degree fell to 0 is in starts or sinks,
    // which go first.
    std::priority_queue<std::pair<int, std::uint32_t>> best;
    for (std::uint32_t v = 0; v < n; ++v) {
        if (out[v] == 0) sinks.push_back(v);
        else if (in[v] == 0) starts.push_back(v);
        else best.push({out[v] - in[v], v});
    }
    auto place = [&](std::uint32_t v, std::vector<std::uint32_t>& to) {
        placed[v] = 1;
        to.push_back(v);
        for (std::uint32_t i = first[v]; i < first[v + 1]; ++i) {
            const std::uint32_t t = targets[i];
            if (t == v || placed[t]) continue;
            if (--in[t] == 0) starts.push_back(t);
            else best.push({out[t] - in[t], t});
        }
        for (std::uint32_t i = in_first[v]; i < in_first[v + 1]; ++i) {
            const std::uint32_t u = sources[i];
            if (placed[u]) continue;
            if (--out[u] == 0) sinks.push_back(u);
            else best.push({out[u] - in[u], u});
        }
    };
    for (std::uint32_t left = n; left > 0;) {
        std::uint32_t v;
        bool sink = false;
        if (!sinks.empty()) {
            v = sinks.back();
            sinks.pop_back();
            sink = true;
        } else if (!starts.empty()) {
            v = starts.back();
            starts.pop_back();
        } else {
            const auto [delta, u] = best.top();
            best.pop();
            if (placed[u] || delta != out[u] - in[u]) continue;
            v = u;
        }
        if (placed[v]) continue;  // queued as a sink and as a start
        place(v, sink ? back : front);
        --left;
    }
    front.insert(front.end(), back.rbegin(), back.rend());
    return front;
}

}  // namespace

SweepOrder sweep_order(std::span<const std::uint32_t> first, std::span<const std::uint32_t> targets,
                       std::span<const std::uint8_t> inputs, bool few_back) {
    const auto n = static_cast<std::uint32_t>(first.size() - 1);
    const std::vector<std::uint32_t> post = postorder(first, targets);
    std::vector<std::uint32_t> rank(n), level(n, 0);
    std::vector<std::uint8_t> feeds(n, 0);  // a cycle can be reached from the claim
    for (std::uint32_t k = 0; k < n; ++k) rank[post[k]] = k;
    for (std::uint32_t v : post)
        for (std::uint32_t i = first[v]; i < first[v + 1]; ++i) feeds[v] |= rank[targets[i]] >= rank[v] || feeds[targets[i]];
    SweepOrder order{few_back ? few_backwards(first, targets) : std::vector<std::uint32_t>(post.rbegin(), post.rend()), {}};
    for (std::uint32_t k = 0; k < n; ++k) rank[order.all[k]] = k;
    for (std::uint32_t v : order.all)
        for (std::uint32_t i = first[v]; i < first[v + 1]; ++i)
            if (const std::uint32_t t = targets[i]; rank[t] > rank[v]) level[t] = std::max(level[t], level[v] + 1);
    // Grouped by level, the order kept within a level: a counting sort (a
    // stable_sort took about 4 ms of a 100,000-claim first question).
    std::vector<std::uint32_t> start(n + 1, 0), by_level(n);
    for (std::uint32_t v = 0; v < n; ++v) ++start[level[v] + 1];
    for (std::uint32_t l = 0; l < n; ++l) start[l + 1] += start[l];
    for (std::uint32_t v : order.all) by_level[start[level[v]]++] = v;
    order.all = std::move(by_level);
    for (std::uint32_t v : order.all)
        if (feeds[v] && inputs[v]) order.passes.push_back(v);
    return order;
}

}  // namespace agon::detail::incremental
