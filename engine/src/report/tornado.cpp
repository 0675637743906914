// Tornado chart data: the target as each uncertain input moves over its range.
#include <algorithm>

#include "../explain/edit.hpp"
#include "sections.hpp"

namespace agon::report_detail {

std::vector<ReportTornadoBar> tornado(const Snapshot& s, const Request& request, std::uint32_t target,
                                      const Uncertainty& uncertainty, const Control& control) {
    // Each end edited in the target's part (claims and edges numbered as
    // there) and re-evaluated from the unedited answer (edit.hpp).
    const detail::TargetPart part(s, request, target);
    const Snapshot& p = part.snapshot();
    detail::SnapshotEdit edit;
    edit.cut.assign(p.size(), 0);
    for (std::uint32_t v = 0; v < p.size(); ++v) edit.base.push_back(p.base(v));
    for (std::uint32_t e = 0; e < p.edge_count(); ++e) edit.weight.push_back(p.edge_weight(e));
    detail::EditedEvaluation edited(p, request);
    auto value_at = [&] {
        edited.evaluate(edit, control);
        return edited.value(part.target());
    };
    std::vector<std::uint32_t> claims = detail::influencers(p, part.target());
    claims.insert(claims.begin(), part.target());
    std::vector<char> inside(s.size(), 0);
    for (std::uint32_t v : claims) inside[part.original(v)] = 1;

    std::vector<ReportTornadoBar> bars;
    // Progress over the claims, then the edges.
    const double steps = static_cast<double>(claims.size() + s.edge_count());
    double step = 0;
    for (std::uint32_t v : claims) {
        control.report("tornado", step++ / steps);
        const auto [lo, hi] = base_range(uncertainty, p.id(v), p.base(v));
        if (!(hi > lo)) continue;
        ReportTornadoBar bar{p.id(v), false, p.base(v), lo, hi, 0, 0};
        edit.base[v] = lo;
        bar.at_low = value_at();
        edit.base[v] = hi;
        bar.at_high = value_at();
        edit.base[v] = p.base(v);
        bars.push_back(bar);
    }
    for (std::uint32_t e = 0; e < s.edge_count(); ++e) {
        control.report("tornado", step++ / steps);
        const auto it = uncertainty.weight_range.find(s.edge_id(e));
        if (it == uncertainty.weight_range.end() || !(it->second.second > it->second.first)) continue;
        // An undercut's `to` is an edge; it matters when that edge's claim does.
        std::uint32_t into = e;
        while (s.edge_kind(into) == EdgeKind::undercut) into = s.edge_to(into);
        if (!inside[s.edge_to(into)]) continue;
        // An edge into the part is in it.
        const std::uint32_t in_part = *part.edge_in_part(e);
        ReportTornadoBar bar{s.edge_id(e), true, s.edge_weight(e), it->second.first, it->second.second, 0, 0};
        edit.weight[in_part] = bar.low;
        bar.at_low = value_at();
        edit.weight[in_part] = bar.high;
        bar.at_high = value_at();
        edit.weight[in_part] = bar.value;
        bars.push_back(bar);
    }
    std::stable_sort(bars.begin(), bars.end(),
                     [](const ReportTornadoBar& a, const ReportTornadoBar& b) { return a.swing() > b.swing(); });
    return bars;
}

}  // namespace agon::report_detail
