// Judge paradigms as Lua scripts, run in the host's sandbox.
#include <cstring>

#include "agon/error.hpp"
#include "agon/file.hpp"
#include "lua_agon.hpp"
#include "lua_round.hpp"

std::vector<std::pair<std::string_view, std::string_view>> agon_embedded_paradigms();

namespace agon::lua {

namespace {

void set_number(lua_State* L, const char* key, const std::optional<double>& v) {
    if (!v) return;
    lua_pushnumber(L, *v);
    lua_setfield(L, -2, key);
}

void set_list(lua_State* L, const char* key, const std::vector<std::string>& items) {
    lua_createtable(L, static_cast<int>(items.size()), 0);
    for (std::size_t i = 0; i < items.size(); ++i) {
        lua_pushstring(L, items[i].c_str());
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
    lua_setfield(L, -2, key);
}

void set_string(lua_State* L, const char* key, const std::string& v) {
    lua_pushstring(L, v.c_str());
    lua_setfield(L, -2, key);
}

}  // namespace

void push_argument(lua_State* L, const Round& round, const ArgumentState& a) {
    lua_createtable(L, 0, 24);
    set_string(L, "id", a.id);
    set_string(L, "speech", a.speech);
    set_string(L, "side", a.side);
    set_string(L, "text", a.text);
    set_string(L, "kind", std::string(to_string(a.kind)));
    set_string(L, "status", std::string(to_string(a.status)));
    lua_pushboolean(L, a.offence);
    lua_setfield(L, -2, "offence");
    set_list(L, "targets", a.targets);
    set_list(L, "answered_by", a.answered_by);
    set_list(L, "extended_in", a.extended_in);
    set_string(L, "dropped_in", a.dropped_in);
    set_string(L, "conceded_in", a.conceded_in);
    set_string(L, "turned_by", a.turned_by);
    lua_pushnumber(L, a.base);
    lua_setfield(L, -2, "base");
    set_number(L, "magnitude", a.weighing.magnitude);
    set_number(L, "probability", a.weighing.probability);
    set_number(L, "timeframe", a.weighing.timeframe);
    set_number(L, "reversibility", a.weighing.reversibility);
    lua_pushnumber(L, impact_weight(a.weighing));
    lua_setfield(L, -2, "impact");
    const SpeechSpec* spec = round.format().speech(a.speech);
    set_string(L, "role", spec ? spec->role : "");
    lua_pushboolean(L, spec && spec->last);
    lua_setfield(L, -2, "last");
}

std::vector<std::string> paradigm_names() {
    std::vector<std::string> names;
    for (const auto& entry : agon_embedded_paradigms()) names.emplace_back(entry.first);
    return names;
}

std::string paradigm_source(const std::string& name) {
    for (const auto& [stem, text] : agon_embedded_paradigms())
        if (stem == name) return std::string(text);
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".lua") == 0) return read_file(name, std::size_t(1) << 20);
    std::string known;
    for (const auto& n : paradigm_names()) known += (known.empty() ? "" : ", ") + n;
    throw Error(ErrorKind::not_found, "no paradigm '" + name + "' (shipped: " + known + "; or a file ending in .lua)");
}

