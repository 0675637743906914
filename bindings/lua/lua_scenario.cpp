// Lua: what-if scenarios with chained edits.
#include "agon/error.hpp"
#include "lua_agon.hpp"

namespace agon::lua {

LScenario* check_scenario(lua_State* L, int arg) { return static_cast<LScenario*>(luaL_checkudata(L, arg, kScenario)); }

namespace {

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
    if (push_method(L, kScenario, key)) return 1;
    if (std::string(key) == "name") lua_pushstring(L, s->scenario.name().c_str());
    else lua_pushnil(L);
    return 1;
}

int scenario_tostring(lua_State* L) {
    LScenario* s = check_scenario(L, 1);
    lua_pushfstring(L, "agon scenario '%s'", s->scenario.name().c_str());
    return 1;
}

// Editing methods come from lua_edit.cpp.
const luaL_Reg kMethods[] = {{"scenario", scenario_derive},
                             {"evaluate", scenario_evaluate},
                             {"graph", scenario_graph},
                             {"hinge", graph_hinge}, {"extensions", graph_extensions},
                             {"hinges", graph_hinge},
                             {"robustness", graph_robustness},
                             {"session", graph_session},
                             {nullptr, nullptr}};
const luaL_Reg kMeta[] = {{"__index", scenario_index},
                          {"__gc", collect_charged<LScenario>},
                          {"__tostring", scenario_tostring},
                          {nullptr, nullptr}};

}  // namespace

void open_scenario(lua_State* L) { define_type(L, kScenario, kMethods, kMeta, true); }

}  // namespace agon::lua
