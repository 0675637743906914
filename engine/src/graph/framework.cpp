// Conversions between abstract frameworks and claim graphs.
#include "agon/framework.hpp"

#include "agon/graph.hpp"

#include <cstdint>
#include <unordered_set>

namespace agon {

std::string Framework::name(std::uint32_t i) const {
    return names.empty() ? std::to_string(static_cast<std::uint64_t>(i) + 1) : names[i];
}

Graph to_graph(const Framework& af, const std::vector<std::string>& texts) {
    Graph g;
    for (std::uint32_t i = 0; i < af.size; ++i) {
        Claim c;
        c.id = af.name(i);
        c.text = i < texts.size() && !texts[i].empty() ? texts[i] : c.id;
        c.base = 1.0;  // an abstract argument starts at full strength, as evaluating the framework itself reads it
        g.add_claim(std::move(c));
    }
    std::size_t k = 0;
    std::unordered_set<std::uint64_t> drawn;  // an attack listed twice is one attack
    for (auto [a, b] : af.attacks) {
        if (!drawn.insert(std::uint64_t{a} << 32 | b).second) continue;
        Edge e;
        e.id = "e" + std::to_string(++k);
        e.kind = EdgeKind::attack;
        e.from = af.name(a);
        e.to = af.name(b);
        g.add_edge(std::move(e));
    }
    return g;
}

Framework to_framework(const Graph& graph) {
    Framework af;
    af.size = static_cast<std::uint32_t>(graph.claims().size());
    af.names.reserve(af.size);
    for (const Claim& c : graph.claims()) af.names.push_back(c.id);
    for (const Edge& e : graph.edges())
        if (e.kind == EdgeKind::attack)
            af.attacks.emplace_back(static_cast<std::uint32_t>(*graph.claim_index(e.from)),
                                    static_cast<std::uint32_t>(*graph.claim_index(e.to)));
    return af;
}

}  // namespace agon
