// Lua: explanations, hinge sets and robustness.
#include "agon/error.hpp"
#include "agon/explain.hpp"
#include "lua_agon.hpp"

namespace agon::lua {

namespace {

void push_ids(lua_State* L, const Snapshot& s, const std::vector<std::uint32_t>& ids) {
    lua_createtable(L, static_cast<int>(ids.size()), 0);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        lua_pushstring(L, s.id(ids[i]).c_str());
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
}

// A list of {defender = id, attacker = id}.
void push_defences(lua_State* L, const Snapshot& s, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
    lua_createtable(L, static_cast<int>(pairs.size()), 0);
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        lua_createtable(L, 0, 2);
        lua_pushstring(L, s.id(pairs[i].first).c_str());
        lua_setfield(L, -2, "defender");
        lua_pushstring(L, s.id(pairs[i].second).c_str());
        lua_setfield(L, -2, "attacker");
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
}

std::uint32_t claim_of(const Snapshot& s, const char* id) {
    auto v = s.index_of(id);
    if (!v) throw Error(ErrorKind::not_found, std::string("no claim '") + id + "'");
    return *v;
}

// Options common to hinges{} and robustness{}: semantics and its parameters.
Request options_request(lua_State* L, int t, std::initializer_list<const char*> own) {
    Request req = request_arg(L, t);
    for (const char* k : own) req.params.erase(k);
    return req;
}

}  // namespace

// r:explain(claim): a dispute tree or undecided cycle (grounded), a witness with
// its defence and a counter-extension (other extension semantics), else attributions.
int result_explain(lua_State* L) {
    LResult* r = check_result(L, 1);
    const char* id = claim_id_arg(L, 2);
    if (!r->snapshot) return luaL_error(L, "this result cannot be explained (it was not computed from a graph)");
    return protect(L, [&] {
        const Snapshot& s = *r->snapshot;
        const std::uint32_t v = claim_of(s, id);
        lua_newtable(L);
        if (r->request.semantics == "grounded") {
            GroundedWhy why = explain_grounded(s, v);
            lua_pushstring(L, std::string(to_string(why.label)).c_str());
            lua_setfield(L, -2, "label");
            push_defences(L, s, why.defeats);
            lua_setfield(L, -2, "defeats");
            push_ids(L, s, why.cycle);
            lua_setfield(L, -2, "cycle");
            push_ids(L, s, why.path);
            lua_setfield(L, -2, "path");
            return 1;
        }
        if (auto sem = extension_semantics_from_string(r->request.semantics); sem && r->request.params.empty()) {
            ExtensionWhy why = explain_extension(s, *sem, v);
            lua_pushboolean(L, why.credulous);
            lua_setfield(L, -2, "credulous");
            lua_pushboolean(L, why.skeptical);
            lua_setfield(L, -2, "skeptical");
            lua_pushboolean(L, why.has_extension);
            lua_setfield(L, -2, "has_extension");
            if (why.witness) {
                push_ids(L, s, *why.witness);
                lua_setfield(L, -2, "witness");
            }
            push_defences(L, s, why.defence);
            lua_setfield(L, -2, "defence");
            push_ids(L, s, why.undefended);
            lua_setfield(L, -2, "undefended");
            if (why.counter) {
                push_ids(L, s, *why.counter);
                lua_setfield(L, -2, "counter");
            }
            return 1;
        }
        auto list = attributions(s, r->request, v);
        lua_createtable(L, static_cast<int>(list.size()), 0);
        for (std::size_t i = 0; i < list.size(); ++i) {
            lua_createtable(L, 0, 3);
            lua_pushstring(L, s.id(list[i].claim).c_str());
            lua_setfield(L, -2, "claim");
            lua_pushnumber(L, list[i].removal);
            lua_setfield(L, -2, "removal");
            lua_pushnumber(L, list[i].gradient);
            lua_setfield(L, -2, "gradient");
            lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
        }
        lua_setfield(L, -2, "attributions");
        return 1;
    });
}

// g:hinges{claim=, semantics=, max_size=3, threshold=0.5, <params>}
int graph_hinges(lua_State* L) {
    LGraph* g = check_graph(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_getfield(L, 2, "claim");
    const char* id = lua_tostring(L, -1);
    if (!id) return luaL_argerror(L, 2, "hinges{} needs claim = id");
    lua_getfield(L, 2, "max_size");
    const lua_Integer max_size = luaL_optinteger(L, -1, 3);
    lua_getfield(L, 2, "threshold");
    const double threshold = luaL_optnumber(L, -1, 0.5);
    lua_settop(L, 2);
    return protect(L, [&] {
        Request req = options_request(L, 2, {"claim", "max_size", "threshold"});
        Snapshot s = Snapshot::of(*g->graph);
        HingeReport h = hinges(s, req, claim_of(s, id), static_cast<std::uint32_t>(std::max<lua_Integer>(1, max_size)), {},
                               threshold);
        lua_newtable(L);
        lua_createtable(L, static_cast<int>(h.sets.size()), 0);
        for (std::size_t i = 0; i < h.sets.size(); ++i) {
            push_ids(L, s, h.sets[i]);
            lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
        }
        lua_setfield(L, -2, "sets");
        lua_pushboolean(L, h.exact);
        lua_setfield(L, -2, "exact");
        lua_pushinteger(L, h.at_least);
        lua_setfield(L, -2, "at_least");
        return 1;
    });
}

// g:robustness{semantics=, samples=1000, seed=1, spread=0.1, <params>}
int graph_robustness(lua_State* L) {
    LGraph* g = check_graph(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_getfield(L, 2, "samples");
    const lua_Integer samples = luaL_optinteger(L, -1, 1000);
    lua_getfield(L, 2, "seed");
    const lua_Integer seed = luaL_optinteger(L, -1, 1);
    lua_getfield(L, 2, "spread");
    const double spread = luaL_optnumber(L, -1, 0.1);
    lua_settop(L, 2);
    if (samples < 1) return luaL_argerror(L, 2, "samples must be at least 1");
    return protect(L, [&] {
        Request req = options_request(L, 2, {"samples", "seed", "spread"});
        Snapshot s = Snapshot::of(*g->graph);
        Uncertainty u;
        u.default_spread = spread;
        Robustness r = robustness(s, req, u, static_cast<std::uint64_t>(samples), static_cast<std::uint64_t>(seed));
        lua_createtable(L, 0, static_cast<int>(s.size()));
        for (std::uint32_t v = 0; v < s.size(); ++v) {
            lua_createtable(L, 0, 4);
            if (!r.p_in.empty()) {
                lua_pushnumber(L, r.p_in[v]);
                lua_setfield(L, -2, "p_in");
                lua_pushnumber(L, r.p_undec[v]);
                lua_setfield(L, -2, "p_undec");
                lua_pushnumber(L, r.p_out[v]);
                lua_setfield(L, -2, "p_out");
            }
            lua_pushnumber(L, r.mean[v]);
            lua_setfield(L, -2, "mean");
            lua_pushnumber(L, r.stddev[v]);
            lua_setfield(L, -2, "sd");
            lua_setfield(L, -2, s.id(v).c_str());
        }
        return 1;
    });
}

}  // namespace agon::lua
