// Escaping and shortening text for HTML and SVG.
#include "markup.hpp"

#include "util/line_wrap.hpp"
#include "util/utf8.hpp"

namespace agon::report_detail {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string shorten(std::string_view text, std::size_t max_cols) {
    std::size_t cols = 0, cut = text.size(), last_space = std::string_view::npos;
    for (std::size_t i = 0, next = 0; i < text.size(); i = next) {
        for (next = i + 1; next < text.size() && !detail::utf8_lead(text[next]);) ++next;
        cols += detail::display_width(text.substr(i, next - i));
        if (cols > max_cols) {
            cut = i;
            break;
        }
        if (text[i] == ' ') last_space = i;
    }
    if (cut == text.size()) return std::string(text);
    if (last_space != std::string_view::npos && last_space > cut / 2) cut = last_space;
    return std::string(text.substr(0, cut)) + "\u2026";
}

}  // namespace agon::report_detail
