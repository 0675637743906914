// CSR adjacency by a stable counting sort. This is the layout of Boost.Graph's
// compressed_sparse_row_graph (rowstart + column arrays), built directly:
// the BGL constructor with edge properties copied every entry twice and made
// scenario re-evaluation twice as slow. Boost.Graph is used for the strongly
// connected components (condensation.cpp).
#include "csr.hpp"

namespace agon::detail {

Adjacency build_adjacency(std::uint32_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
                          const std::vector<std::uint32_t>& labels) {
    Adjacency adj;
    adj.offsets.assign(std::size_t(n) + 1, 0);
    for (const auto& p : pairs) ++adj.offsets[p.first + 1];
    for (std::uint32_t v = 0; v < n; ++v) adj.offsets[v + 1] += adj.offsets[v];
    adj.nodes.resize(pairs.size());
    adj.edges.resize(pairs.size());
    std::vector<std::uint32_t> next(adj.offsets.begin(), adj.offsets.end() - 1);
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const std::uint32_t at = next[pairs[i].first]++;
        adj.nodes[at] = pairs[i].second;
        adj.edges[at] = labels[i];
    }
    return adj;
}

}  // namespace agon::detail
