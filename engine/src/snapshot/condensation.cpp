// Strongly connected components and the topological order of the condensation.
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>

#include "agon/snapshot.hpp"
#include "csr.hpp"

namespace agon {

namespace {

using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                               boost::no_property, std::uint32_t, std::uint32_t>;

// The claim an edge finally acts on: follows undercut chains to the attacked
// or supported claim.
std::uint32_t acted_on(const Snapshot& s, std::uint32_t e) {
    while (s.edge_kind(e) == EdgeKind::undercut) e = s.edge_to(e);
    return s.edge_to(e);
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> dependency_edges(const Snapshot& s, Dependencies deps) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    out.reserve(s.edge_count());
    for (std::uint32_t e = 0; e < s.edge_count(); ++e) {
        EdgeKind k = s.edge_kind(e);
        if (k == EdgeKind::attack)
            out.emplace_back(s.edge_from(e), s.edge_to(e));
        else if (deps == Dependencies::all)
            out.emplace_back(s.edge_from(e), k == EdgeKind::support ? s.edge_to(e) : acted_on(s, e));
    }
    return out;
}

}  // namespace

bool Condensation::acyclic() const {
    for (bool c : cyclic)
        if (c) return false;
    return true;
}

Condensation condense(const Snapshot& s, Dependencies deps) {
    const std::uint32_t n = s.size();
    auto pairs = dependency_edges(s, deps);
    Csr g(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(), n);

    Condensation c;
    c.component.assign(n, 0);
    std::uint32_t count = n == 0 ? 0 : static_cast<std::uint32_t>(boost::strong_components(
        g, boost::make_iterator_property_map(c.component.begin(), boost::get(boost::vertex_index, g))));
    c.cyclic.assign(count, false);

    std::vector<std::pair<std::uint32_t, std::uint32_t>> member_pairs;
    member_pairs.reserve(n);
    for (std::uint32_t v = 0; v < n; ++v) member_pairs.emplace_back(c.component[v], v);
    std::vector<std::uint32_t> labels(n);
    for (std::uint32_t v = 0; v < n; ++v) labels[v] = v;
    c.members = detail::build_adjacency(count, member_pairs, labels);

    // Kahn's algorithm on the condensation.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> cpairs;
    std::vector<std::uint32_t> indeg(count, 0);
    for (auto [x, y] : pairs) {
        std::uint32_t cx = c.component[x], cy = c.component[y];
        if (cx == cy) {
            c.cyclic[cx] = true;
        } else {
            cpairs.emplace_back(cx, cy);
            ++indeg[cy];
        }
    }
    std::vector<std::uint32_t> ids(cpairs.size());
    for (std::uint32_t i = 0; i < ids.size(); ++i) ids[i] = i;
    Adjacency cadj = detail::build_adjacency(count, cpairs, ids);
    c.order.reserve(count);
    for (std::uint32_t k = 0; k < count; ++k)
        if (indeg[k] == 0) c.order.push_back(k);
    for (std::size_t head = 0; head < c.order.size(); ++head)
        for (std::uint32_t next : cadj.neighbours(c.order[head]))
            if (--indeg[next] == 0) c.order.push_back(next);
    return c;
}

}  // namespace agon