LuaParadigm::LuaParadigm(const std::string& source, const std::string& chunkname, const HostOptions& options)
    : box_(options, "") {
    lua_State* L = box_.state();
    box_.load(source, chunkname);
    box_.call(0, 1);
    auto bad = [&](const std::string& m) { return Error(ErrorKind::invalid_input, chunkname + ": " + m); };
    if (!lua_istable(L, -1)) throw bad("a paradigm script must return a table of rules");
    const int t = lua_gettop(L);
    static const char* const known[] = {"name", "summary", "semantics", "dropped_is_true", "ignore_new", "sticky_defence",
                                        "offence_in", "threshold", "keep", "weigh"};
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        const char* key = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : nullptr;
        bool ok = false;
        for (const char* k : known) ok = ok || (key && std::strcmp(k, key) == 0);
        if (!ok) throw bad(std::string("unknown rule '") + (key ? key : "?") + "'");
    }
    auto text = [&](const char* key, std::string& out) {
        if (lua_getfield(L, t, key) != LUA_TNIL) {
            if (lua_type(L, -1) != LUA_TSTRING) throw bad(std::string("'") + key + "' must be a string");
            out = lua_tostring(L, -1);
        }
        lua_pop(L, 1);
    };
    auto flag = [&](const char* key, bool& out) {
        if (lua_getfield(L, t, key) != LUA_TNIL) {
            if (!lua_isboolean(L, -1)) throw bad(std::string("'") + key + "' must be true or false");
            out = lua_toboolean(L, -1);
        }
        lua_pop(L, 1);
    };
    auto function = [&](const char* key) {
        const int type = lua_getfield(L, t, key);
        if (type == LUA_TNIL) {
            lua_pop(L, 1);
            return LUA_NOREF;
        }
        if (type != LUA_TFUNCTION) throw bad(std::string("'") + key + "' must be a function");
        return luaL_ref(L, LUA_REGISTRYINDEX);
    };
    Paradigm& p = paradigm_;
    p.name = chunkname;
    text("name", p.name);
    text("summary", p.summary);
    text("semantics", p.semantics);
    text("ignore_new", p.ignore_new);
    if (p.ignore_new != "all" && p.ignore_new != "last" && p.ignore_new != "none")
        throw bad("'ignore_new' must be \"all\", \"last\" or \"none\"");
    if (!gives_labels(p.semantics)) {
        bool known_semantics = false;
        for (const auto& n : semantics_names()) known_semantics = known_semantics || n == p.semantics;
        if (!known_semantics) throw bad("unknown semantics '" + p.semantics + "'");
    }
    flag("dropped_is_true", p.dropped_is_true);
    flag("sticky_defence", p.sticky_defence);
    if (lua_getfield(L, t, "threshold") != LUA_TNIL) {
        if (!lua_isnumber(L, -1)) throw bad("'threshold' must be a number");
        p.threshold = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
    if (lua_getfield(L, t, "offence_in") != LUA_TNIL) {
        if (!lua_istable(L, -1)) throw bad("'offence_in' must be a list of speech roles");
        for (lua_Integer i = 1; i <= static_cast<lua_Integer>(lua_rawlen(L, -1)); ++i) {
            if (lua_rawgeti(L, -1, i) != LUA_TSTRING) throw bad("'offence_in' must be a list of speech roles");
            p.offence_in.emplace_back(lua_tostring(L, -1));
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    keep_ = function("keep");
    weigh_ = function("weigh");
    lua_settop(L, 0);
    if (keep_ != LUA_NOREF)
        p.keep = [this, L](const Round& round, const ArgumentState& a) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, keep_);
            push_argument(L, round, a);
            call_rule("keep");
            const bool keep = lua_toboolean(L, -1);
            lua_pop(L, 1);
            return keep;
        };
    if (weigh_ != LUA_NOREF)
        p.weigh = [this, L](const Round& round, const ArgumentState& a) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, weigh_);
            push_argument(L, round, a);
            call_rule("weigh");
            if (!lua_isnumber(L, -1)) {
                lua_pop(L, 1);
                throw Error(ErrorKind::invalid_input, paradigm_.name + ": weigh must return a number");
            }
            const double w = lua_tonumber(L, -1);
            lua_pop(L, 1);
            return w;
        };
}

LuaParadigm::~LuaParadigm() = default;

void LuaParadigm::call_rule(const char* rule) {
    try {
        box_.call(1, 1);
    } catch (const Error& e) {
        // error({}) says only "(error object is a table value)": name the paradigm and the rule.
        throw Error(e.kind(), paradigm_.name + ": " + rule + ": " + e.message());
    }
}

}  // namespace agon::lua
