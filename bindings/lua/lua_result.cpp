// Lua: evaluation requests and results.
#include <algorithm>
#include <cstring>

#include "agon/error.hpp"
#include "lua_agon.hpp"

namespace agon::lua {

LResult* check_result(lua_State* L, int arg) { return static_cast<LResult*>(luaL_checkudata(L, arg, kResult)); }

Request request_arg(lua_State* L, int arg, std::initializer_list<const char*> skip) {
    Request req;
    req.semantics = "grounded";
    lua_pushnil(L);
    while (lua_next(L, arg)) {
        if (lua_type(L, -2) != LUA_TSTRING) throw Error(ErrorKind::usage, "evaluate{} takes named options only");
        const std::string key = lua_tostring(L, -2);
        if (std::find(skip.begin(), skip.end(), key) != skip.end()) {
            lua_pop(L, 1);
            continue;
        }
        std::string value;
        if (lua_type(L, -1) == LUA_TBOOLEAN) value = lua_toboolean(L, -1) ? "true" : "false";
        else if (lua_isstring(L, -1)) value = lua_tostring(L, -1);  // numbers convert too
        else throw Error(ErrorKind::usage, "evaluate{}: option '" + key + "' must be a string, number or boolean");
        lua_pop(L, 1);
        if (key == "semantics") req.semantics = value;
        else req.params[key] = value;
    }
    return req;
}

void push_result(lua_State* L, Result result, std::shared_ptr<const Snapshot> snapshot, Request request) {
    LResult* r = push_new<LResult>(L, kResult, std::move(result), std::unordered_map<std::string, std::uint32_t>{},
                                   std::move(snapshot), std::move(request));
    for (std::uint32_t i = 0; i < r->result.ids.size(); ++i) r->index.emplace(r->result.ids[i], i);
}

namespace {

std::uint32_t index_of(lua_State* L, LResult* r, const char* id) {
    auto it = r->index.find(id);
    if (it == r->index.end()) luaL_error(L, "the result has no claim '%s'", id);
    return it->second;
}

// r:label(claim) -> "in" | "out" | "undec"
int result_label(lua_State* L) {
    LResult* r = check_result(L, 1);
    const char* id = claim_id_arg(L, 2);
    const std::uint32_t i = index_of(L, r, id);
    if (r->result.labels.empty()) return luaL_error(L, "%s gives strengths, not labels", r->result.semantics.c_str());
    lua_pushstring(L, std::string(to_string(r->result.labels[i])).c_str());
    return 1;
}

// r:strength(claim) -> number (labels read as in 1, undec 0.5, out 0)
int result_strength(lua_State* L) {
    LResult* r = check_result(L, 1);
    const char* id = claim_id_arg(L, 2);
    const std::uint32_t i = index_of(L, r, id);
    lua_pushnumber(L, r->result.value(i));
    return 1;
}

// for id, value in r:each() do ... end   (value: label string or strength)
int each_step(lua_State* L) {
    LResult* r = check_result(L, lua_upvalueindex(1));
    const auto i = next_position(L, r->result.ids.size());
    if (!i) return 0;
    const auto k = static_cast<std::uint32_t>(*i);
    lua_pushstring(L, r->result.ids[k].c_str());
    if (!r->result.labels.empty()) lua_pushstring(L, std::string(to_string(r->result.labels[k])).c_str());
    else lua_pushnumber(L, r->result.strength[k]);
    return 2;
}

int result_each(lua_State* L) {
    check_result(L, 1);
    return push_iterator(L, each_step);
}

int result_json(lua_State* L) {
    LResult* r = check_result(L, 1);
    return protect(L, [&] {
        lua_pushstring(L, to_json(r->result).c_str());
        return 1;
    });
}

int result_index(lua_State* L) {
    LResult* r = check_result(L, 1);
    const char* key = luaL_checkstring(L, 2);
    if (push_method(L, kResult, key)) return 1;
    if (std::strcmp(key, "semantics") == 0) lua_pushstring(L, r->result.semantics.c_str());
    else if (std::strcmp(key, "converged") == 0) lua_pushboolean(L, r->result.converged);
    else if (std::strcmp(key, "iterations") == 0) lua_pushinteger(L, static_cast<lua_Integer>(r->result.iterations));
    else if (std::strcmp(key, "has_labels") == 0 || std::strcmp(key, "labels") == 0)  // labels: the old name
        lua_pushboolean(L, !r->result.labels.empty());
    else lua_pushnil(L);
    return 1;
}

int result_tostring(lua_State* L) {
    LResult* r = check_result(L, 1);
    return protect(L, [&] {
        std::string out = r->result.semantics + ":";
        for (std::uint32_t i = 0; i < r->result.ids.size(); ++i) {
            out += " " + r->result.ids[i] + "=";
            if (!r->result.labels.empty()) out += std::string(to_string(r->result.labels[i]));
            else {
                char buf[32];
                std::snprintf(buf, sizeof buf, "%.4f", r->result.strength[i]);
                out += buf;
            }
        }
        lua_pushstring(L, out.c_str());
        return 1;
    });
}

const luaL_Reg kMethods[] = {{"label", result_label},
                             {"strength", result_strength},
                             {"each", result_each},
                             {"json", result_json},
                             {"explain", result_explain},
                             {nullptr, nullptr}};
const luaL_Reg kMeta[] = {{"__index", result_index},
                          {"__gc", collect<LResult>},
                          {"__tostring", result_tostring},
                          {nullptr, nullptr}};

}  // namespace

void open_result(lua_State* L) { define_type(L, kResult, kMethods, kMeta); }

}  // namespace agon::lua
