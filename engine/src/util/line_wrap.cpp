// Line breaking for labels: a small part of Unicode's line breaking rules
// (UAX #14) and of East Asian Width (UAX #11), enough for claim texts in
// spaced scripts, Chinese, Japanese and Korean, without a Unicode library.
#include "util/line_wrap.hpp"

#include <algorithm>

namespace agon::detail {

namespace {

struct Char {
    std::size_t at, len;
    char32_t cp;
};

// The character at byte `at`; an invalid byte is one character of its own.
Char decode(std::string_view s, std::size_t at) {
    const auto c = static_cast<unsigned char>(s[at]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || at + len > s.size()) return {at, 1, 0xFFFD};
    char32_t cp = len == 1 ? c : c & (0x7Fu >> len);
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[at + k]);
        if ((b & 0xC0) != 0x80) return {at, 1, 0xFFFD};
        cp = (cp << 6) | (b & 0x3Fu);
    }
    return {at, len, cp};
}

struct Range {
    char32_t lo, hi;
};

// East Asian Wide and Fullwidth blocks: CJK ideographs and punctuation, kana,
// Hangul, Yi, fullwidth forms, and the emoji blocks.
constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
    {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x18AFF}, {0x1B000, 0x1B2FF},
    {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
};

// Combining marks (Latin, Hebrew, Arabic, Devanagari, Thai, Lao, Hangul
// vowels and finals), zero-width spaces and joiners, variation selectors,
// emoji skin tones: drawn on or between the characters around them.
constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F},   {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F},
    {0x0670, 0x0670},   {0x06D6, 0x06ED}, {0x0900, 0x0903}, {0x093A, 0x094F}, {0x0951, 0x0957}, {0x0962, 0x0963},
    {0x0E31, 0x0E31},   {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x0EB1, 0x0EB1}, {0x0EB4, 0x0EBC}, {0x0EC8, 0x0ECE},
    {0x1160, 0x11FF},   {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2060, 0x2064}, {0x20D0, 0x20FF},
    {0x302A, 0x302F},   {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0x1F3FB, 0x1F3FF},
    {0xE0000, 0xE01EF},
};

template <std::size_t N>
bool in(const Range (&table)[N], char32_t cp) {
    return std::any_of(table, table + N, [cp](Range r) { return r.lo <= cp && cp <= r.hi; });
}

bool zero_width(char32_t cp) { return in(kZeroWidth, cp); }
bool wide(char32_t cp) { return !zero_width(cp) && in(kWide, cp); }
std::size_t width(char32_t cp) { return zero_width(cp) ? 0 : wide(cp) ? 2 : 1; }

// Closing punctuation and marks a line must not start with, and opening
// brackets a line must not end with (the Japanese kinsoku rules).
constexpr std::u32string_view kNoLineStart = U"!%),.:;?]}\u2025\u2026\u3001\u3002\u3005\u3009\u300B\u300D\u300F\u3011\u3015"
                                             U"\u3017\u3019\u301B\u309D\u309E\u30FB\u30FC\u30FD\u30FE\uFF01\uFF09\uFF0C"
                                             U"\uFF0E\uFF1A\uFF1B\uFF1F\uFF3D\uFF5D";
constexpr std::u32string_view kNoLineEnd = U"([{\u2018\u201C\u3008\u300A\u300C\u300E\u3010\u3014\u3016\u3018\u301A"
                                           U"\uFF08\uFF3B\uFF5B";

// Whether a line may break between `a` and the `b` that follows it, with no
// space between them.
bool break_between(char32_t a, char32_t b) {
    if (zero_width(b) || a == 0x200D) return false;  // keep a mark on its base, a joined emoji whole
    if (a == 0x200B) return true;                     // zero-width space: a break by request
    if (kNoLineStart.find(b) != kNoLineStart.npos || kNoLineEnd.find(a) != kNoLineEnd.npos) return false;
    return wide(a) || wide(b);
}

bool white(char32_t cp) { return cp == ' ' || (cp >= '\t' && cp <= '\r'); }

class Wrapper {
public:
    Wrapper(std::string_view text, std::size_t cols, std::size_t max_cols)
        : text_(text), cols_(std::max<std::size_t>(cols, 1)), max_cols_(max_cols) {}

    std::vector<std::string> lines() && {
        std::vector<Char> word;
        for (std::size_t at = 0; at <= text_.size();) {
            const Char c = at < text_.size() ? decode(text_, at) : Char{at, 1, ' '};
            at += c.len;
            if (!white(c.cp)) {
                word.push_back(c);
                continue;
            }
            if (!word.empty() && !place_word(word)) break;
            word.clear();
            space_ = true;
        }
        return std::move(lines_);
    }

private:
    // The pieces of a word between its break opportunities; false once cut.
    bool place_word(const std::vector<Char>& word) {
        std::size_t start = 0;
        for (std::size_t i = 1; i <= word.size(); ++i)
            if (i == word.size() || break_between(word[i - 1].cp, word[i].cp)) {
                if (!place_piece(word, start, i)) return false;
                start = i;
            }
        return true;
    }
    // A piece wider than a line goes in chunks that fill lines, cut between
    // characters but never before a mark or after a joiner.
    bool place_piece(const std::vector<Char>& word, std::size_t from, std::size_t to) {
        std::size_t w = 0, start = from;
        for (std::size_t i = from; i < to; ++i) {
            const std::size_t cw = width(word[i].cp);
            if (w + cw > cols_ && i > start && !zero_width(word[i].cp) && word[i - 1].cp != 0x200D) {
                if (!place(word, start, i, w)) return false;
                start = i;
                w = 0;
            }
            w += cw;
        }
        return place(word, start, to, w);
    }
    bool place(const std::vector<Char>& word, std::size_t from, std::size_t to, std::size_t w) {
        const std::size_t gap = space_ && line_w_ > 0 ? 1 : 0;
        if (total_ + gap + w > max_cols_) {
            lines_.back() += gap ? " \u2026" : "\u2026";
            return false;
        }
        std::string& line = line_w_ > 0 && line_w_ + gap + w > cols_ ? new_line() : lines_.back();
        if (line_w_ > 0 && gap) line += ' ';
        line.append(text_.substr(word[from].at, word[to - 1].at + word[to - 1].len - word[from].at));
        const std::size_t used = (line_w_ > 0 ? gap : 0) + w;
        line_w_ += used;
        total_ += used;
        space_ = false;
        return true;
    }
    std::string& new_line() {
        line_w_ = 0;
        return lines_.emplace_back();
    }

    std::string_view text_;
    std::size_t cols_, max_cols_;
    std::vector<std::string> lines_{1};
    std::size_t line_w_ = 0, total_ = 0;
    bool space_ = false;  // white space before the next piece
};

}  // namespace

std::size_t display_width(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t at = 0; at < s.size();) {
        const Char c = decode(s, at);
        n += width(c.cp);
        at += c.len;
    }
    return n;
}

std::vector<std::string> wrap_lines(std::string_view text, std::size_t cols, std::size_t max_cols) {
    return Wrapper(text, cols, max_cols).lines();
}

}  // namespace agon::detail
