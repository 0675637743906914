// Appendix: the sources the claims cite, so every input is traceable.
#include "sections.hpp"

namespace agon::report_detail {

std::vector<ReportSource> sources(const Graph& graph) {
    std::vector<ReportSource> out;
    for (const Claim& c : graph.claims()) {
        const std::string* source = c.attribute("source");
        const std::string* url = c.attribute("url");
        if (!source && !url) continue;
        ReportSource key{source ? *source : "", url ? *url : "", {}};
        auto it = out.begin();
        while (it != out.end() && !(it->source == key.source && it->url == key.url)) ++it;
        if (it == out.end()) it = out.insert(out.end(), std::move(key));
        it->claims.push_back(c.id);
    }
    return out;
}

}  // namespace agon::report_detail
