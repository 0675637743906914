// Small wording helpers shared by the sections, the summary and the writers.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "markup.hpp"
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

std::string threshold_text(double threshold) {
    for (int digits = 2; digits < 6; ++digits)
        if (std::strtod(number(threshold, digits).c_str(), nullptr) == threshold) return number(threshold, digits);
    return number(threshold, 6);
}

// Rounding alone must not put a value on the other side of the threshold:
// 0.49999999 printed "0.50" read "0.50, below the threshold of 0.50".
std::string number_against(double x, double threshold, int digits) {
    const double shown_threshold = std::strtod(threshold_text(threshold).c_str(), nullptr);
    for (int d = digits; d < 17; ++d) {
        const std::string s = number(x, d);
        if ((std::strtod(s.c_str(), nullptr) >= shown_threshold) == (x >= threshold)) return s;
    }
    return number(x, 17);
}

std::string percent(double share, int digits) {
    const std::string s = number(100 * share, digits);
    // "100%" and "0%" claim all and none; keep them for exactly that.
    const double step = std::pow(10.0, -digits);
    if (share < 1 && s == number(100, digits)) return ">" + number(100 - step, digits) + "%";
    if (share > 0 && s == number(0, digits)) return "<" + number(step, digits) + "%";
    return s + "%";
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

std::string edge_text(const Graph& graph, const std::string& id, std::size_t max_chars) {
    const Edge* e = graph.find_edge(id);
    if (!e) return id;
    // An undercut points at an edge: name that edge in brackets.
    const std::size_t half = max_chars > 7 ? (max_chars - 3) / 2 : 2;
    const std::string to = graph.find_claim(e->to) ? shorten(claim_text(graph, e->to), half)
                                                   : "(" + edge_text(graph, e->to, half > 2 ? half - 2 : 2) + ")";
    return shorten(claim_text(graph, e->from), half) + " \u2192 " + to;
}

std::string input_text(const Report& r, const ReportTornadoBar& bar, std::size_t max_chars) {
    if (bar.weight) return "weight of " + edge_text(r.graph, bar.input, max_chars > 10 ? max_chars - 10 : 1);
    return shorten(claim_text(r.graph, bar.input), max_chars);
}

std::string status_text(const ReportStatus& status, bool gradual, double threshold) {
    if (status.label) {
        switch (*status.label) {
            case Label::in: return "in (it stands)";
            case Label::out: return "out (it falls)";
            case Label::undec: return "undecided";
        }
    }
    if (!gradual) return "strength " + number(status.value);
    return "strength " + number_against(status.value, threshold) + (status.accepted ? " (at or above " : " (below ") +
           threshold_text(threshold) + ")";
}

}  // namespace agon::report_detail
