// The flow sheet as DOT: one Graphviz HTML table laid out as a paper flow -
// a column per speech, each response in the row of what it answers, drops,
// turns, extensions and concessions marked in the cells where they happen.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "agon/round.hpp"
#include "util/line_wrap.hpp"

namespace agon {

namespace {

constexpr const char* kTint[2] = {"#E3EEF8", "#FBE9DD"};   // side for / against the motion
constexpr const char* kHead[2] = {"#0072B2", "#D55E00"};
constexpr const char* kStands = "#1B7F5F", *kFalls = "#B2452C", *kMark = "#B2452C", *kTurn = "#7B3F9E",
                      *kGrey = "#666666";

std::string html(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
    return out;
}

// In lines of about 26 columns joined by <BR/> (see wrap_lines).
std::string wrapped(const std::string& text) {
    std::string out;
    for (const std::string& line : detail::wrap_lines(text, 26)) out += html(line) + "<BR ALIGN=\"LEFT\"/>";
    return out;
}

struct Cell {
    std::string body;
    std::string bg = "white";
    int rows = 1;
    std::string side;  ///< the side whose claim or cross-application the cell holds; "" for a mark
};

class Sheet {
public:
    Sheet(const Round& r, const Analysis& an, const Decision* d) : r_(r), an_(an), d_(d) {
        for (const auto& s : r.speeches()) {
            cols_.push_back(s);
            if (s == an.after) break;
        }
        for (const Move& m : r.moves()) {
            if (m.kind == MoveKind::nothing) empty_.insert(m.speech);
            if (m.kind == MoveKind::cross_apply) cross_applies_[m.id].push_back(&m);
        }
        for (const auto& b : an.arguments)
            if (!b.targets.empty() && b.kind != MoveKind::argument) responses_[b.targets.front()].push_back(&b);
    }

    std::string dot() {
        for (const auto& a : an_.arguments)
            if (a.kind == MoveKind::argument) place(a, rows_);
        cover();
        for (const auto& a : an_.arguments) mark_drops(a);  // drops first: they matter most
        // Then what the coach wrote (a cross-application), before the
        // extensions it implies, which would take its cell.
        for (const auto& a : an_.arguments) mark_cross_applies(a);
        for (const auto& a : an_.arguments) mark_carries(a);
        std::ostringstream os;
        os << "digraph flow {\n  graph [fontname=\"DejaVu Sans\", labelloc=t, fontsize=16, label=<" << html(r_.motion)
           << "<BR/><FONT POINT-SIZE=\"11\">" << html(r_.format().name) << " - flow after the " << html(an_.after)
           << (d_ ? " - decision under the " + html(d_->paradigm) + " paradigm" : std::string()) << "</FONT>>];\n"
           << "  node [shape=plaintext, fontname=\"DejaVu Sans\", fontsize=10];\n  sheet [label=<\n"
           << "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"5\" COLOR=\"#999999\">\n<TR>";
        for (const auto& s : cols_) {
            const int k = stance(r_.side_of(s));
            os << "<TD BGCOLOR=\"" << kHead[k] << "\" WIDTH=\"170\"><FONT COLOR=\"white\"><B>" << html(s) << "</B><BR/>"
               << html(r_.format().side(r_.side_of(s))->name) << (empty_.count(s) ? "<BR/><I>made no moves</I>" : "")
               << "</FONT></TD>";
        }
        os << "</TR>\n";
        for (int row = 0; row < rows_; ++row) {
            os << "<TR>";
            for (std::size_t c = 0; c < cols_.size(); ++c) {
                auto it = grid_.find({row, c});
                if (it == grid_.end()) {
                    if (!covered(row, c)) os << "<TD></TD>";
                    continue;
                }
                const Cell& cell = it->second;
                os << "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\" ROWSPAN=\"" << cell.rows << "\" BGCOLOR=\"" << cell.bg
                   << "\">" << cell.body << "</TD>";
            }
            os << "</TR>\n";
        }
        os << "<TR><TD COLSPAN=\"" << cols_.size() << "\" ALIGN=\"LEFT\" BGCOLOR=\"#F4F4F4\"><FONT POINT-SIZE=\"9\">"
           << "Each response sits in the row of what it answers. <FONT COLOR=\"" << kMark << "\"><B>DROPPED</B></FONT>: the "
           << "other side spoke here without answering. <FONT COLOR=\"" << kTurn << "\"><B>TURN</B></FONT>: the argument now "
           << "counts for the side that turned it. EXT: carried forward. "
           << (d_ ? std::string("<FONT COLOR=\"") + kStands + "\">stands</FONT> / <FONT COLOR=\"" + kFalls +
                        "\">falls</FONT> under the paradigm." : std::string())
           << "</FONT></TD></TR>\n</TABLE>>];\n}\n";
        return os.str();
    }

private:
    int stance(const std::string& side) const { return r_.format().side(side)->stance > 0 ? 0 : 1; }
    std::size_t col(const std::string& speech) const {
        for (std::size_t i = 0; i < cols_.size(); ++i)
            if (cols_[i] == speech) return i;
        return 0;
    }
    // Which rows of each column a cell above spans into (ROWSPAN): marked
    // once, after placing, since only place() makes cells of several rows.
    void cover() {
        std::vector<std::vector<int>> starts(cols_.size(), std::vector<int>(static_cast<std::size_t>(rows_) + 1, 0));
        for (const auto& [at, cell] : grid_)
            if (cell.rows > 1) {
                ++starts[at.second][static_cast<std::size_t>(at.first) + 1];
                --starts[at.second][static_cast<std::size_t>(at.first + cell.rows)];
            }
        covered_.assign(cols_.size(), std::vector<char>(static_cast<std::size_t>(rows_), 0));
        for (std::size_t c = 0; c < cols_.size(); ++c)
            for (int row = 0, open = 0; row < rows_; ++row) {
                open += starts[c][static_cast<std::size_t>(row)];
                covered_[c][static_cast<std::size_t>(row)] = open > 0;
            }
    }
    bool covered(int row, std::size_t c) const { return covered_[c][static_cast<std::size_t>(row)] != 0; }
    bool free(int row, std::size_t c) const { return !grid_.count({row, c}) && !covered(row, c); }

