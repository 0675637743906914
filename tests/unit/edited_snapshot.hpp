// Test helper: the evaluation of a snapshot with claims cut off and bases
// and weights replaced, built afresh - the reference every in-place or
// in-part re-evaluation (explain/edit.hpp) is checked against.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"

namespace agon::test {

// The reference: s with claims cut off (every edge from or to them, and the
// undercuts of those, dropped) and bases and weights replaced, built afresh.
struct Edit {
    std::vector<char> cut;
    std::vector<double> base, weight;
};

inline Snapshot snapshot_after(const Snapshot& s, const Edit& edit) {
    SnapshotBuilder b;
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        auto tags = s.tags(v);
        b.add_claim(s.id(v), edit.base.empty() ? s.base(v) : edit.base[v], s.kind(v),
                    std::vector<std::string>(tags.begin(), tags.end()));
    }
    constexpr std::uint32_t dropped = ~0u;
    std::vector<std::uint32_t> at(s.edge_count(), dropped);
    auto cut = [&](std::uint32_t v) { return !edit.cut.empty() && edit.cut[v]; };
    for (std::uint32_t e = 0; e < s.edge_count(); ++e) {  // undercuts come after their edge
        const bool undercut = s.edge_kind(e) == EdgeKind::undercut;
        if (cut(s.edge_from(e)) || (undercut ? at[s.edge_to(e)] == dropped : cut(s.edge_to(e)))) continue;
        at[e] = b.add_edge(s.edge_id(e), s.edge_kind(e), s.edge_from(e), undercut ? at[s.edge_to(e)] : s.edge_to(e),
                           edit.weight.empty() ? s.edge_weight(e) : edit.weight[e]);
    }
    return std::move(b).build();
}

inline Result evaluate_after(const Snapshot& s, const Request& request, const Edit& edit) {
    return evaluate(snapshot_after(s, edit), request);
}

inline double value_after(const Snapshot& s, const Request& request, const Edit& edit, std::uint32_t target) {
    return evaluate_after(s, request, edit).value(target);
}

}  // namespace agon::test
