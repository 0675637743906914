// Line breaking of labels: spaced scripts by words, Chinese and Japanese
// between characters, widths in columns, the cut with an ellipsis. Expected
// lines are worked out by hand from the rules in util/line_wrap.hpp.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "agon/file.hpp"
#include "util/line_wrap.hpp"

using agon::detail::display_width;
using agon::detail::wrap_lines;
using Lines = std::vector<std::string>;

TEST_CASE("display width counts East Asian wide characters as two columns and marks as none") {
    CHECK(display_width("agon") == 4);
    CHECK(display_width("日本語") == 6);
    CHECK(display_width("한국어") == 6);
    CHECK(display_width("ＡＢ") == 4);          // fullwidth Latin
    CHECK(display_width("ｶﾀｶﾅ") == 4);          // halfwidth katakana
    CHECK(display_width("e\u0301t\u00e9") == 3);  // é decomposed, then precomposed
    CHECK(display_width("\U0001F44D\U0001F3FD") == 2);  // thumbs up with a skin tone
    CHECK(display_width("नमस्ते") == 4);           // Devanagari vowel signs and virama
    CHECK(display_width("\xFF") == 1);            // an invalid byte
}

TEST_CASE("spaced text wraps between words and keeps them whole") {
    CHECK(wrap_lines("U.S. drug demand drives the violence in Mexico", 20) ==
          Lines{"U.S. drug demand", "drives the violence", "in Mexico"});
    CHECK(wrap_lines("  several\n\tspaces   collapse ", 40) == Lines{"several spaces collapse"});
    CHECK(wrap_lines("", 10) == Lines{""});
}

TEST_CASE("a word longer than a line breaks between characters") {
    CHECK(wrap_lines("see https://example.org/a/very/long/path", 12) ==
          Lines{"see", "https://exam", "ple.org/a/ve", "ry/long/path"});
    // Never between a letter and its combining accent.
    CHECK(wrap_lines("cafe\u0301cafe\u0301", 4) == Lines{"cafe\u0301", "cafe\u0301"});
    CHECK(wrap_lines("\u304B\u3099\u304B\u3099", 2) == Lines{"\u304B\u3099", "\u304B\u3099"});  // が decomposed
}

TEST_CASE("Chinese text without spaces wraps at character boundaries, two columns each") {
    const Lines lines = wrap_lines("美国的毒品需求是墨西哥暴力的根源", 10);
    CHECK(lines == Lines{"美国的毒品", "需求是墨西", "哥暴力的根", "源"});
    for (const std::string& line : lines) CHECK_FALSE(agon::invalid_utf8_offset(line));
}

TEST_CASE("Japanese punctuation stays off the start of a line and brackets off its end") {
    // 。 may not open a line, so す moves down with it.
    CHECK(wrap_lines("日本語の文章です。これは", 8) == Lines{"日本語の", "文章で", "す。これ", "は"});
    // 「 may not close a line.
    CHECK(wrap_lines("彼は「はい」と言った", 6) == Lines{"彼は", "「は", "い」と", "言った"});
}

TEST_CASE("mixed Chinese and English: English words stay whole, Chinese breaks anywhere") {
    CHECK(wrap_lines("agon 是一个 argument engine，用于辩论", 12) ==
          Lines{"agon 是一个", "argument", "engine，用于", "辩论"});
    CHECK(wrap_lines("使用agon软件", 6) == Lines{"使用", "agon软", "件"});
}

TEST_CASE("text over the limit is cut at a piece boundary with an ellipsis") {
    CHECK(wrap_lines("one two three four five", 9, 13) == Lines{"one two", "three \u2026"});
    std::string cjk;
    for (int i = 0; i < 30; ++i) cjk += "日本語";
    const Lines lines = wrap_lines(cjk, 28, 240);
    REQUIRE(lines.size() == 7);  // 90 characters, 14 to a line
    CHECK(lines.back() == "日本語日本語");
    const Lines cut = wrap_lines(cjk + cjk, 28, 240);
    REQUIRE(cut.size() == 9);  // 120 characters fit in 240 columns
    CHECK(cut.back() == "本語日本語日本語\u2026");
}
