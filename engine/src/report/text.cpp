// Small wording helpers shared by the sections, the summary and the writers.
#include <cstdio>

#include "sections.hpp"

namespace agon::report_detail {

ReportStatus status_of(const Result& result, std::uint32_t v, double threshold) {
    ReportStatus st;
    if (!result.labels.empty()) {
        st.label = result.labels[v];
        st.value = label_value(*st.label);
        st.accepted = *st.label == Label::in;
    } else {
        st.value = result.strength[v];
        st.accepted = st.value >= threshold;
    }
    return st;
}

std::string number(double x, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, x);
    std::string s = buf;
    if (s == "-0.00" || s == "-0.000" || s == "-0.0000") s.erase(0, 1);
    return s;
}

std::string parameters_text(const Request& request) {
    if (request.params.empty()) return "default parameters";
    std::string out;
    for (const auto& [k, v] : request.params) out += (out.empty() ? "" : ", ") + k + "=" + v;
    return out;
}

std::string claim_text(const Graph& graph, const std::string& id) {
    const Claim* c = graph.find_claim(id);
    return c && !c->text.empty() ? c->text : id;
}

std::string status_text(const ReportStatus& status, bool gradual, double threshold) {
    if (status.label) {
        switch (*status.label) {
            case Label::in: return "in (it stands)";
            case Label::out: return "out (it falls)";
            case Label::undec: return "undecided";
        }
    }
    std::string s = "strength " + number(status.value);
    if (gradual) s += status.accepted ? " (at or above " + number(threshold) + ")" : " (below " + number(threshold) + ")";
    return s;
}

}  // namespace agon::report_detail
