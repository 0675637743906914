// The text flow format a coach types during a round:
//   motion: This House would ...
//   format: policy
//   1AC new finances: Designation blocks cartel finances {magnitude=0.8 probability=0.6}
//   1NC attack demand > finances: U.S. demand drives the violence
//   2NR extend incursion
//   1NR cross-apply demand > buyers
// One move a line: SPEECH [SIDE] MOVE [ID] [> TARGET, ...] [: TEXT] [{key=value ...}];
// a speech that made no moves is its name alone, "1AR" (or "1AR nothing").
#include <cctype>

#include "agon/file.hpp"
#include "agon/round.hpp"
#include "io/formats.hpp"
#include "reader_util.hpp"

namespace agon {

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

class TextReader {
public:
    TextReader(std::string_view text, const std::string& name, const FormatLoader& load)
        : text_(text), name_(name), load_(load), lines_(text, name) {}

    Round read() {
        if (auto bad = invalid_utf8_offset(text_)) fail(*bad, "invalid UTF-8");
        std::size_t start = 0;
        while (start <= text_.size()) {
            std::size_t end = text_.find('\n', start);
            if (end == std::string_view::npos) end = text_.size();
            line(start, end);
            start = end + 1;
        }
        if (!round_) round_.emplace(builtin_round_format("policy"));
        round_->title = title_;
        round_->motion = motion_;
        return std::move(*round_);
    }

private:
    [[noreturn]] void fail(std::size_t at, const std::string& message) {
        throw Error(ErrorKind::invalid_input, message, where(at));
    }
    Location where(std::size_t at) const { return lines_.at(at); }

    void skip(std::size_t& i, std::size_t end) const {
        while (i < end && space(text_[i])) ++i;
    }
    std::string_view word(std::size_t& i, std::size_t end) const {
        const std::size_t b = i;
        while (i < end && !space(text_[i]) && text_[i] != ':' && text_[i] != '>' && text_[i] != '{' && text_[i] != ',') ++i;
        return text_.substr(b, i - b);
    }
    static std::string lower(std::string_view s) {
        std::string out(s);
        for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    }
    static std::string trimmed(std::string_view s) {
        while (!s.empty() && space(s.front())) s.remove_prefix(1);
        while (!s.empty() && space(s.back())) s.remove_suffix(1);
        return std::string(s);
    }

    void line(std::size_t b, std::size_t end) {
        std::size_t i = b;
        skip(i, end);
        if (i == end || text_[i] == '#') return;
        const std::size_t first = i;
        const std::string_view head = word(i, end);
        const std::string header = lower(head);  // "Motion:" is a header too
        if (i < end && text_[i] == ':' && (header == "motion" || header == "title" || header == "format")) {
            if (round_) fail(first, header + ": must come before the first move");
            const std::string value = trimmed(text_.substr(i + 1, end - i - 1));
            if (header == "motion") motion_ = value;
            else if (header == "title") title_ = value;
            else round_.emplace(detail::resolve_format(value, where(first), load_));
            return;
        }
        if (!round_) round_.emplace(builtin_round_format("policy"));
        Move m;
        m.speech = std::string(head);
        m.where = where(first);
        if (m.speech.empty()) fail(first, "expected a speech name");
        skip(i, end);
        std::size_t at = i;
        std::string_view tok = word(i, end);
        if (const RoundSide* s = round_->format().side(tok)) {
            const std::string said = round_->side_of(m.speech);
            if (!said.empty() && said != s->id)
                fail(at, "speech " + m.speech + " belongs to the " + round_->format().side(said)->name + ", not the " + s->name);
            skip(i, end);
            at = i;
            tok = word(i, end);
        }
        if (tok.empty()) {
            if (std::string why = missing_move(m.speech, at, end); !why.empty()) fail(at, why);
            m.kind = MoveKind::nothing;  // "1AR" or "1AR: forfeited": a speech that made no moves
        } else if (auto kind = move_kind_from_string(tok)) {
            m.kind = *kind;
        } else {
            fail(at, "unknown move '" + std::string(tok) + "' (" + kMoves + ")");
        }
        // Weighing block at the end of the line.
        std::size_t stop = end;
        while (stop > i && space(text_[stop - 1])) --stop;
        if (stop > i && text_[stop - 1] == '}') {
            const std::size_t open = text_.rfind('{', stop - 1);
            if (open == std::string_view::npos || open < i) fail(stop - 1, "'}' without '{'");
            weighing(m, open + 1, stop - 1);
            stop = open;
        } else if (const std::size_t open = text_.substr(i, stop - i).rfind('{');
                   open != std::string_view::npos && unclosed_weighing(text_.substr(i + open + 1, stop - i - open - 1))) {
            // "{magnitude=0.7" with its '}' forgotten: weighing lost into the text.
            fail(i + open, "this '{' opens a weighing block that is not closed with '}' at the end of the line");
        }
        // Text after the first ':'.
        const std::size_t colon = text_.substr(i, stop - i).find(':');
        const std::size_t refs_end = colon == std::string_view::npos ? stop : i + colon;
        if (colon != std::string_view::npos) m.text = trimmed(text_.substr(refs_end + 1, stop - refs_end - 1));
        // ID and targets between the move and the ':'.
        std::vector<std::uint32_t> cols;
        const bool bare_targets = m.kind == MoveKind::extend || m.kind == MoveKind::concede;
        skip(i, refs_end);
        if (!bare_targets && i < refs_end && text_[i] != '>') m.id = std::string(word(i, refs_end));
        skip(i, refs_end);
        if (i < refs_end && text_[i] == '>') ++i;
        while (true) {
            skip(i, refs_end);
            if (i >= refs_end) break;
            const std::size_t t = i;
            std::string_view target = word(i, refs_end);
            if (target.empty()) fail(t, "expected a claim id");
            m.targets.emplace_back(target);
            cols.push_back(where(t).column);
            skip(i, refs_end);
            if (i < refs_end && text_[i] == ',') ++i;
            else if (i < refs_end) fail(i, "expected ',' between the claims answered");
        }
        round_->add(std::move(m), cols);
    }

