// Lua: g:session{semantics=...}, an incremental extension session over the
// graph's attacks (agon/claim_session.hpp), changed and asked again.
#include <array>
#include <memory>
#include <optional>
#include <string_view>
#include <tuple>

#include "agon/claim_session.hpp"
#include "agon/error.hpp"
#include "lua_agon.hpp"

namespace agon::lua {

namespace {

// Engine bytes charged per claim and per attack: the session's framework,
// its grounded labelling and its share of the SAT encoding.
constexpr std::size_t kClaimBytes = 256, kAttackBytes = 160;

struct LSession {
    std::unique_ptr<ClaimSession> session;
    std::size_t charged = 0;  // engine bytes charged for it (credited back by __gc)
    std::string semantics;    // as the script named it, like a result's
};

LSession* check_session(lua_State* L, int arg) { return static_cast<LSession*>(luaL_checkudata(L, arg, kSession)); }

ExtensionSemantics semantics_of(const std::string& name) {
    if (auto s = extension_semantics_from_string(name)) return *s;
    throw Error(ErrorKind::usage, "session{}: '" + name + "' is not an extension semantics (grounded, complete, "
                                                          "preferred, stable, semi-stable, stage, ideal)");
}

void charge(lua_State* L, LSession* s, std::size_t bytes) {
    charge_memory(L, bytes);
    s->charged += bytes;
}

// A claim id, a claim handle, or a list of them at `arg`: checked here,
// before any C++ object exists, and read by claims_of() inside protect().
void check_claims(lua_State* L, int arg) {
    if (lua_istable(L, arg)) check_claim_list(L, arg, "a list of claims");
    else claim_id_arg(L, arg);
}

std::vector<std::string> claims_of(lua_State* L, int arg) {
    if (lua_istable(L, arg)) return claim_list(L, arg, static_cast<lua_Integer>(lua_rawlen(L, arg)));
    lua_pushvalue(L, arg);
    std::string id = claim_on_top(L);
    lua_pop(L, 1);
    return {std::move(id)};
}

void push_ids(lua_State* L, const std::optional<std::vector<std::string>>& ids) {
    if (!ids) {
        lua_pushnil(L);
        return;
    }
    lua_createtable(L, static_cast<int>(ids->size()), 0);
    for (std::size_t i = 0; i < ids->size(); ++i) {
        lua_pushstring(L, (*ids)[i].c_str());
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
}

// s:add_claim(id), s:remove_claim(id), s:attack(from, to), s:remove_attack(from,
// to): the session's `Edit` on the `Ids` claim ids after the session, charged
// `Bytes` engine bytes for what it adds.
template <auto Edit, std::size_t Bytes, std::size_t Ids>
int session_edit(lua_State* L) {
    LSession* s = check_session(L, 1);
    std::array<const char*, Ids> ids{};
    for (std::size_t i = 0; i < Ids; ++i) ids[i] = claim_id_arg(L, static_cast<int>(i) + 2);
    return protect(L, [&] {
        if constexpr (Bytes > 0) charge(L, s, Bytes);
        std::apply([&](auto... id) { (s->session.get()->*Edit)(id...); }, ids);
        return 0;
    });
}

template <bool Credulous>
int session_accepts(lua_State* L) {
    LSession* s = check_session(L, 1);
    check_claims(L, 2);
    return protect(L, [&] {
        const auto ids = claims_of(L, 2);
        const Control control = host_control(L);
        lua_pushboolean(L, Credulous ? s->session->credulous(ids, control) : s->session->skeptical(ids, control));
        return 1;
    });
}

int session_witness(lua_State* L) {
    LSession* s = check_session(L, 1);
    return protect(L, [&] {
        push_ids(L, s->session->witness(host_control(L)));
        return 1;
    });
}

int session_extension(lua_State* L) {
    LSession* s = check_session(L, 1);
    return protect(L, [&] {
        push_ids(L, s->session->some_extension(host_control(L)));
        return 1;
    });
}

int session_grounded_label(lua_State* L) {
    LSession* s = check_session(L, 1);
    const char* id = claim_id_arg(L, 2);
    return protect(L, [&] {
        const std::string_view label = to_string(s->session->grounded_label(id));
        lua_pushlstring(L, label.data(), label.size());
        return 1;
    });
}

int session_has_claim(lua_State* L) {
    LSession* s = check_session(L, 1);
    const char* id = claim_id_arg(L, 2);
    return protect(L, [&] {
        lua_pushboolean(L, s->session->has_claim(id));
        return 1;
    });
}

int session_has_attack(lua_State* L) {
    LSession* s = check_session(L, 1);
    const char* from = claim_id_arg(L, 2);
    const char* to = claim_id_arg(L, 3);
    return protect(L, [&] {
        lua_pushboolean(L, s->session->has_attack(from, to));
        return 1;
    });
}

int session_set_semantics(lua_State* L) {
    LSession* s = check_session(L, 1);
    const char* name = luaL_checkstring(L, 2);
    return protect(L, [&] {
        s->session->set_semantics(semantics_of(name));
        s->semantics = name;
        return 0;
    });
}

int session_stats(lua_State* L) {
    const Session::Stats st = check_session(L, 1)->session->stats();
    lua_createtable(L, 0, 6);
    const std::pair<const char*, std::uint64_t> fields[] = {{"questions", st.questions},
                                                            {"by_grounded", st.by_grounded},
                                                            {"by_kept", st.by_kept},
                                                            {"by_refutation", st.by_refutation},
                                                            {"encodings", st.encodings},
                                                            {"blocks_retired", st.blocks_retired}};
    for (auto [key, value] : fields) {
        lua_pushinteger(L, static_cast<lua_Integer>(value));
        lua_setfield(L, -2, key);
    }
    return 1;
}

int session_index(lua_State* L) {
    LSession* s = check_session(L, 1);
    const char* k = luaL_checkstring(L, 2);
    if (push_method(L, kSession, k)) return 1;
    const std::string_view key = k;
    if (key == "semantics") lua_pushstring(L, s->semantics.c_str());
    else if (key == "claim_count") lua_pushinteger(L, static_cast<lua_Integer>(s->session->claim_count()));
    else if (key == "attack_count") lua_pushinteger(L, static_cast<lua_Integer>(s->session->attack_count()));
    else lua_pushnil(L);
    return 1;
}

int session_tostring(lua_State* L) {
    LSession* s = check_session(L, 1);
    lua_pushfstring(L, "agon session (%s, %d claims, %d attacks)", s->semantics.c_str(),
                    static_cast<int>(s->session->claim_count()), static_cast<int>(s->session->attack_count()));
    return 1;
}

const luaL_Reg kMethods[] = {{"add_claim", session_edit<&ClaimSession::add_claim, kClaimBytes, 1>},
                             {"remove_claim", session_edit<&ClaimSession::remove_claim, 0, 1>},
                             {"attack", session_edit<&ClaimSession::add_attack, kAttackBytes, 2>},
                             {"remove_attack", session_edit<&ClaimSession::remove_attack, 0, 2>},
                             {"has_claim", session_has_claim},
                             {"has_attack", session_has_attack},
                             {"credulous", session_accepts<true>},
                             {"skeptical", session_accepts<false>},
                             {"witness", session_witness},
                             {"extension", session_extension},
                             {"grounded_label", session_grounded_label},
                             {"set_semantics", session_set_semantics},
                             {"stats", session_stats},
                             {nullptr, nullptr}};

}  // namespace

// g:session{semantics="preferred"} (also on a scenario): the claims and attacks as they are now.
int graph_session(lua_State* L) {
    const Graph* graph = nullptr;
    LScenario* scenario = nullptr;
    if (auto* g = static_cast<LGraph*>(luaL_testudata(L, 1, kGraph))) graph = g->graph.get();
    else scenario = check_scenario(L, 1);
    const char* name = "preferred";
    if (!lua_isnoneornil(L, 2)) {
        luaL_checktype(L, 2, LUA_TTABLE);
        lua_pushnil(L);
        while (lua_next(L, 2)) {
            if (lua_type(L, -2) != LUA_TSTRING || std::string_view(lua_tostring(L, -2)) != "semantics")
                return luaL_argerror(L, 2, "session{} takes semantics = name only");
            if (!lua_isstring(L, -1)) return luaL_argerror(L, 2, "semantics must be a name");
            name = lua_tostring(L, -1);
            lua_pop(L, 1);
        }
    }
    return protect(L, [&] {
        const ExtensionSemantics sem = semantics_of(name);
        std::optional<Graph> copy;
        if (scenario) copy = scenario->scenario.to_graph();
        const Graph& from = copy ? *copy : *graph;
        const std::size_t bytes = from.claims().size() * kClaimBytes + from.edges().size() * kAttackBytes;
        charge_memory(L, bytes);
        auto session = std::make_unique<ClaimSession>(from, sem);
        push_new<LSession>(L, kSession, std::move(session), bytes, std::string(name));
        return 1;
    });
}

void open_session(lua_State* L) {
    luaL_newmetatable(L, kSession);
    luaL_setfuncs(L, kMethods, 0);
    lua_pushcfunction(L, session_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, collect_charged<LSession>);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, session_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pop(L, 1);
}

}  // namespace agon::lua
