// Lua: explanations, hinge sets and robustness - the engine's answers
// (agon/question.hpp) as tables, each with a :json() method giving the
// engine's JSON for it.
#include "agon/error.hpp"
#include "agon/question.hpp"
#include "lua_agon.hpp"

namespace agon::lua {

namespace {

void push_strings(lua_State* L, const std::vector<std::string>& ids) {
    lua_createtable(L, static_cast<int>(ids.size()), 0);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        lua_pushstring(L, ids[i].c_str());
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
}

// A list of {defender = id, attacker = id}.
void push_defeats(lua_State* L, const std::vector<Defeat>& defeats) {
    lua_createtable(L, static_cast<int>(defeats.size()), 0);
    for (std::size_t i = 0; i < defeats.size(); ++i) {
        lua_createtable(L, 0, 2);
        lua_pushstring(L, defeats[i].defender.c_str());
        lua_setfield(L, -2, "defender");
        lua_pushstring(L, defeats[i].attacker.c_str());
        lua_setfield(L, -2, "attacker");
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
}

void set_string(lua_State* L, const char* key, const std::string& value) {
    lua_pushstring(L, value.c_str());
    lua_setfield(L, -2, key);
}

void set_bool(lua_State* L, const char* key, bool value) {
    lua_pushboolean(L, value);
    lua_setfield(L, -2, key);
}

void set_number(lua_State* L, const char* key, double value) {
    lua_pushnumber(L, value);
    lua_setfield(L, -2, key);
}

const char* kind_name(ExplanationKind kind) {
    switch (kind) {
        case ExplanationKind::dispute_tree: return "dispute_tree";
        case ExplanationKind::extension_witness: return "extension_witness";
        case ExplanationKind::attributions: return "attributions";
    }
    return "";
}

void push_explanation(lua_State* L, const Explanation& why) {
    lua_newtable(L);
    set_string(L, "kind", kind_name(why.kind));
    set_string(L, "claim", why.claim);
    set_string(L, "semantics", why.semantics);
    set_string(L, "support", std::string(to_string(why.support)));
    switch (why.kind) {
        case ExplanationKind::dispute_tree:
            set_string(L, "label", std::string(to_string(why.label)));
            push_defeats(L, why.defeats);
            lua_setfield(L, -2, "defeats");
            push_strings(L, why.cycle);
            lua_setfield(L, -2, "cycle");
            push_strings(L, why.path);
            lua_setfield(L, -2, "path");
            break;
        case ExplanationKind::extension_witness:
            set_bool(L, "credulous", why.credulous);
            set_bool(L, "skeptical", why.skeptical);
            set_bool(L, "has_extension", why.has_extension);
            if (why.witness) {
                push_strings(L, *why.witness);
                lua_setfield(L, -2, "witness");
            }
            push_defeats(L, why.defence);
            lua_setfield(L, -2, "defence");
            push_strings(L, why.undefended);
            lua_setfield(L, -2, "undefended");
            if (why.counter) {
                push_strings(L, *why.counter);
                lua_setfield(L, -2, "counter");
            }
            break;
        case ExplanationKind::attributions:
            set_number(L, "value", why.value);
            lua_createtable(L, static_cast<int>(why.attributions.size()), 0);
            for (std::size_t i = 0; i < why.attributions.size(); ++i) {
                lua_createtable(L, 0, 3);
                set_string(L, "claim", why.attributions[i].claim);
                set_number(L, "removal", why.attributions[i].removal);
                set_number(L, "gradient", why.attributions[i].gradient);
                lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
            }
            lua_setfield(L, -2, "attributions");
            break;
    }
    attach_json(L, to_json(why));
}

// The graph or scenario at `arg` as the subject of a question (call inside protect()).
struct SubjectArg {
    const Graph* graph = nullptr;
    const Scenario* scenario = nullptr;
    Subject subject() const { return graph ? Subject(*graph) : Subject(*scenario); }
};

SubjectArg subject_arg(lua_State* L, int arg) {
    if (auto* g = static_cast<LGraph*>(luaL_testudata(L, arg, kGraph))) return {g->graph.get(), nullptr};
    return {nullptr, &check_scenario(L, arg)->scenario};
}

// Options of hinge{} and robustness{}: the request, less the question's own keys.
Request options_request(lua_State* L, int t, std::initializer_list<const char*> own) {
    return request_arg(L, t, own);
}

}  // namespace

int json_of(lua_State* L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    return 1;
}

void attach_json(lua_State* L, const std::string& json, lua_CFunction tostring) {
    lua_createtable(L, 0, 2);
    lua_createtable(L, 0, 1);
    lua_pushlstring(L, json.data(), json.size());
    lua_pushcclosure(L, json_of, 1);
    lua_setfield(L, -2, "json");
    lua_setfield(L, -2, "__index");
    if (tostring) {
        lua_pushcfunction(L, tostring);
        lua_setfield(L, -2, "__tostring");
    }
    lua_setmetatable(L, -2);
}

// g:extensions{semantics=, support=, limit=0}: a list of lists of claim ids (also s:extensions).
int graph_extensions(lua_State* L) {
    const SubjectArg on = subject_arg(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_getfield(L, 2, "limit");
    const lua_Integer limit = field_integer(L, -1, "limit", 0);
    lua_settop(L, 2);
    if (limit < 0) return luaL_argerror(L, 2, "limit must be 0 (all) or more");
    return protect(L, [&] {
        Request req = options_request(L, 2, {"limit"});
        ExtensionsOptions options;
        options.limit = static_cast<std::uint64_t>(limit);
        const Extensions e = extensions(on.subject(), req, options, host_control(L));
        lua_createtable(L, static_cast<int>(e.sets.size()), 0);
        for (std::size_t i = 0; i < e.sets.size(); ++i) {
            push_strings(L, e.sets[i]);
            lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
        }
        attach_json(L, to_json(e));
        return 1;
    });
}

// r:explain(claim): the engine's explanation of the claim under the request
// the result was computed with.
int result_explain(lua_State* L) {
    LResult* r = check_result(L, 1);
    const char* id = claim_id_arg(L, 2);
    if (!r->snapshot) return luaL_error(L, "this result cannot be explained (it was not computed from a graph)");
    return protect(L, [&] {
        push_explanation(L, explain(Subject(r->snapshot), r->request, id, host_control(L)));
        return 1;
    });
}

// g:hinge{claim= (also s:hinge, and g:hinges, the old name), semantics=, max_size=3, threshold=0.5, max_evaluations=200000, <params>}
int graph_hinge(lua_State* L) {
    const SubjectArg on = subject_arg(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    HingeOptions options;
    lua_getfield(L, 2, "max_size");
    const lua_Integer max_size = field_integer(L, -1, "max_size", 3);
    if (max_size < 1 || max_size > 1000) return luaL_error(L, "max_size must be from 1 to 1000");
    options.max_size = static_cast<std::uint32_t>(max_size);
    lua_getfield(L, 2, "threshold");
    options.threshold = field_number(L, -1, "threshold", 0.5);
    lua_getfield(L, 2, "max_evaluations");
    options.max_evaluations = static_cast<std::uint64_t>(std::max<lua_Integer>(1, field_integer(L, -1, "max_evaluations", 200000)));
    lua_settop(L, 2);
    lua_getfield(L, 2, "claim");  // stays at 3, holding the id
    if (lua_isnil(L, 3)) return luaL_argerror(L, 2, "hinge{} needs claim = a claim or its id");
    const char* id = claim_id_arg(L, 3);
    return protect(L, [&] {
        Request req = options_request(L, 2, {"claim", "max_size", "threshold", "max_evaluations"});
        const Hinge h = hinge(on.subject(), req, id, options, host_control(L));
        lua_newtable(L);
        set_string(L, "claim", h.claim);
        set_string(L, "semantics", h.semantics);
        lua_createtable(L, static_cast<int>(h.sets.size()), 0);
        for (std::size_t i = 0; i < h.sets.size(); ++i) {
            push_strings(L, h.sets[i]);
            lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
        }
        lua_setfield(L, -2, "sets");
        set_bool(L, "exact", h.exact);
        lua_pushinteger(L, h.at_least);
        lua_setfield(L, -2, "at_least");
        lua_pushinteger(L, static_cast<lua_Integer>(h.evaluations));
        lua_setfield(L, -2, "evaluations");
        attach_json(L, to_json(h));
        return 1;
    });
}

// g:robustness{semantics= (also s:robustness), samples=1000, seed=1, spread=0.1, threads=0, <params>}
int graph_robustness(lua_State* L) {
    const SubjectArg on = subject_arg(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    RobustnessOptions options;
    lua_getfield(L, 2, "samples");
    const lua_Integer samples = field_integer(L, -1, "samples", 1000);
    lua_getfield(L, 2, "seed");
    options.seed = static_cast<std::uint64_t>(field_integer(L, -1, "seed", 1));
    lua_getfield(L, 2, "spread");
    const double spread = field_number(L, -1, "spread", 0.1);
    lua_getfield(L, 2, "threads");
    options.threads = static_cast<unsigned>(std::max<lua_Integer>(0, field_integer(L, -1, "threads", 0)));
    lua_settop(L, 2);
    if (samples < 1) return luaL_argerror(L, 2, "samples must be at least 1");
    options.samples = static_cast<std::uint64_t>(samples);
    return protect(L, [&] {
        Request req = options_request(L, 2, {"samples", "seed", "spread", "threads"});
        Uncertainty u;
        u.default_spread = spread;
        const RobustnessReport r = robustness(on.subject(), req, u, options, host_control(L));
        lua_createtable(L, 0, static_cast<int>(r.claims.size()));
        for (const ClaimRobustness& c : r.claims) {
            lua_createtable(L, 0, 8);
            if (r.labels) {
                set_number(L, "p_in", c.p_in);
                set_number(L, "p_undec", c.p_undec);
                set_number(L, "p_out", c.p_out);
            }
            set_number(L, "mean", c.mean);
            set_number(L, "stddev", c.stddev);
            set_number(L, "sd", c.stddev);  // the name before 0.2
            set_number(L, "q05", c.q05);
            set_number(L, "q95", c.q95);
            lua_setfield(L, -2, c.id.c_str());
        }
        attach_json(L, to_json(r));
        return 1;
    });
}

}  // namespace agon::lua
