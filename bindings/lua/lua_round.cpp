// Lua: debate rounds - agon.round{...}, agon.load_round(path), r:speech(name
// [, function(s) ... end]), r:statuses, r:decide, r:sheet, r:copy, r:text, r:json.
#include <algorithm>
#include <cstring>

#include "agon/error.hpp"
#include "agon/file.hpp"
#include "agon/render.hpp"
#include "lua_agon.hpp"
#include "lua_round.hpp"

namespace agon::lua {

namespace {

constexpr const char* kRound = "agon.Round";
constexpr const char* kSpeech = "agon.Speech";

// What a round's moves are charged to the script's budget. The round and the
// speeches made on it share it (a script may keep a speech past its round),
// and the last of them to go gives the bytes back.
struct RoundAccount {
    MemoryBudget* budget = nullptr;  // null under the stock lua5.4
    std::size_t bytes = 0;
    ~RoundAccount() {
        if (budget) budget->engine -= std::min(bytes, budget->engine);
    }
};
struct LRound {
    std::shared_ptr<Round> round;
    std::shared_ptr<RoundAccount> account;
};
struct LSpeech {
    std::shared_ptr<Round> round;
    std::string speech;
    std::shared_ptr<RoundAccount> account;
};

LRound* check_round(lua_State* L, int arg) { return static_cast<LRound*>(luaL_checkudata(L, arg, kRound)); }

// What a move holds, as the script's memory budget counts it: every move a
// script adds or copies is charged, or a loop of them would run past the cap.
std::size_t move_bytes(const Move& m) {
    std::size_t bytes = sizeof(Move) + 96 + m.id.size() + m.text.size();
    for (const auto& t : m.targets) bytes += sizeof(t) + t.size();
    return bytes;
}

// Charge a move to the round's account and add it; a move the round refuses
// is given back at once.
void add_charged(lua_State* L, Round& round, RoundAccount& account, Move m) {
    const std::size_t bytes = move_bytes(m);
    charge_memory(L, bytes);
    try {
        round.add(std::move(m));
    } catch (...) {
        credit_memory(L, bytes);
        throw;
    }
    account.bytes += bytes;
}

void push_round(lua_State* L, Round round) {
    std::size_t bytes = sizeof(Round);
    for (const Move& m : round.moves()) bytes += move_bytes(m);
    charge_memory(L, bytes);
    auto account = std::make_shared<RoundAccount>(RoundAccount{budget_of(L), bytes});
    push_new<LRound>(L, kRound, std::make_shared<Round>(std::move(round)), std::move(account));
}

// agon.round{motion=, format=, title=}: an empty round.
int round_new(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, 1, "motion");
    lua_getfield(L, 1, "format");
    lua_getfield(L, 1, "title");
    const char* motion = field_string(L, -3, "motion", "");
    const char* format = field_string(L, -2, "format", "policy");
    const char* title = field_string(L, -1, "title", "");
    const bool builtin = [&] {
        for (const auto& n : round_format_names())
            if (n == format) return true;
        return false;
    }();
    if (!builtin) check_path(L, format, false);
    return protect(L, [&] {
        Round r(builtin ? builtin_round_format(format) : parse_round_format(read_file(format, 1 << 20), format));
        r.motion = motion;
        r.title = title;
        push_round(L, std::move(r));
        return 1;
    });
}

int round_load(lua_State* L) {
    const char* path = luaL_checkstring(L, 1);
    check_path(L, path, false);
    return protect(L, [&] {
        push_round(L, load_round(path));
        return 1;
    });
}

// s:new{...}, s:attack{...}, ...: a move table with id, text, targets (a
// string or a list), magnitude, probability, timeframe, reversibility, base.
// Everything is checked first; the Move is built inside protect().
int speech_claim(lua_State* L, MoveKind kind) {
    auto* s = static_cast<LSpeech*>(luaL_checkudata(L, 1, kSpeech));
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    lua_getfield(L, 2, "id");  // 3
    const char* id = luaL_optstring(L, 3, "");
    lua_getfield(L, 2, "text");  // 4
    const char* text = luaL_optstring(L, 4, "");
    lua_getfield(L, 2, "targets");  // 5
    const bool one_target = lua_type(L, 5) == LUA_TSTRING;
    const lua_Integer ntargets = one_target ? 1 : check_string_list(L, 5, "targets");
    static const char* const keys[] = {"magnitude", "probability", "timeframe", "reversibility", "base"};
    double values[5];
    bool given[5];
    for (int k = 0; k < 5; ++k) {
        lua_getfield(L, 2, keys[k]);
        given[k] = !lua_isnil(L, -1);
        values[k] = field_number(L, -1, keys[k], 0.5);
        if (!(values[k] >= 0 && values[k] <= 1)) return luaL_error(L, "%s must lie in [0,1]", keys[k]);
        lua_pop(L, 1);
    }
    return protect(L, [&] {
        Move m;
        m.kind = kind;
        m.speech = s->speech;
        m.id = id;
        m.text = text;
        if (one_target) m.targets.emplace_back(lua_tostring(L, 5));
        else m.targets = string_list(L, 5, ntargets);
        std::optional<double>* slots[] = {&m.weighing.magnitude, &m.weighing.probability, &m.weighing.timeframe,
                                          &m.weighing.reversibility};
        for (int k = 0; k < 4; ++k)
            if (given[k]) *slots[k] = values[k];
        m.base = values[4];
        add_charged(L, *s->round, *s->account, std::move(m));
        lua_pushstring(L, s->round->moves().back().id.c_str());
        return 1;
    });
}

// s:extend(id, ...), s:concede(id, ...), s:cross_apply(claim, id, ...).
int speech_refs(lua_State* L, MoveKind kind) {
    auto* s = static_cast<LSpeech*>(luaL_checkudata(L, 1, kSpeech));
    const int n = lua_gettop(L);
    for (int i = 2; i <= n; ++i) luaL_checkstring(L, i);
    return protect(L, [&] {
        Move m;
        m.kind = kind;
        m.speech = s->speech;
        int first = 2;
        if (kind == MoveKind::cross_apply && n >= 2) m.id = lua_tostring(L, first++);
        for (int i = first; i <= n; ++i) m.targets.emplace_back(lua_tostring(L, i));
        add_charged(L, *s->round, *s->account, std::move(m));
        return 0;
    });
}

int s_new(lua_State* L) { return speech_claim(L, MoveKind::argument); }
int s_attack(lua_State* L) { return speech_claim(L, MoveKind::attack); }
int s_support(lua_State* L) { return speech_claim(L, MoveKind::support); }
int s_turn(lua_State* L) { return speech_claim(L, MoveKind::turn); }
int s_extend(lua_State* L) { return speech_refs(L, MoveKind::extend); }
int s_concede(lua_State* L) { return speech_refs(L, MoveKind::concede); }
int s_cross_apply(lua_State* L) { return speech_refs(L, MoveKind::cross_apply); }

// r:speech(name [, function(s) ... end]) -> r. Without a function the speech
// is flowed as making no moves: it was given, and drops what it leaves
// unanswered. (A function that makes no move flows nothing: a script may keep
// the speech and make its moves later.)
int round_speech(lua_State* L) {
    LRound* r = check_round(L, 1);
    const char* name = luaL_checkstring(L, 2);
    if (lua_isnoneornil(L, 3)) {
        protect(L, [&] {
            Move m;
            m.kind = MoveKind::nothing;
            m.speech = name;
            add_charged(L, *r->round, *r->account, std::move(m));
            return 0;
        });
    } else {
        luaL_checktype(L, 3, LUA_TFUNCTION);
        lua_pushvalue(L, 3);
        push_new<LSpeech>(L, kSpeech, r->round, std::string(name), r->account);
        lua_call(L, 1, 0);
    }
    lua_settop(L, 1);
    return 1;
}

// r:copy([speech]) -> a copy, or one holding the speeches up to `speech`.
int round_copy(lua_State* L) {
    LRound* r = check_round(L, 1);
    const char* until = luaL_optstring(L, 2, nullptr);
    return protect(L, [&] {
        push_round(L, until ? r->round->until(until) : *r->round);
        return 1;
    });
}

// r:replay(other, speech) -> r: add the moves `other` made in `speech`.
int round_replay(lua_State* L) {
    LRound* r = check_round(L, 1);
    LRound* other = check_round(L, 2);
    const char* speech = luaL_checkstring(L, 3);
    return protect(L, [&] {
        for (const Move& m : other->round->moves())
            if (m.speech == speech) add_charged(L, *r->round, *r->account, m);
        lua_settop(L, 1);
        return 1;
    });
}

int round_statuses(lua_State* L) {
    LRound* r = check_round(L, 1);
    const char* after = luaL_optstring(L, 2, "");
    return protect(L, [&] {
        const Analysis an = analyse(*r->round, after);
        lua_createtable(L, static_cast<int>(an.arguments.size()), 0);
        for (std::size_t i = 0; i < an.arguments.size(); ++i) {
            push_argument(L, *r->round, an.arguments[i]);
            lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
        }
        return 1;
    });
}

// r:decide(paradigm [, after]) -> {winner=, paradigm=, totals={}, on={}, reasons={}}
int round_decide(lua_State* L) {
    LRound* r = check_round(L, 1);
    const char* name = luaL_checkstring(L, 2);
    const char* after = luaL_optstring(L, 3, "");
    const bool file = std::strlen(name) > 4 && std::strcmp(name + std::strlen(name) - 4, ".lua") == 0;
    if (file) check_path(L, name, false);
    return protect(L, [&] {
        HostOptions limits;
        limits.max_memory = std::size_t(64) << 20;
        limits.timeout = 10;
        limits.out_dir.clear();
        LuaParadigm paradigm(paradigm_source(name), name, limits);
        const Analysis an = analyse(*r->round, after);
        const Decision d = decide(*r->round, an, paradigm.paradigm());
        lua_createtable(L, 0, 5);
        lua_pushstring(L, d.winner.c_str());
        lua_setfield(L, -2, "winner");
        lua_pushstring(L, d.paradigm.c_str());
        lua_setfield(L, -2, "paradigm");
        lua_newtable(L);
        for (const auto& [side, w] : d.totals) {
            lua_pushnumber(L, w);
            lua_setfield(L, -2, side.c_str());
        }
        lua_setfield(L, -2, "totals");
        for (const auto& [key, list] : {std::pair<const char*, const std::vector<std::string>*>{"on", &d.on}, {"reasons", &d.reasons}}) {
            lua_createtable(L, static_cast<int>(list->size()), 0);
            for (std::size_t i = 0; i < list->size(); ++i) {
                lua_pushstring(L, (*list)[i].c_str());
                lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
            }
            lua_setfield(L, -2, key);
        }
        return 1;
    });
}

// r:sheet{file=, after=} - the flow sheet as SVG/PNG/PDF/DOT (bytes when no file).
int round_sheet(lua_State* L) {
    LRound* r = check_round(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_getfield(L, 2, "file");
    lua_getfield(L, 2, "after");
    const char* file = field_string(L, -2, "file", nullptr);
    const char* after = field_string(L, -1, "after", "");
    if (file) check_path(L, file, true);
    return protect(L, [&] {
        const std::string dot = flow_sheet_dot(*r->round, analyse(*r->round, after));
        if (!file) {
            lua_pushlstring(L, dot.data(), dot.size());
            return 1;
        }
        write_file_atomic(file, render_dot(dot, map_format(file)));
        return 0;
    });
}

int round_text(lua_State* L) {
    LRound* r = check_round(L, 1);
    return protect(L, [&] {
        lua_pushstring(L, format_round_text(*r->round).c_str());
        return 1;
    });
}

int round_json(lua_State* L) {
    LRound* r = check_round(L, 1);
    return protect(L, [&] {
        lua_pushstring(L, format_round_json(*r->round).c_str());
        return 1;
    });
}

int round_speeches(lua_State* L) {
    LRound* r = check_round(L, 1);
    const auto& s = r->round->speeches();
    lua_createtable(L, static_cast<int>(s.size()), 0);
    for (std::size_t i = 0; i < s.size(); ++i) {
        lua_pushstring(L, s[i].c_str());
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
    return 1;
}

const luaL_Reg kRoundMethods[] = {{"speech", round_speech}, {"copy", round_copy},   {"statuses", round_statuses},
                                  {"decide", round_decide}, {"sheet", round_sheet}, {"text", round_text},
                                  {"json", round_json},     {"speeches", round_speeches}, {"replay", round_replay},
                                  {nullptr, nullptr}};
const luaL_Reg kSpeechMethods[] = {{"new", s_new},         {"attack", s_attack},   {"support", s_support},
                                   {"turn", s_turn},       {"extend", s_extend},   {"concede", s_concede},
                                   {"cross_apply", s_cross_apply}, {nullptr, nullptr}};

}  // namespace

int module_round(lua_State* L) { return round_new(L); }
int module_load_round(lua_State* L) { return round_load(L); }

void open_round(lua_State* L) {
    const std::pair<const char*, std::pair<const luaL_Reg*, lua_CFunction>> types[] = {
        {kRound, {kRoundMethods, collect<LRound>}}, {kSpeech, {kSpeechMethods, collect<LSpeech>}}};
    for (const auto& [name, what] : types) {
        luaL_newmetatable(L, name);
        lua_newtable(L);
        luaL_setfuncs(L, what.first, 0);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, what.second);
        lua_setfield(L, -2, "__gc");
        lua_pop(L, 1);
    }
}

}  // namespace agon::lua
