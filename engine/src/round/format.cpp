// Debate formats: the built-in ones (compiled in from graphs/rounds/formats)
// and the reader for a user's copy.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "agon/round.hpp"
#include "io/formats.hpp"
#include "io/json_document.hpp"
#include "reader_util.hpp"

std::vector<std::pair<std::string_view, std::string_view>> agon_embedded_round_formats();

namespace agon {

namespace {

using nlohmann::json;

class FormatReader {
public:
    FormatReader(std::string_view text, const std::string& name) : text_(text), name_(name) {}

    RoundFormat read() {
        const json doc = detail::parse_json_document(text_, name_, 64);
        if (!doc.is_object() || doc.value("format", json()) != "agon-debate-format")
            fail("not a debate format: \"format\" must be \"agon-debate-format\"");
        if (doc.value("version", json()) != 1) fail("unsupported \"version\" (this agon reads version 1)");
        RoundFormat f;
        f.id = text_of(doc, "id", true);
        f.name = text_of(doc, "name", false);
        if (f.name.empty()) f.name = f.id;
        const json& sides = list_of(doc, "sides");
        const std::vector<std::size_t> side_at = detail::top_level_array_items(text_, "sides");
        for (std::size_t i = 0; i < sides.size(); ++i) {
            const json& s = sides[i];
            at_ = i < side_at.size() ? side_at[i] : 0;  // errors point at the side
            RoundSide side{text_of(s, "id", true), text_of(s, "name", false), 1};
            if (auto st = s.find("stance"); st != s.end()) {
                if (!st->is_number_integer() || (*st != 1 && *st != -1)) fail("side \"" + side.id + "\": \"stance\" must be 1 or -1");
                side.stance = st->get<int>();
            }
            if (side.name.empty()) side.name = side.id;
            if (f.side(side.id)) fail("side \"" + side.id + "\" is listed twice");
            if (std::string why = detail::id_problem(side.id); !why.empty()) fail("side " + why);
            f.sides.push_back(side);
        }
        if (f.sides.size() != 2 || f.sides[0].stance == f.sides[1].stance)
            fail("a format has two sides, one with stance 1 (for the motion) and one with stance -1");
        const json& speeches = list_of(doc, "speeches");
        const std::vector<std::size_t> speech_at = detail::top_level_array_items(text_, "speeches");
        for (std::size_t i = 0; i < speeches.size(); ++i) {
            const json& s = speeches[i];
            at_ = i < speech_at.size() ? speech_at[i] : 0;  // errors point at the speech
            SpeechSpec sp;
            sp.id = text_of(s, "id", true);
            sp.side = text_of(s, "side", true);
            if (!f.side(sp.side)) fail("speech \"" + sp.id + "\" names an unknown side \"" + sp.side + "\"");
            if (f.speech(sp.id)) fail("speech \"" + sp.id + "\" is listed twice");
            if (std::string why = detail::id_problem(sp.id); !why.empty()) fail("speech " + why);
            if (s.contains("role")) sp.role = text_of(s, "role", true);
            sp.new_arguments = flag(s, "new_arguments", true);
            sp.last = flag(s, "last", false);
            sp.follows_own_side = flag(s, "follows_own_side", false);
            sp.shares_block = flag(s, "shares_block", false);
            if (sp.shares_block && !sp.follows_own_side)
                fail("speech \"" + sp.id + "\" shares a block, so it needs \"follows_own_side\": true");
            sp.answers = flag(s, "answers", true);
            f.speeches.push_back(sp);
        }
        at_ = 0;
        if (f.speeches.empty()) fail("a format needs at least one speech");
        f.presumption = doc.contains("presumption") ? text_of(doc, "presumption", true) : f.sides[1].id;
        if (!f.side(f.presumption)) fail("\"presumption\" names an unknown side");
        return f;
    }

private:
    [[noreturn]] void fail(const std::string& message) {
        throw Error(ErrorKind::invalid_input, message, at_ ? detail::locate(text_, at_, name_) : Location{name_, 0, 0});
    }
    std::string text_of(const json& o, const char* key, bool required) {
        if (!o.is_object()) fail("expected an object with \"" + std::string(key) + "\"");
        auto it = o.find(key);
        if (it == o.end()) {
            if (required) fail(std::string("missing \"") + key + "\"");
            return {};
        }
        if (!it->is_string() || (required && it->get_ref<const std::string&>().empty()))
            fail(std::string("\"") + key + "\" must be a non-empty string");
        return it->get<std::string>();
    }
    const json& list_of(const json& o, const char* key) {
        auto it = o.find(key);
        if (it == o.end() || !it->is_array()) fail(std::string("\"") + key + "\" must be a list");
        return *it;
    }
    bool flag(const json& o, const char* key, bool fallback) {
        auto it = o.find(key);
        if (it == o.end()) return fallback;
        if (!it->is_boolean()) fail(std::string("\"") + key + "\" must be true or false");
        return it->get<bool>();
    }

