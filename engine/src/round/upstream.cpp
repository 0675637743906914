#include "upstream.hpp"

#include <algorithm>
#include <set>

namespace agon::detail {

Upstream::Upstream(const Graph& g) : g_(g), in_(g.claims().size()) {
    const std::size_t n = g.claims().size();
    std::vector<std::vector<std::size_t>> out(n);
    std::vector<std::size_t> sources_left(n, 0);
    for (std::size_t e = 0; e < g.edges().size(); ++e) {
        const std::size_t to = *g.claim_index(g.edges()[e].to);
        from_.push_back(*g.claim_index(g.edges()[e].from));
        in_[to].push_back(e);
        out[from_.back()].push_back(to);
        ++sources_left[to];
    }
    // Kahn: a claim is taken once every claim acting on it is; a cycle never is.
    std::vector<std::size_t> ready;
    for (std::size_t v = 0; v < n; ++v)
        if (sources_left[v] == 0) ready.push_back(v);
    std::size_t taken = 0;
    while (!ready.empty()) {
        const std::size_t v = ready.back();
        ready.pop_back();
        ++taken;
        for (std::size_t to : out[v])
            if (--sources_left[to] == 0) ready.push_back(to);
    }
    acyclic_ = taken == n;
}

Graph Upstream::of(std::string_view id) const {
    std::vector<std::size_t> claims{*g_.claim_index(id)}, edges;
    std::set<std::size_t> seen{claims.front()};
    for (std::size_t k = 0; k < claims.size(); ++k)
        for (std::size_t e : in_[claims[k]]) {
            edges.push_back(e);
            if (seen.insert(from_[e]).second) claims.push_back(from_[e]);
        }
    std::sort(claims.begin(), claims.end());
    std::sort(edges.begin(), edges.end());
    Graph up;
    for (std::size_t v : claims) up.add_claim(g_.claims()[v]);
    for (std::size_t e : edges) up.add_edge(g_.edges()[e]);
    return up;
}

}  // namespace agon::detail