    // Put `a` at (row, its column), the answers made in later speeches to
    // its right from the same row, and anything in its own or an earlier
    // column (a support read in the same speech) underneath. Returns the rows used.
    int place(const ArgumentState& a, int row) {
        const std::size_t here = col(a.speech);
        int right = 0, below = 0;
        std::vector<const ArgumentState*> under;
        if (auto it = responses_.find(a.id); it != responses_.end())
            for (const ArgumentState* b : it->second) {
                if (col(b->speech) > here) right += place(*b, row + right);
                else under.push_back(b);
            }
        right = std::max(right, 1);
        for (const ArgumentState* b : under) below += place(*b, row + right + below);
        grid_[{row, here}] = Cell{body(a), kTint[stance(a.side)], right, a.side};
        block_[a.id] = {row, right + below};
        rows_ = std::max(rows_, row + right + below);
        return right + below;
    }

    std::string body(const ArgumentState& a) const {
        std::string s = "<B>" + html(a.id) + "</B>";
        if (a.kind == MoveKind::turn) s = std::string("<FONT COLOR=\"") + kTurn + "\"><B>TURN</B></FONT> " + s;
        if (a.targets.size() > 1) {
            s += " <I>also answers";
            for (std::size_t i = 1; i < a.targets.size(); ++i) s += " " + html(a.targets[i]);
            s += "</I>";
        }
        s += "<BR ALIGN=\"LEFT\"/>" + wrapped(a.text.empty() ? a.id : a.text);
        std::string tags;
        auto tag = [&](const std::string& t, const char* colour) {
            tags += std::string("<FONT COLOR=\"") + colour + "\"><B>" + t + "</B></FONT> ";
        };
        if (a.status == ArgStatus::turned) tag("TURNED by " + html(a.turned_by), kTurn);
        if (a.status == ArgStatus::conceded) tag("CONCEDED in " + html(a.conceded_in), kMark);
        if (a.status == ArgStatus::new_in_rebuttal) tag("NEW IN REBUTTAL", kMark);
        if (const Verdict* v = d_ ? d_->find(a.id) : nullptr) {
            if (v->judged()) tag(std::string(v->outcome()), v->stands ? kStands : v->label == Label::undec ? kGrey : kFalls);
            if (!v->counted) tag(v->judged() ? "not weighed" : "not counted", kGrey);
        }
        if (!a.weighing.empty()) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "impact %.2f", impact_weight(a.weighing));
            tags += std::string("<I>") + buf + "</I>";
        }
        return tags.empty() ? s : s + tags;
    }

