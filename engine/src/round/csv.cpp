// Spreadsheet flows exported as CSV: a header row of speeches, then one row
// per line of argument; a cell answers (or, for its own side, extends) the
// nearest filled cell to its left. Rows `motion,...`, `format,...` and
// `title,...` may come before the header. A cell may start with a move
// ("turn:", "support:", "extend", "concede", "new:") and an id in brackets:
// "turn: [buyers] Designation lets the U.S. charge American buyers". A
// column holding only "nothing" is a speech that made no moves.
#include <cctype>

#include "agon/file.hpp"
#include "agon/round.hpp"
#include "io/formats.hpp"
#include "reader_util.hpp"

namespace agon {

namespace {

struct Cell {
    std::string text;
    std::size_t offset = 0;
};

// RFC 4180 rows: quoted cells may hold commas, quotes ("") and newlines.
std::vector<std::vector<Cell>> csv_rows(std::string_view t, const std::string& name) {
    std::vector<std::vector<Cell>> rows(1);
    Cell cell;
    bool quoted = false, fresh = true;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (fresh) {
            cell.offset = i;
            fresh = false;
            if (c == '"') {
                quoted = true;
                continue;
            }
        }
        if (quoted) {
            if (c == '"' && i + 1 < t.size() && t[i + 1] == '"') cell.text += t[++i];
            else if (c == '"') quoted = false;
            else cell.text += c;
        } else if (c == ',' || c == '\n') {
            rows.back().push_back(std::move(cell));
            cell = Cell{};
            fresh = true;
            if (c == '\n') rows.emplace_back();
        } else if (c != '\r') {
            cell.text += c;
        }
    }
    if (quoted) detail::fail_at(t, cell.offset, name, "a quoted cell is not closed");
    if (!fresh || !rows.back().empty()) rows.back().push_back(std::move(cell));
    return rows;
}

std::string trim(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

Round parse_round_csv(std::string_view text, const std::string& name, const FormatLoader& load_format) {
    if (auto bad = invalid_utf8_offset(text)) detail::fail_at(text, *bad, name, "invalid UTF-8");
    auto rows = csv_rows(text, name);
    const detail::LineIndex located(text, name);
    std::optional<Round> round;
    std::string title, motion;
    std::vector<std::string> speeches;
    std::vector<const std::vector<Cell>*> lines;
    for (const auto& row : rows) {
        if (row.empty() || (row.size() == 1 && trim(row[0].text).empty())) continue;
        const std::string key = lower(trim(row[0].text));
        if (!round && (key == "motion" || key == "title" || key == "format")) {
            const std::string value = row.size() > 1 ? trim(row[1].text) : "";
            if (key == "motion") motion = value;
            else if (key == "title") title = value;
            else round.emplace(detail::resolve_format(value, located.at(row[0].offset), load_format));
            continue;
        }
        if (speeches.empty()) {  // the header row
            for (const auto& c : row) speeches.push_back(trim(c.text));
            continue;
        }
        if (row.size() > speeches.size())
            detail::fail_at(text, row[speeches.size()].offset, name, "more cells than speeches in the header row");
        lines.push_back(&row);
    }
    if (!round) round.emplace(builtin_round_format("policy"));
    // Speech by speech (the order the round was given in), each row a line of
    // argument holding the claims made so far in it, left to right.
    std::vector<std::vector<std::string>> made(lines.size());
    for (std::size_t col = 0; col < speeches.size(); ++col)
        for (std::size_t k = 0; k < lines.size(); ++k) {
            const auto& row = *lines[k];
            auto& line = made[k];
            if (col >= row.size()) continue;
            std::string cell = trim(row[col].text);
            if (cell.empty()) continue;
            Move m;
            m.speech = speeches[col];
            m.where = located.at(row[col].offset);
            const std::string side = round->side_of(m.speech);
            // An optional move word before ':', or the whole cell ("extend"):
            // a first word alone is not one ("c is for cartels" is no concession).
            const std::string head = lower(cell.substr(0, cell.find_first_of(": ")));
            const auto named = move_kind_from_string(head);
            const bool alone = cell.size() == head.size();
            // A one-letter move alone ("c", "x") may as well be a claim's text: say which.
            if (named && alone && head.size() == 1)
                throw Error(ErrorKind::invalid_input,
                            "'" + cell + "' alone could be the move " + std::string(to_string(*named)) +
                                " or a claim's text: write '" + std::string(to_string(*named)) + "' or '" + cell +
                                ":' for the move, '[id] " + cell + "' for a claim",
                            m.where);
            const bool has_kind = named && (alone || cell[head.size()] == ':');
            if (has_kind) cell = trim(cell.substr(std::min(cell.size(), head.size() + 1)));
            if (cell.size() > 1 && cell[0] == '[') {
                const auto close = cell.find(']');
                if (close != std::string::npos) {
                    m.id = trim(cell.substr(1, close - 1));
                    cell = trim(cell.substr(close + 1));
                }
            }
            m.text = cell;
            // What it answers: the nearest claim to the left on the right side.
            std::string own, theirs;
            for (auto it = line.rbegin(); it != line.rend(); ++it) {
                const bool mine = round->side_of_claim(*it) == side;
                if (mine && own.empty()) own = *it;
                if (!mine && theirs.empty()) theirs = *it;
            }
            if (has_kind) m.kind = *named;
            else if (line.empty()) m.kind = MoveKind::argument;
            else m.kind = round->side_of_claim(line.back()) != side ? MoveKind::attack : MoveKind::extend;
            if (m.kind == MoveKind::extend || m.kind == MoveKind::support) {
                if (!own.empty()) m.targets.push_back(own);
            } else if (m.kind != MoveKind::argument && m.kind != MoveKind::nothing && !theirs.empty()) {
                m.targets.push_back(theirs);
            }
            if (m.kind == MoveKind::extend || m.kind == MoveKind::concede) m.text.clear();
            round->add(std::move(m));
            const Move& added = round->moves().back();
            if (!added.id.empty() && added.kind != MoveKind::cross_apply) line.push_back(added.id);
        }
    round->title = title;
    round->motion = motion;
    return std::move(*round);
}

}  // namespace agon
