// Shared by the readers: byte offsets to line:column for error messages,
// and the limits every reader applies.
#include "formats.hpp"

#include <algorithm>

#include "util/utf8.hpp"

namespace agon::detail {

std::string_view without_bom(std::string_view text) {
    return text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
}

Location locate(std::string_view text, std::size_t offset, const std::string& name) {
    if (offset > text.size()) offset = text.size();
    Location loc{name, 1, 1};
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++loc.line;
            loc.column = 1;
        } else if (utf8_lead(text[i])) {
            ++loc.column;  // count characters, not UTF-8 continuation bytes
        }
    }
    return loc;
}

LineIndex::LineIndex(std::string_view text, std::string name) : text_(text), name_(std::move(name)) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts_.push_back(i + 1);
}

Location LineIndex::at(std::size_t offset) const {
    if (offset > text_.size()) offset = text_.size();
    const auto line = std::upper_bound(starts_.begin(), starts_.end(), offset) - 1;
    const std::size_t from = *line;
    return Location{name_, static_cast<std::uint32_t>(line - starts_.begin() + 1),
                    static_cast<std::uint32_t>(1 + utf8_chars(text_.substr(from, offset - from)))};
}

void fail_at(std::string_view text, std::size_t offset, const std::string& name, const std::string& message) {
    throw Error(ErrorKind::invalid_input, message, locate(text, offset, name));
}

void check_graph_limits(const Graph& g, const ReadLimits& limits, const std::string& name) {
    const Location at{name, 0, 0};
    if (g.claims().size() > limits.max_claims)
        throw Error(ErrorKind::limit, "more than " + std::to_string(limits.max_claims) + " claims", at);
    if (g.edges().size() > limits.max_edges)
        throw Error(ErrorKind::limit, "more than " + std::to_string(limits.max_edges) + " edges", at);
    for (const Claim& c : g.claims())
        if (c.id.size() > limits.max_text || c.text.size() > limits.max_text)
            throw Error(ErrorKind::limit, "claim '" + c.id.substr(0, 40) + "' has an id or text longer than " +
                                              std::to_string(limits.max_text) + " bytes", at);
}

}  // namespace agon::detail
