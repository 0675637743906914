// Internal: escaping and shortening text for HTML and SVG.
#pragma once

#include <string>
#include <string_view>

namespace agon::report_detail {

/// Escape & < > " ' so any text is safe in element content and attribute values.
std::string escape(std::string_view text);

/// At most `max_cols` columns (a Chinese or Japanese character takes two, see
/// display_width), cut between characters, at a space where there is one in
/// the second half, with an ellipsis.
std::string shorten(std::string_view text, std::size_t max_cols);

}  // namespace agon::report_detail
