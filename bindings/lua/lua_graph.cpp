// Lua: graphs, claims and edges.
#include <cstring>

#include "agon/error.hpp"
#include "agon/io.hpp"
#include "lua_agon.hpp"

namespace agon::lua {

LGraph* check_graph(lua_State* L, int arg) { return static_cast<LGraph*>(luaL_checkudata(L, arg, kGraph)); }

const char* claim_id_arg(lua_State* L, int arg) {
    if (auto* h = static_cast<LHandle*>(luaL_testudata(L, arg, kClaim))) return h->id.c_str();
    if (lua_type(L, arg) == LUA_TSTRING) return lua_tostring(L, arg);
    luaL_typeerror(L, arg, "claim or claim id");
    return nullptr;
}

const char* edge_id_arg(lua_State* L, int arg) {
    if (auto* h = static_cast<LHandle*>(luaL_testudata(L, arg, kEdge))) return h->id.c_str();
    if (lua_type(L, arg) == LUA_TSTRING) return lua_tostring(L, arg);
    luaL_typeerror(L, arg, "edge or edge id");
    return nullptr;
}

void push_claim(lua_State* L, const std::shared_ptr<Graph>& g, const std::string& id) {
    push_new<LHandle>(L, kClaim, g, id);
}

void push_edge(lua_State* L, const std::shared_ptr<Graph>& g, const std::string& id) {
    push_new<LHandle>(L, kEdge, g, id);
}

namespace {

// Iterators: for c in g:claims() do ... end, for e in g:edges() do ... end
template <bool claims>
int handles_step(lua_State* L) {
    const std::shared_ptr<Graph>& g = check_graph(L, lua_upvalueindex(1))->graph;
    const auto i = next_position(L, claims ? g->claims().size() : g->edges().size());
    if (!i) return 0;
    if (claims) push_claim(L, g, g->claims()[*i].id);
    else push_edge(L, g, g->edges()[*i].id);
    return 1;
}

int graph_claims(lua_State* L) {
    check_graph(L, 1);
    return push_iterator(L, handles_step<true>);
}

int graph_edges(lua_State* L) {
    check_graph(L, 1);
    return push_iterator(L, handles_step<false>);
}

// g:evaluate{semantics=..., ...}
int graph_evaluate(lua_State* L) {
    LGraph* g = check_graph(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    return protect(L, [&] {
        Request req = request_arg(L, 2);
        auto snapshot = std::make_shared<const Snapshot>(Snapshot::of(*g->graph));
        push_result(L, evaluate(*snapshot, req, host_control(L)), snapshot, req);
        return 1;
    });
}

// g:scenario(name)
int graph_scenario(lua_State* L) {
    LGraph* g = check_graph(L, 1);
    const char* name = luaL_optstring(L, 2, "scenario");
    return protect(L, [&] {
        // The scenario keeps its own copy of the graph as it is now.
        auto base = std::make_shared<const Graph>(*g->graph);
        const std::size_t bytes = footprint(*base);
        charge_memory(L, bytes);
        push_new<LScenario>(L, kScenario, Scenario(std::move(base), name), bytes);
        log_scenario(L);
        return 1;
    });
}

// g:save(path [, format])
int graph_save(lua_State* L) {
    LGraph* g = check_graph(L, 1);
    const char* path = luaL_checkstring(L, 2);
    const char* format = luaL_optstring(L, 3, nullptr);
    check_path(L, path, true);
    return protect(L, [&] {
        save_graph(*g->graph, path, format_arg(format));
        return 0;
    });
}

// g:render{file=, result=, ...}: agon.render with graph = g.
int graph_render(lua_State* L) {
    check_graph(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_pushvalue(L, 1);
    lua_setfield(L, 2, "graph");
    lua_remove(L, 1);
    return render_table(L);
}

int graph_index(lua_State* L) {
    LGraph* g = check_graph(L, 1);
    if (lua_type(L, 2) == LUA_TSTRING) {
        const char* key = lua_tostring(L, 2);
        if (push_method(L, kGraph, key)) return 1;
        if (std::strcmp(key, "title") == 0) {
            lua_pushstring(L, g->graph->title().c_str());
            return 1;
        }
        if (g->graph->find_claim(key)) {
            push_claim(L, g->graph, key);
            return 1;
        }
        if (g->graph->find_edge(key)) {
            push_edge(L, g->graph, key);
            return 1;
        }
    }
    lua_pushnil(L);
    return 1;
}

int graph_tostring(lua_State* L) {
    LGraph* g = check_graph(L, 1);
    lua_pushfstring(L, "agon graph '%s' (%d claims, %d edges)", g->graph->title().c_str(),
                    static_cast<int>(g->graph->claims().size()), static_cast<int>(g->graph->edges().size()));
    return 1;
}

int graph_len(lua_State* L) {
    lua_pushinteger(L, static_cast<lua_Integer>(check_graph(L, 1)->graph->claims().size()));
    return 1;
}

// Claim and edge handles: fields read from the graph on access. The claim or
// edge (`what`) that the handle at 1 (metatable `meta`) names, found by `find`;
// a Lua error when the graph no longer has it.
template <class Find>
auto* handle_target(lua_State* L, const char* meta, const char* what, Find find) {
    auto* h = static_cast<LHandle*>(luaL_checkudata(L, 1, meta));
    auto* target = find(*h->graph, h->id);
    if (!target) luaL_error(L, "%s '%s' is no longer in the graph", what, h->id.c_str());
    return target;
}

int claim_index(lua_State* L) {
    const Claim* c =
        handle_target(L, kClaim, "claim", [](const Graph& g, const std::string& id) { return g.find_claim(id); });
    const char* key = luaL_checkstring(L, 2);
    if (std::strcmp(key, "id") == 0) lua_pushstring(L, c->id.c_str());
    else if (std::strcmp(key, "text") == 0) lua_pushstring(L, c->text.c_str());
    else if (std::strcmp(key, "base") == 0) lua_pushnumber(L, c->base);
    else if (std::strcmp(key, "kind") == 0) lua_pushstring(L, std::string(to_string(c->kind)).c_str());
    else if (std::strcmp(key, "tags") == 0) {
        lua_createtable(L, static_cast<int>(c->tags.size()), 0);
        for (std::size_t i = 0; i < c->tags.size(); ++i) {
            lua_pushstring(L, c->tags[i].c_str());
            lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
        }
    } else if (const std::string* a = c->attribute(key)) lua_pushstring(L, a->c_str());
    else lua_pushnil(L);
    return 1;
}

int edge_index(lua_State* L) {
    const Edge* e =
        handle_target(L, kEdge, "edge", [](const Graph& g, const std::string& id) { return g.find_edge(id); });
    const char* key = luaL_checkstring(L, 2);
    if (std::strcmp(key, "id") == 0) lua_pushstring(L, e->id.c_str());
    else if (std::strcmp(key, "from") == 0) lua_pushstring(L, e->from.c_str());
    else if (std::strcmp(key, "to") == 0) lua_pushstring(L, e->to.c_str());
    else if (std::strcmp(key, "kind") == 0) lua_pushstring(L, std::string(to_string(e->kind)).c_str());
    else if (std::strcmp(key, "weight") == 0) lua_pushnumber(L, e->weight);
    else lua_pushnil(L);
    return 1;
}

int handle_tostring(lua_State* L) {
    auto* h = static_cast<LHandle*>(lua_touserdata(L, 1));
    lua_pushfstring(L, "%s %s", luaL_testudata(L, 1, kClaim) ? "claim" : "edge", h->id.c_str());
    return 1;
}

// Lua asks a claim's __eq about any other full userdata too (a graph, an
// edge): only two handles of one kind, graph and id are equal.
int handle_eq(lua_State* L) {
    const auto handle = [L](int arg, const char* kind) { return static_cast<LHandle*>(luaL_testudata(L, arg, kind)); };
    bool same = false;
    for (const char* kind : {kClaim, kEdge}) {
        const LHandle *a = handle(1, kind), *b = handle(2, kind);
        if (a && b) same = a->graph == b->graph && a->id == b->id;
    }
    lua_pushboolean(L, same);
    return 1;
}

// Editing methods come from lua_edit.cpp; hinges is the old name of hinge.
const luaL_Reg kGraphMethods[] = {{"claims", graph_claims},     {"edges", graph_edges},
                                  {"evaluate", graph_evaluate}, {"scenario", graph_scenario},
                                  {"save", graph_save},         {"render", graph_render},
                                  {"hinge", graph_hinge}, {"extensions", graph_extensions},       {"hinges", graph_hinge},
                                  {"robustness", graph_robustness}, {"report", graph_report},
                                  {"session", graph_session},
                                  {nullptr, nullptr}};
const luaL_Reg kGraphMeta[] = {{"__index", graph_index},       {"__gc", collect_charged<LGraph>},
                               {"__tostring", graph_tostring}, {"__len", graph_len},
                               {nullptr, nullptr}};
const luaL_Reg kNoMethods[] = {{nullptr, nullptr}};
const luaL_Reg kClaimMeta[] = {{"__index", claim_index}, {"__gc", collect<LHandle>}, {"__tostring", handle_tostring},
                               {"__eq", handle_eq},       {nullptr, nullptr}};
const luaL_Reg kEdgeMeta[] = {{"__index", edge_index}, {"__gc", collect<LHandle>}, {"__tostring", handle_tostring},
                              {"__eq", handle_eq},      {nullptr, nullptr}};

}  // namespace

void open_graph(lua_State* L) {
    define_type(L, kGraph, kGraphMethods, kGraphMeta, true);
    define_type(L, kClaim, kNoMethods, kClaimMeta);
    define_type(L, kEdge, kNoMethods, kEdgeMeta);
}

}  // namespace agon::lua
