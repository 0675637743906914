// Internal: the report as a list of blocks - headings, sentences, tables and
// figures - that the HTML and the PDF writers both lay out, so the two carry
// the same content.
#pragma once

#include <string>
#include <vector>

#include "agon/report.hpp"

namespace agon::report_detail {

/// A table cell; `tone` colours it ("in", "out", "undec", "good", "bad", "muted")
/// and the text always says the same in words.
struct Cell {
    std::string text;
    std::string tone;
    bool number = false;  ///< right-aligned
};

struct Block {
    enum class Kind { title, lead, heading, paragraph, note, bullets, table, figure };
    Kind kind = Kind::paragraph;
    std::string text;                    ///< title, heading, paragraph, note, figure or table caption
    std::vector<std::string> items;      ///< bullets
    std::vector<std::string> header;     ///< table
    std::vector<std::vector<Cell>> rows; ///< table
    std::vector<double> widths;          ///< table: relative column widths
    std::string svg;                     ///< figure: one <svg> element
    bool whole_map = false;              ///< figure: the whole map, drawn large enough to read its claims
};

/// The blocks of a report, in reading order. Texts are plain (not escaped).
std::vector<Block> document(const Report& report);

}  // namespace agon::report_detail
