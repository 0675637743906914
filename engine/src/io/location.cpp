// Shared by the readers: byte offsets to line:column for error messages,
// and the limits every reader applies.
#include "formats.hpp"

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
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++loc.column;  // count characters, not UTF-8 continuation bytes
        }
    }
    return loc;
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