    // What is wrong when no move word follows speech name `speech`; "" for
    // a speech alone on its line, perhaps with a text after ':'.
    std::string missing_move(const std::string& speech, std::size_t at, std::size_t end) const {
        if (at == end) return {};
        if (text_[at] != ':') return "expected a move after " + speech + " (" + kMoves + ")";  // "1AR > x"
        if (!round_->format().speech(speech))
            return "'" + speech + ":' is neither a header (motion:, title:, format:) nor a speech of the " +
                   round_->format().id + " format";
        return {};
    }

    static constexpr const char* kMoves = "new, attack, support, turn, extend, concede, cross-apply, nothing";

    // Whether the text after a last '{' is a weighing block whose '}' was
    // forgotten: no '}' closes it, and it starts KEY= with a weighing key
    // ("costs {see card=5} are high" is text).
    static bool unclosed_weighing(std::string_view rest) {
        if (rest.find('}') != std::string_view::npos) return false;
        const std::size_t start = rest.find_first_not_of(" \t");
        const std::size_t eq = rest.find('=');
        if (start == std::string_view::npos || eq == std::string_view::npos || eq < start) return false;
        std::string_view key = rest.substr(start, eq - start);
        while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);
        Move probe;  // set_weighing knows the keys
        return detail::set_weighing(probe, key, "0").empty();
    }

    void weighing(Move& m, std::size_t b, std::size_t end) {
        std::size_t i = b;
        while (true) {
            while (i < end && (space(text_[i]) || text_[i] == ',')) ++i;
            if (i >= end) return;
            const std::size_t at = i;
            while (i < end && text_[i] != '=' && !space(text_[i])) ++i;
            if (i >= end || text_[i] != '=') fail(at, "expected key=value in the weighing");
            const std::string_view key = text_.substr(at, i - at);
            const std::size_t v = ++i;
            while (i < end && !space(text_[i]) && text_[i] != ',') ++i;
            if (std::string e = detail::set_weighing(m, key, text_.substr(v, i - v)); !e.empty()) fail(at, e);
        }
    }

    std::string_view text_;
    const std::string& name_;
    const FormatLoader& load_;
    const detail::LineIndex lines_;
    std::optional<Round> round_;
    std::string title_, motion_;
};

}  // namespace

Round parse_round_text(std::string_view text, const std::string& name, const FormatLoader& load_format) {
    return TextReader(text, name, load_format).read();
}

std::string format_round_text(const Round& r) {
    std::string out;
    if (!r.title.empty()) out += "title: " + r.title + "\n";
    if (!r.motion.empty()) out += "motion: " + r.motion + "\n";
    out += "format: " + (r.format().reference.empty() ? r.format().id : r.format().reference) + "\n";
    std::string speech;
    for (const Move& m : r.moves()) {
        if (m.speech != speech) out += "\n";
        speech = m.speech;
        out += m.speech + " " + std::string(to_string(m.kind));
        if (!m.id.empty()) out += " " + m.id;
        for (std::size_t i = 0; i < m.targets.size(); ++i)
            out += (i == 0 ? (m.id.empty() ? " " : " > ") : ", ") + m.targets[i];
        if (m.text.find_first_of("\r\n") != std::string::npos)
            throw Error(ErrorKind::unsupported, "the text of " + (m.id.empty() ? m.speech + "'s move" : m.id) +
                                                    " spans several lines, which a text flow cannot hold: export .json");
        if (!m.text.empty()) out += ": " + m.text;
        const auto items = detail::weighing_items(m);
        for (std::size_t i = 0; i < items.size(); ++i)
            out += (i == 0 ? " {" : " ") + items[i].first + "=" + detail::exact_number(items[i].second);
        if (!items.empty()) out += "}";
        // A brace in the text would read back as weighing: an empty block ends the line instead.
        else if (m.text.find('{') != std::string::npos || (!m.text.empty() && m.text.back() == '}')) out += " {}";
        out += "\n";
    }
    return out;
}

}  // namespace agon
