// The only translation unit that builds Boost.Graph CSR graphs (they are slow
// to compile, so they stay here).
#include "csr.hpp"

#include <boost/graph/compressed_sparse_row_graph.hpp>

namespace agon::detail {

namespace {
using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, std::uint32_t,
                                               boost::no_property, std::uint32_t, std::uint32_t>;
}

Adjacency build_adjacency(std::uint32_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
                          const std::vector<std::uint32_t>& labels) {
    Csr g(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(), labels.begin(), n);
    Adjacency adj;
    adj.offsets = std::move(g.m_forward.m_rowstart);
    adj.nodes = std::move(g.m_forward.m_column);
    if (adj.offsets.empty()) adj.offsets.assign(std::size_t(n) + 1, 0);
    adj.edges.resize(adj.nodes.size());
    for (std::uint32_t v = 0; v < n; ++v)
        for (std::uint32_t i = adj.offsets[v]; i < adj.offsets[v + 1]; ++i)
            adj.edges[i] = g[Csr::edge_descriptor(v, i)];
    return adj;
}

}  // namespace agon::detail
