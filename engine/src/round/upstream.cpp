#include "upstream.hpp"

#include <algorithm>
#include <set>

namespace agon::detail {

Upstream::Upstream(const Graph& g)
    : g_(g), in_(g.claims().size()) {
    for (std::size_t e = 0; e < g.edges().size(); ++e) {
        from_.push_back(*g.claim_index(g.edges()[e].from));
        in_[*g.claim_index(g.edges()[e].to)].push_back(e);
    }
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
