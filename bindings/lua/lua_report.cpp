// Lua: g:report{...} - the stress-test report - and the scenario log the
// host keeps when `agon report --scenarios` runs a what-if script.
#include <cstring>

#include "agon/error.hpp"
#include "agon/file.hpp"
#include "agon/report.hpp"
#include "lua_agon.hpp"

namespace agon::lua {

void log_scenario(lua_State* L) {
    lua_getfield(L, LUA_REGISTRYINDEX, kScenarioLog);
    if (lua_istable(L, -1)) {
        lua_pushvalue(L, -2);
        lua_rawseti(L, -2, static_cast<lua_Integer>(lua_rawlen(L, -2)) + 1);
    }
    lua_pop(L, 1);
}

std::vector<ReportScenario> scenario_list(lua_State* L, int index) {
    if (!lua_istable(L, index)) throw Error(ErrorKind::usage, "scenarios must be a list of scenarios");
    std::vector<ReportScenario> out;
    const lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L, index));
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_rawgeti(L, index, i);
        std::string note;
        if (lua_istable(L, -1)) {  // {scenario = s, note = "..."}
            lua_pushliteral(L, "note");
            lua_rawget(L, -2);
            if (lua_type(L, -1) == LUA_TSTRING) note = lua_tostring(L, -1);
            lua_pop(L, 1);
            lua_pushliteral(L, "scenario");
            lua_rawget(L, -2);
            lua_remove(L, -2);
        }
        auto* s = static_cast<LScenario*>(luaL_testudata(L, -1, kScenario));
        lua_pop(L, 1);
        if (!s) throw Error(ErrorKind::usage, "scenarios[" + std::to_string(i) + "] is not a scenario or {scenario=, note=}");
        out.push_back({s->scenario, std::move(note)});
    }
    return out;
}

namespace {

// Keys of g:report{} that are not semantics parameters.
constexpr const char* kOwnKeys[] = {"target", "threshold", "samples", "seed", "spread", "scenarios",
                                    "file", "title", "maps", "max_size"};

bool own_key(const char* key) {
    for (const char* k : kOwnKeys)
        if (std::strcmp(k, key) == 0) return true;
    return false;
}

}  // namespace

// g:report{target=, semantics=, <param>=, threshold=, samples=, seed=, spread=,
//          scenarios={...}, title=, maps=, max_size=, file=} -> the report's JSON
int graph_report(lua_State* L) {
    LGraph* g = check_graph(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_getfield(L, 2, "target");
    const char* target = lua_isnil(L, -1) ? nullptr : claim_id_arg(L, lua_gettop(L));
    if (!target) return luaL_argerror(L, 2, "report needs a target claim");
    lua_getfield(L, 2, "threshold");
    const double threshold = field_number(L, -1, "threshold", 0.5);
    lua_getfield(L, 2, "samples");
    const lua_Integer samples = field_integer(L, -1, "samples", 2000);
    lua_getfield(L, 2, "seed");
    const lua_Integer seed = field_integer(L, -1, "seed", 1);
    lua_getfield(L, 2, "spread");
    const bool has_spread = !lua_isnil(L, -1);
    const double spread = field_number(L, -1, "spread", 0.1);
    lua_getfield(L, 2, "max_size");
    const lua_Integer max_size = field_integer(L, -1, "max_size", 3);
    lua_getfield(L, 2, "file");
    const char* file = field_string(L, -1, "file", nullptr);
    lua_getfield(L, 2, "title");
    const char* title = field_string(L, -1, "title", nullptr);
    lua_getfield(L, 2, "maps");
    const bool maps = lua_isnil(L, -1) || lua_toboolean(L, -1);
    lua_getfield(L, 2, "semantics");
    const bool has_semantics = !lua_isnil(L, -1);
    lua_getfield(L, 2, "scenarios");
    const int scenarios = lua_gettop(L);
    if (samples < 1 || max_size < 1) return luaL_argerror(L, 2, "samples and max_size must be at least 1");
    if (file) check_path(L, file, true);
    // The semantics and its parameters: every other key.
    lua_newtable(L);
    const int params = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, 2)) {
        if (lua_type(L, -2) == LUA_TSTRING && !own_key(lua_tostring(L, -2))) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, params);
        } else {
            lua_pop(L, 1);
        }
    }
    return protect(L, [&] {
        ReportOptions o;
        o.target = target;
        o.request = request_arg(L, params);
        if (!has_semantics) o.request.semantics = "dfquad";  // the report's default, as on the command line
        o.threshold = threshold;
        o.samples = static_cast<std::uint64_t>(samples);
        o.seed = static_cast<std::uint64_t>(seed);
        o.hinge_max_size = static_cast<std::uint32_t>(max_size);
        if (has_spread) {
            o.uncertainty = Uncertainty{};
            o.uncertainty->default_spread = spread;
        }
        if (!lua_isnil(L, scenarios)) o.scenarios = scenario_list(L, scenarios);
        if (title) o.title = title;
        o.maps = maps;
        const Report report = build_report(*g->graph, o);
        if (file) write_report(report, file);
        const std::string json = report_json(report);
        lua_pushlstring(L, json.data(), json.size());
        return 1;
    });
}

}  // namespace agon::lua
