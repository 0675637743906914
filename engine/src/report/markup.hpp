// Internal: escaping and shortening text for HTML and SVG.
#pragma once

#include <string>
#include <string_view>

namespace agon::report_detail {

/// Escape & < > " ' so any text is safe in element content and attribute values.
std::string escape(std::string_view text);

/// At most `max_chars` characters (UTF-8 aware), cut at a space with an ellipsis.
std::string shorten(std::string_view text, std::size_t max_chars);

}  // namespace agon::report_detail
