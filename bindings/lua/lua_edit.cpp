// Lua: the editing methods graphs and scenarios share (agon/editor.hpp),
// bound once. Edits return the object they edit, so they chain:
//   s:remove("a"):set_base("b", 0.9):add_claim{ id = "z" }
// g:claim{} and g:support/attack/undercut keep returning claim and edge
// handles, as they always did.
#include <type_traits>

#include "agon/editor.hpp"
#include "agon/error.hpp"
#include "lua_agon.hpp"

namespace agon::lua {

namespace {

// The graph or scenario at `arg`, and where its engine memory is counted.
// It lives across Lua errors (which unwind without destructors), so it holds
// only pointers into the userdata at `arg`.
struct Target {
    Editor editor;
    std::size_t* charged;
    const std::shared_ptr<Graph>* graph;  // set for a graph (for handles)
};
static_assert(std::is_trivially_destructible_v<Target>);

Target target_arg(lua_State* L, int arg) {
    if (auto* g = static_cast<LGraph*>(luaL_testudata(L, arg, kGraph))) return {Editor(*g->graph), &g->charged, &g->graph};
    LScenario* s = check_scenario(L, arg);
    return {Editor(s->scenario), &s->charged, nullptr};
}

// Optional string field of the table at `t`, left on the stack: that keeps
// the text alive (an __index may hand out a string no table holds).
const char* opt_field(lua_State* L, int t, const char* key) {
    lua_getfield(L, t, key);
    return field_string(L, -1, key, nullptr);
}

// add_claim{id=, text=, base=, kind=, tags={...}, attributes={...}}
int add_claim(lua_State* L, bool return_handle) {
    Target t = target_arg(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    const char* id = opt_field(L, 2, "id");
    if (!id) return luaL_argerror(L, 2, "a claim needs an 'id' string");
    const char* text = opt_field(L, 2, "text");
    const char* kind = opt_field(L, 2, "kind");
    lua_getfield(L, 2, "base");
    const double base = field_number(L, -1, "base", 0.5);
    lua_pop(L, 1);
    if (kind && !claim_kind_from_string(kind)) return luaL_argerror(L, 2, "kind must be 'statement' or 'argument'");
    // Tags and attributes: checked as Lua values before any C++ object exists.
    lua_getfield(L, 2, "tags");
    const int tags = lua_gettop(L);
    const lua_Integer ntags = check_string_list(L, tags, "tags");
    lua_getfield(L, 2, "attributes");
    const int attrs = lua_gettop(L);
    if (!lua_isnil(L, attrs)) {
        luaL_checktype(L, attrs, LUA_TTABLE);
        lua_pushnil(L);
        while (lua_next(L, attrs)) {
            if (lua_type(L, -2) != LUA_TSTRING || !lua_isstring(L, -1))
                return luaL_error(L, "attributes must map strings to strings");
            lua_pop(L, 1);
        }
    }
    return protect(L, [&] {
        Claim c;
        c.id = id;
        c.text = text ? text : "";
        c.base = base;
        if (kind) c.kind = *claim_kind_from_string(kind);
        c.tags = string_list(L, tags, ntags);
        if (!lua_isnil(L, attrs)) {
            lua_pushnil(L);
            while (lua_next(L, attrs)) {
                c.attributes.emplace_back(lua_tostring(L, -2), lua_tostring(L, -1));
                lua_pop(L, 1);
            }
        }
        const std::size_t bytes = footprint(c);
        charge_memory(L, bytes);
        *t.charged += bytes;
        t.editor.add_claim(std::move(c));
        if (return_handle && t.graph) push_claim(L, *t.graph, id);
        else lua_settop(L, 1);
        return 1;
    });
}

int add_edge(lua_State* L, EdgeKind kind, const char* from, const char* to, double weight, const char* id,
             bool return_handle) {
    Target t = target_arg(L, 1);
    return protect(L, [&] {
        Edge edge{id ? id : "", kind, from, to, weight};
        const std::size_t bytes = footprint(edge);
        charge_memory(L, bytes);
        *t.charged += bytes;
        const std::string added = t.editor.add_edge(std::move(edge));
        if (return_handle && t.graph) push_edge(L, *t.graph, added);
        else lua_settop(L, 1);
        return 1;
    });
}

// support/attack/undercut(from, to [, weight [, id]])
int add_kind(lua_State* L, EdgeKind kind) {
    const char* from = claim_id_arg(L, 2);
    const char* to = kind == EdgeKind::undercut ? edge_id_arg(L, 3) : claim_id_arg(L, 3);
    const double weight = luaL_optnumber(L, 4, 1.0);
    const char* id = luaL_optstring(L, 5, nullptr);
    return add_edge(L, kind, from, to, weight, id, true);
}

int edit_claim(lua_State* L) { return add_claim(L, true); }
int edit_add_claim(lua_State* L) { return add_claim(L, false); }
int edit_support(lua_State* L) { return add_kind(L, EdgeKind::support); }
int edit_attack(lua_State* L) { return add_kind(L, EdgeKind::attack); }
int edit_undercut(lua_State* L) { return add_kind(L, EdgeKind::undercut); }

// add_edge{kind=, from=, to=, weight=1, id=}
int edit_add_edge(lua_State* L) {
    target_arg(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    const char* kind_name = opt_field(L, 2, "kind");
    const auto kind = edge_kind_from_string(kind_name ? kind_name : "");
    if (!kind) return luaL_argerror(L, 2, "kind must be 'support', 'attack' or 'undercut'");
    lua_getfield(L, 2, "from");
    const char* from = claim_id_arg(L, lua_gettop(L));
    lua_getfield(L, 2, "to");
    const char* to = *kind == EdgeKind::undercut ? edge_id_arg(L, lua_gettop(L)) : claim_id_arg(L, lua_gettop(L));
    lua_getfield(L, 2, "weight");
    const double weight = field_number(L, -1, "weight", 1.0);
    const char* id = opt_field(L, 2, "id");
    return add_edge(L, *kind, from, to, weight, id, false);
}

// remove(claim or edge): an edge handle names an edge; an id names the claim, or else the edge.
int edit_remove(lua_State* L) {
    Target t = target_arg(L, 1);
    const bool edge = luaL_testudata(L, 2, kEdge) != nullptr;
    const char* id = edge ? edge_id_arg(L, 2) : claim_id_arg(L, 2);
    return protect(L, [&] {
        if (edge) t.editor.remove_edge(id);
        else t.editor.remove(id);
        lua_settop(L, 1);
        return 1;
    });
}

// The edits naming one claim or edge, with a number when `number` is set:
// check the arguments, apply `edit(editor, id, value)`, return the object.
template <typename Edit>
int edit_one(lua_State* L, bool edge, bool number, Edit&& edit) {
    Target t = target_arg(L, 1);
    const char* id = edge ? edge_id_arg(L, 2) : claim_id_arg(L, 2);
    const double value = number ? luaL_checknumber(L, 3) : 0.0;
    return protect(L, [&] {
        edit(t.editor, id, value);
        lua_settop(L, 1);
        return 1;
    });
}

int edit_remove_claim(lua_State* L) {
    return edit_one(L, false, false, [](Editor& e, const char* id, double) { e.remove_claim(id); });
}
int edit_remove_edge(lua_State* L) {
    return edit_one(L, true, false, [](Editor& e, const char* id, double) { e.remove_edge(id); });
}
int edit_set_base(lua_State* L) {
    return edit_one(L, false, true, [](Editor& e, const char* id, double v) { e.set_base(id, v); });
}
int edit_set_weight(lua_State* L) {
    return edit_one(L, true, true, [](Editor& e, const char* id, double v) { e.set_weight(id, v); });
}

}  // namespace

const luaL_Reg kEditMethods[] = {{"add_claim", edit_add_claim},     {"claim", edit_claim},
                                 {"add_edge", edit_add_edge},       {"support", edit_support},
                                 {"attack", edit_attack},           {"undercut", edit_undercut},
                                 {"remove", edit_remove},           {"remove_claim", edit_remove_claim},
                                 {"remove_edge", edit_remove_edge}, {"set_base", edit_set_base},
                                 {"set_weight", edit_set_weight},   {nullptr, nullptr}};

}  // namespace agon::lua
