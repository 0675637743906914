// Internal: counting and cutting UTF-8 text by characters (code points), so
// that a cut never falls inside a multibyte sequence.
#pragma once

#include <cstddef>
#include <string_view>

namespace agon::detail {

/// Whether byte `c` starts a character (is not a UTF-8 continuation byte).
inline bool utf8_lead(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

/// Number of characters in `s`.
inline std::size_t utf8_chars(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += utf8_lead(c);
    return n;
}

/// Bytes taken by the first `chars` characters of `s` (all of `s` when shorter).
inline std::size_t utf8_prefix(std::string_view s, std::size_t chars) {
    std::size_t i = 0;
    for (std::size_t seen = 0; i < s.size(); ++i)
        if (utf8_lead(s[i]) && seen++ == chars) break;
    return i;
}

}  // namespace agon::detail
