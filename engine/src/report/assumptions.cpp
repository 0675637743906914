// Key Assumptions Check: the unsupported premises the target depends on.
#include <algorithm>
#include <cmath>

#include "sections.hpp"

namespace agon::report_detail {

namespace {

// The analyst's verdict from a tag "assumption:solid|caveats|unsupported".
std::string verdict_of(const Claim& claim) {
    for (const std::string& tag : claim.tags)
        if (tag == "assumption:solid" || tag == "assumption:caveats" || tag == "assumption:unsupported")
            return tag.substr(tag.find(':') + 1);
    return {};
}

}  // namespace

std::vector<ReportAssumption> key_assumptions(const Graph& graph, const Snapshot& s,
                                              const std::vector<ReportInfluence>& influences,
                                              const std::vector<std::vector<std::string>>& hinge_sets) {
    std::vector<ReportAssumption> rows;
    for (const ReportInfluence& i : influences) {
        const std::uint32_t v = *s.index_of(i.claim);
        if (s.supporters().degree(v) != 0) continue;  // supported: a conclusion, not a premise
        ReportAssumption a{i.claim, s.base(v), i.removal, i.gradient, i.shapley, false, verdict_of(*graph.find_claim(i.claim))};
        for (const auto& set : hinge_sets)
            a.in_hinge_set |= std::find(set.begin(), set.end(), i.claim) != set.end();
        rows.push_back(std::move(a));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const ReportAssumption& p, const ReportAssumption& q) {
        if (p.in_hinge_set != q.in_hinge_set) return p.in_hinge_set;
        return std::abs(p.removal) > std::abs(q.removal);
    });
    return rows;
}

}  // namespace agon::report_detail
