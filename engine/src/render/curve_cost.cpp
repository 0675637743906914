#include "curve_cost.hpp"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <unordered_map>

namespace agon::detail {

namespace {

// A graph in compressed rows: the heads of node v's out-edges are
// out[start[v]] .. out[start[v + 1] - 1].
struct Rows {
    std::vector<std::uint32_t> start, out;
};

// The strongly connected components of the `n` nodes joined by `edges`,
// each listed after every component it reaches: Boost's strong_components
// (as condense uses) numbers them in that order.
std::vector<std::vector<std::uint32_t>> components(std::size_t n,
                                                   const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges,
                                                   std::vector<std::uint32_t>& component_of) {
    using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                   boost::no_property, std::uint32_t, std::uint32_t>;
    const Csr g(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), n);
    component_of.assign(n, 0);
    const std::size_t count = n == 0 ? 0 : boost::strong_components(
        g, boost::make_iterator_property_map(component_of.begin(), boost::get(boost::vertex_index, g)));
    std::vector<std::vector<std::uint32_t>> out(count);
    for (std::uint32_t v = 0; v < n; ++v) out[component_of[v]].push_back(v);
    return out;
}

}  // namespace

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
    Rows g{std::vector<std::uint32_t>(n + 1, 0), std::vector<std::uint32_t>(edges.size())};
    for (const auto& e : edges) ++g.start[e.first + 1];
    for (std::size_t v = 0; v < n; ++v) g.start[v + 1] += g.start[v];
    std::vector<std::uint32_t> fill(g.start.begin(), g.start.end() - 1);
    for (const auto& e : edges) g.out[fill[e.first]++] = e.second;

    // Every simple path from every node, as Graphviz walks them: a visit of a
    // node already on the path is a step too (it closes a cycle or ends there).
    // A path that leaves its component never comes back to a node on it, so
    // the steps below a node entered from another component are the same
    // whatever the path: counted once (`below`), components that are reached
    // first. Within a component the paths are walked one by one. The same
    // count as walking every path, without walking the acyclic parts again
    // and again (30 ms a drawing at 1,000 claims).
    std::vector<std::uint32_t> component_of;
    const auto parts = components(n, edges, component_of);
    std::vector<std::uint64_t> below(n, 0);
    std::uint64_t steps = 0;
    std::vector<char> on_path(n, 0);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> path;  // node, next out-edge
    for (const auto& part : parts)
        for (const std::uint32_t root : part) {
            if (++steps > budget) return false;
            std::uint64_t from_root = 0;
            on_path[root] = 1;
            path.assign(1, {root, g.start[root]});
            while (!path.empty()) {
                auto& [v, next] = path.back();
                if (next == g.start[v + 1]) {
                    on_path[v] = 0;
                    path.pop_back();
                    continue;
                }
                const std::uint32_t w = g.out[next++];
                from_root += 1 + (component_of[w] == component_of[root] ? 0 : below[w]);
                if (steps + from_root > budget) return false;
                if (on_path[w] || component_of[w] != component_of[root]) continue;
                on_path[w] = 1;
                path.emplace_back(w, g.start[w]);
            }
            below[root] = from_root;
            steps += from_root;
        }
    return true;
}

}  // namespace agon::detail