    // A marker in the first free cell of column `speech` within the rows of
    // claim `id`; when there is none, a note in the claim's own cell.
    void put(const std::string& id, const std::string& speech, const std::string& text, const std::string& side = {}) {
        const auto [row, span] = block_.at(id);
        const std::size_t c = col(speech);
        // Cells only fill up: the next search in these rows starts where this one stopped.
        int& from = searched_[{id, c}];
        for (int r = std::max(row, from); r < row + span; ++r) {
            from = r;
            if (free(r, c)) {
                grid_[{r, c}] = Cell{text, "white", 1, side};
                return;
            }
        }
        from = row + span;
        grid_.at({row, col(an_.find(id)->speech)}).body += "<BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"9\">" + text + "</FONT>";
    }
    // True when the rows of claim `a` already hold a claim of its side in
    // column `speech`, or its side's cross-application (that carries `a`; a
    // mark such as DROPPED does not).
    bool side_wrote(const ArgumentState& a, const std::string& speech) const {
        const auto [row, span] = block_.at(a.id);
        for (int r = row; r < row + span; ++r)
            if (auto it = grid_.find({r, col(speech)}); it != grid_.end() && it->second.side == a.side) return true;
        return false;
    }

    // Drops and concessions in their own cells.
    void mark_drops(const ArgumentState& a) {
        if (a.status == ArgStatus::dropped)
            put(a.id, a.dropped_in, std::string("<FONT COLOR=\"") + kMark + "\"><B>DROPPED</B></FONT><BR/><FONT POINT-SIZE=\"9\">" +
                                        html(a.id) + " not answered</FONT>");
        if (!a.conceded_in.empty())
            put(a.id, a.conceded_in, std::string("<FONT COLOR=\"") + kMark + "\"><B>CONCEDED</B></FONT> " + html(a.id));
    }

    // The cross-applications of claim `a`, in the speeches that made them.
    void mark_cross_applies(const ArgumentState& a) {
        if (auto it = cross_applies_.find(a.id); it != cross_applies_.end())
            for (const Move* m : it->second)
                if (r_.flowed(m->speech) <= r_.flowed(an_.after))
                    for (const auto& t : m->targets)
                        put(t, m->speech, "<I>cross-apply " + html(a.id) + " (" + html(a.speech) + ")</I>", a.side);
    }

    // Extensions and answers to several claims.
    void mark_carries(const ArgumentState& a) {
        for (const auto& s : a.extended_in)
            if (!side_wrote(a, s)) put(a.id, s, "EXT " + html(a.id));
        for (std::size_t i = 1; i < a.targets.size(); ++i)
            put(a.targets[i], a.speech, "<I>" + html(a.id) + " answers this too</I>");
    }

    const Round& r_;
    const Analysis& an_;
    const Decision* d_;
    std::vector<std::string> cols_;
    std::set<std::string> empty_;  // speeches flowed as making no moves: said in their header
    // Indexes read instead of scanning every argument or move per claim
    // (which made long flows quadratic): claim id -> the responses whose
    // first target it is (flow order), and -> its cross-applications.
    std::map<std::string, std::vector<const ArgumentState*>> responses_;
    std::map<std::string, std::vector<const Move*>> cross_applies_;
    std::map<std::pair<int, std::size_t>, Cell> grid_;
    std::vector<std::vector<char>> covered_;  // [column][row]: spanned by a cell above
    std::map<std::pair<std::string, std::size_t>, int> searched_;  // (claim, column) -> first row put() may still find free
    std::map<std::string, std::pair<int, int>> block_;  // claim -> first row, rows
    int rows_ = 0;
};

}  // namespace

std::string flow_sheet_dot(const Round& round, const Analysis& analysis, const Decision* decision) {
    return Sheet(round, analysis, decision).dot();
}

}  // namespace agon