    std::string_view text_;
    const std::string& name_;
    std::size_t at_ = 0;  // the side or speech being read, for error locations
};

std::string_view builtin_text(std::string_view id) {
    for (const auto& [stem, text] : agon_embedded_round_formats())
        if (stem == id) return text;
    std::string known;
    for (const auto& n : round_format_names()) known += (known.empty() ? "" : ", ") + n;
    throw Error(ErrorKind::not_found, "no debate format '" + std::string(id) + "' (built in: " + known + ")");
}

}  // namespace

const SpeechSpec* RoundFormat::speech(std::string_view id) const {
    for (const auto& s : speeches)
        if (s.id == id) return &s;
    return nullptr;
}

const RoundSide* RoundFormat::side(std::string_view id) const {
    for (const auto& s : sides)
        if (s.id == id) return &s;
    return nullptr;
}

int RoundFormat::order(std::string_view id) const {
    for (std::size_t i = 0; i < speeches.size(); ++i)
        if (speeches[i].id == id) return static_cast<int>(i);
    return -1;
}

std::vector<std::string> round_format_names() {
    std::vector<std::string> names;
    for (const auto& entry : agon_embedded_round_formats()) names.emplace_back(entry.first);
    return names;
}

std::string builtin_round_format_text(std::string_view id) { return std::string(builtin_text(id)); }

RoundFormat builtin_round_format(std::string_view id) {
    return parse_round_format(builtin_text(id), "format " + std::string(id));
}

RoundFormat parse_round_format(std::string_view text, const std::string& name) { return FormatReader(text, name).read(); }

std::string_view to_string(MoveKind kind) {
    switch (kind) {
        case MoveKind::argument: return "new";
        case MoveKind::attack: return "attack";
        case MoveKind::support: return "support";
        case MoveKind::turn: return "turn";
        case MoveKind::extend: return "extend";
        case MoveKind::concede: return "concede";
        case MoveKind::cross_apply: return "cross-apply";
        case MoveKind::nothing: return "nothing";
    }
    return "new";
}

std::optional<MoveKind> move_kind_from_string(std::string_view n) {
    if (n == "new" || n == "arg" || n == "argument") return MoveKind::argument;
    if (n == "attack" || n == "a" || n == "-") return MoveKind::attack;
    if (n == "support" || n == "s" || n == "+") return MoveKind::support;
    if (n == "turn" || n == "t") return MoveKind::turn;
    if (n == "extend" || n == "ext" || n == "e") return MoveKind::extend;
    if (n == "concede" || n == "c") return MoveKind::concede;
    if (n == "cross-apply" || n == "xapply" || n == "x") return MoveKind::cross_apply;
    if (n == "nothing") return MoveKind::nothing;
    return std::nullopt;
}

std::string_view to_string(ArgStatus s) {
    switch (s) {
        case ArgStatus::open: return "open";
        case ArgStatus::answered: return "answered";
        case ArgStatus::dropped: return "dropped";
        case ArgStatus::extended: return "extended";
        case ArgStatus::conceded: return "conceded";
        case ArgStatus::turned: return "turned";
        case ArgStatus::new_in_rebuttal: return "new-in-rebuttal";
    }
    return "open";
}

double impact_weight(const Weighing& w) {
    const double m = w.magnitude.value_or(0.5), p = w.probability.value_or(0.5);
    const double t = w.timeframe.value_or(0.5), r = w.reversibility.value_or(0.5);
    return m * p * (0.5 + 0.5 * t) * (1.0 - 0.5 * r);
}

}  // namespace agon
