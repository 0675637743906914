// Native round JSON ("agon-round", version 1) and the report JSON of
// `agon round --json`.
#include <nlohmann/json.hpp>

#include "agon/round.hpp"
#include "io/formats.hpp"
#include "io/json_document.hpp"
#include "reader_util.hpp"

namespace agon {

namespace {

using nlohmann::ordered_json;
using json = nlohmann::json;

ordered_json format_json(const RoundFormat& f) {
    ordered_json sides = ordered_json::array(), speeches = ordered_json::array();
    for (const auto& s : f.sides) sides.push_back({{"id", s.id}, {"name", s.name}, {"stance", s.stance}});
    for (const auto& s : f.speeches)
        speeches.push_back({{"id", s.id}, {"side", s.side}, {"role", s.role}, {"new_arguments", s.new_arguments},
                            {"last", s.last}, {"follows_own_side", s.follows_own_side}, {"shares_block", s.shares_block},
                            {"answers", s.answers}});
    return {{"format", "agon-debate-format"}, {"version", 1},       {"id", f.id},
            {"name", f.name},                 {"sides", sides},     {"presumption", f.presumption},
            {"speeches", speeches}};
}

bool is_builtin(const RoundFormat& f) {
    for (const auto& n : round_format_names())
        if (n == f.id) return format_json(builtin_round_format(n)) == format_json(f);
    return false;
}


}  // namespace

Round parse_round_json(std::string_view text, const std::string& name, const FormatLoader& load_format) {
    auto fail = [&](std::size_t at, const std::string& m) { detail::fail_at(text, at, name, m); };
    const json doc = detail::parse_json_document(text, name, 64);
    if (!doc.is_object() || doc.value("format", json()) != "agon-round") fail(0, "not a round: \"format\" must be \"agon-round\"");
    if (doc.value("version", json()) != 1) fail(0, "unsupported \"version\" (this agon reads version 1)");
    auto str = [&](const json& o, const char* key, std::size_t at) -> std::string {
        auto it = o.find(key);
        if (it == o.end()) return {};
        if (!it->is_string()) fail(at, std::string("\"") + key + "\" must be a string");
        return it->get<std::string>();
    };
    RoundFormat format;
    const json df = doc.value("debate_format", json("policy"));
    if (df.is_string()) format = detail::resolve_format(df.get<std::string>(), Location{name, 1, 1}, load_format);
    else if (df.is_object()) format = parse_round_format(df.dump(), name + " (debate_format)");
    else fail(0, "\"debate_format\" must be a format name or a format object");
    Round r(std::move(format));
    r.title = str(doc, "title", 0);
    r.motion = str(doc, "motion", 0);
    const json moves = doc.value("moves", json::array());
    if (!moves.is_array()) fail(0, "\"moves\" must be a list");
    const std::vector<std::size_t> starts = detail::top_level_array_items(text, "moves");
    const detail::LineIndex lines(text, name);
    for (std::size_t i = 0; i < moves.size(); ++i) {
        const json& o = moves[i];
        const std::size_t at = i < starts.size() ? starts[i] : 0;
        if (!o.is_object()) fail(at, "a move must be an object");
        Move m;
        m.where = lines.at(at);
        if (!o.contains("speech")) fail(at, "a move needs \"speech\"");
        m.speech = str(o, "speech", at);
        const std::string kind = o.contains("move") ? str(o, "move", at) : "new";
        auto k = move_kind_from_string(kind);
        if (!k) fail(at, "unknown move '" + kind + "'");
        m.kind = *k;
        m.id = str(o, "id", at);
        m.text = str(o, "text", at);
        if (auto t = o.find("targets"); t != o.end()) {
            if (!t->is_array()) fail(at, "\"targets\" must be a list of claim ids");
            for (const json& x : *t) {
                if (!x.is_string()) fail(at, "\"targets\" must be a list of claim ids");
                m.targets.push_back(x.get<std::string>());
            }
        }
        auto number_of = [&](const json& v) {
            if (!v.is_number()) fail(at, "weighing values and base must be numbers");
            return detail::exact_number(v.get<double>());
        };
        if (auto w = o.find("weighing"); w != o.end()) {
            if (!w->is_object()) fail(at, "\"weighing\" must be an object");
            for (const auto& [key, v] : w->items())
                if (std::string e = detail::set_weighing(m, key, number_of(v)); !e.empty()) fail(at, e);
        }
        if (auto b = o.find("base"); b != o.end())
            if (std::string e = detail::set_weighing(m, "base", number_of(*b)); !e.empty()) fail(at, e);
        r.add(std::move(m));
    }
    return r;
}

std::string format_round_json(const Round& r) {
    ordered_json moves = ordered_json::array();
    for (const Move& m : r.moves()) {
        ordered_json o = {{"speech", m.speech}, {"move", std::string(to_string(m.kind))}};
        if (!m.id.empty()) o["id"] = m.id;
        if (!m.text.empty()) o["text"] = m.text;
        if (!m.targets.empty()) o["targets"] = m.targets;
        ordered_json w = ordered_json::object();
        for (const auto& [k, v] : detail::weighing_items(m))
            if (k != "base") w[k] = v;
        if (!w.empty()) o["weighing"] = w;
        if (m.base != 0.5) o["base"] = m.base;
        moves.push_back(o);
    }
    ordered_json doc = {{"format", "agon-round"}, {"version", 1}, {"title", r.title}, {"motion", r.motion}};
    doc["debate_format"] = is_builtin(r.format()) ? ordered_json(r.format().id) : format_json(r.format());
    doc["moves"] = moves;
    return doc.dump(2) + "\n";
}

std::string round_report_json(const Round& r, const Analysis& an, const Decision* d) {
    ordered_json args = ordered_json::array();
    for (const ArgumentState& a : an.arguments) {
        ordered_json o = {{"id", a.id},         {"speech", a.speech}, {"side", a.side},
                          {"status", std::string(to_string(a.status))}, {"kind", std::string(to_string(a.kind))},
                          {"offence", a.offence}, {"text", a.text},     {"targets", a.targets},
                          {"answered_by", a.answered_by}, {"extended_in", a.extended_in}};
        if (!a.dropped_in.empty()) o["dropped_in"] = a.dropped_in;
        if (!a.conceded_in.empty()) o["conceded_in"] = a.conceded_in;
        if (!a.turned_by.empty()) o["turned_by"] = a.turned_by;
        if (d)
            if (const Verdict* v = d->find(a.id)) {
                o["counted"] = v->counted;
                if (!v->counted) o["excluded"] = v->excluded;
                o["stands"] = v->stands;
                if (v->label) o["label"] = std::string(to_string(*v->label));
                if (v->strength) o["strength"] = *v->strength;
                if (v->weight > 0) o["weight"] = v->weight;
            }
        args.push_back(o);
    }
    std::vector<std::string> speeches;
    for (const auto& s : r.speeches()) {
        speeches.push_back(s);
        if (s == an.after) break;
    }
    ordered_json live = ordered_json::object();
    for (const auto& side : r.format().sides) live[side.id] = an.live.at(side.id);
    ordered_json doc = {{"motion", r.motion}, {"format", r.format().id}, {"speeches", speeches},
                        {"after", an.after},  {"arguments", args},       {"live", live}};
    if (d) {
        ordered_json totals = ordered_json::object();
        for (const auto& side : r.format().sides) totals[side.id] = d->totals.at(side.id);
        doc["decision"] = {{"winner", d->winner}, {"paradigm", d->paradigm}, {"totals", totals},
                           {"on", d->on},         {"reasons", d->reasons}};
    }
    return doc.dump();
}

}  // namespace agon
