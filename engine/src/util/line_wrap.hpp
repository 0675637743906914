// Internal: breaking claim texts into lines for node labels, measured in
// terminal columns so that Chinese or Japanese text, which has no spaces,
// wraps as well as English does.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace agon::detail {

/// Columns `s` takes: two for an East Asian wide or fullwidth character, none
/// for a combining mark or a zero-width joiner, one for anything else
/// (including a byte that is not valid UTF-8).
std::size_t display_width(std::string_view s);

/// `text` in lines of at most `cols` columns. Runs of white space are one
/// break; lines also break between wide (CJK) characters, but never before
/// closing punctuation or after an opening bracket; words of spaced scripts
/// stay whole unless longer than a line, then they break between characters.
/// No break falls inside a UTF-8 sequence or before a combining mark. When the
/// text needs more than `max_cols` columns in all, what fits is kept and the
/// last line ends with "…".
std::vector<std::string> wrap_lines(std::string_view text, std::size_t cols,
                                    std::size_t max_cols = std::numeric_limits<std::size_t>::max());

}  // namespace agon::detail
