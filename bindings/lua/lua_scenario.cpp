// Lua: what-if scenarios with chained edits.
#include "agon/error.hpp"
#include "lua_agon.hpp"

namespace agon::lua {

LScenario* check_scenario(lua_State* L, int arg) { return static_cast<LScenario*>(luaL_checkudata(L, arg, kScenario)); }

namespace {

// Every edit returns the scenario itself so edits chain: s:remove(a):set_base(b, 0.9)
int scenario_remove(lua_State* L) {
    LScenario* s = check_scenario(L, 1);
    const bool edge = luaL_testudata(L, 2, kEdge) != nullptr;
    const char* id = edge ? edge_id_arg(L, 2) : claim_id_arg(L, 2);
    return protect(L, [&] {
        if (edge || (!s->scenario.has_claim(id) && s->scenario.has_edge(id))) s->scenario.remove_edge(id);
        else s->scenario.remove_claim(id);
        lua_settop(L, 1);
        return 1;
    });
}

int scenario_set_base(lua_State* L) {
    LScenario* s = check_scenario(L, 1);
    const char* id = claim_id_arg(L, 2);
    const double x = luaL_checknumber(L, 3);
    return protect(L, [&] {
        s->scenario.set_base(id, x);
        lua_settop(L, 1);
        return 1;
    });
}

int scenario_set_weight(lua_State* L) {
    LScenario* s = check_scenario(L, 1);
    const char* id = edge_id_arg(L, 2);
    const double w = luaL_checknumber(L, 3);
    return protect(L, [&] {
        s->scenario.set_weight(id, w);
        lua_settop(L, 1);
        return 1;
    });
}

// s:add_claim{id=, text=, base=}
int scenario_add_claim(lua_State* L) {
    LScenario* s = check_scenario(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_getfield(L, 2, "id");
    const char* id = lua_tostring(L, -1);
    if (!id) return luaL_argerror(L, 2, "claim needs an 'id' string");
    lua_getfield(L, 2, "text");
    const char* text = lua_tostring(L, -1);
    lua_getfield(L, 2, "base");
    const double base = lua_isnil(L, -1) ? 0.5 : luaL_checknumber(L, -1);
    return protect(L, [&] {
        Claim c;
        c.id = id;
        c.text = text ? text : "";
        c.base = base;
        const std::size_t bytes = footprint(c);
        charge_memory(L, bytes);
        s->charged += bytes;
        s->scenario.add_claim(std::move(c));
        lua_settop(L, 1);
        return 1;
    });
}

int add_edge(lua_State* L, EdgeKind kind) {
    LScenario* s = check_scenario(L, 1);
    const char* from = claim_id_arg(L, 2);
    const char* to = kind == EdgeKind::undercut ? edge_id_arg(L, 3) : claim_id_arg(L, 3);
    const double weight = luaL_optnumber(L, 4, 1.0);
    const char* id = luaL_optstring(L, 5, "");
    return protect(L, [&] {
        Edge edge{id, kind, from, to, weight};
        const std::size_t bytes = footprint(edge);
        charge_memory(L, bytes);
        s->charged += bytes;
        s->scenario.add_edge(std::move(edge));
        lua_settop(L, 1);
        return 1;
    });
}

int scenario_support(lua_State* L) { return add_edge(L, EdgeKind::support); }
int scenario_attack(lua_State* L) { return add_edge(L, EdgeKind::attack); }
int scenario_undercut(lua_State* L) { return add_edge(L, EdgeKind::undercut); }

int scenario_derive(lua_State* L) {
    LScenario* s = check_scenario(L, 1);
    const char* name = luaL_checkstring(L, 2);
    return protect(L, [&] {
        push_new<LScenario>(L, kScenario, s->scenario.derive(name));
        log_scenario(L);
        return 1;
    });
}

int scenario_evaluate(lua_State* L) {
    LScenario* s = check_scenario(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    return protect(L, [&] {
        Request req = request_arg(L, 2);
        auto snapshot = std::make_shared<const Snapshot>(s->scenario.snapshot());
        push_result(L, evaluate(*snapshot, req, host_control(L)), snapshot, req);
        return 1;
    });
}

int scenario_graph(lua_State* L) {
    LScenario* s = check_scenario(L, 1);
    return protect(L, [&] {
        auto graph = std::make_shared<Graph>(s->scenario.to_graph());
        const std::size_t bytes = footprint(*graph);
        charge_memory(L, bytes);
        push_new<LGraph>(L, kGraph, std::move(graph), bytes);
        return 1;
    });
}

int scenario_index(lua_State* L) {
    LScenario* s = check_scenario(L, 1);
    const char* key = luaL_checkstring(L, 2);
    luaL_getmetatable(L, kScenario);
    lua_getfield(L, -1, key);
    if (!lua_isnil(L, -1)) return 1;
    if (std::string(key) == "name") lua_pushstring(L, s->scenario.name().c_str());
    else lua_pushnil(L);
    return 1;
}

int scenario_tostring(lua_State* L) {
    LScenario* s = check_scenario(L, 1);
    lua_pushfstring(L, "agon scenario '%s'", s->scenario.name().c_str());
    return 1;
}

const luaL_Reg kMethods[] = {{"remove", scenario_remove},       {"set_base", scenario_set_base},
                             {"set_weight", scenario_set_weight}, {"add_claim", scenario_add_claim},
                             {"support", scenario_support},     {"attack", scenario_attack},
                             {"undercut", scenario_undercut},   {"scenario", scenario_derive},
                             {"evaluate", scenario_evaluate},   {"graph", scenario_graph},
                             {nullptr, nullptr}};

}  // namespace

void open_scenario(lua_State* L) {
    luaL_newmetatable(L, kScenario);
    luaL_setfuncs(L, kMethods, 0);
    lua_pushcfunction(L, scenario_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, collect_charged<LScenario>);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, scenario_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pop(L, 1);
}

}  // namespace agon::lua
