// The limits of sandboxed scripts (lua_agon.hpp): engine objects are charged
// against the same memory cap as Lua's own allocations, so a script cannot
// grow a graph past --max-memory; engine calls run under the host's Control.
#include "agon/error.hpp"
#include "lua_agon.hpp"

namespace agon::lua {

namespace {

// Per-object bookkeeping beyond the strings: hash-index entries, vector slack.
constexpr std::size_t kOverhead = 96;

}  // namespace

bool locate(lua_State* L, char (&out)[kWhereSize]) {
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); ++level) {
        lua_getinfo(L, "Sl", &ar);  // neither option pushes or allocates
        if (ar.currentline > 0) {
            std::snprintf(out, sizeof out, "%s:%d: ", ar.short_src, ar.currentline);
            return true;
        }
    }
    out[0] = '\0';
    return false;
}

MemoryBudget* budget_of(lua_State* L) {
    lua_getfield(L, LUA_REGISTRYINDEX, kBudget);
    auto* budget = static_cast<MemoryBudget*>(lua_touserdata(L, -1));
    lua_pop(L, 1);
    return budget;
}

void charge_memory(lua_State* L, std::size_t bytes) {
    MemoryBudget* b = budget_of(L);
    if (!b) return;
    if (b->lua + b->engine + bytes > b->cap) {
        // The first limit to strike is the one reported (a later charge may
        // come from a __close handler running while that error unwinds).
        if (!b->exceeded && !b->lua_raised) locate(L, b->where);
        b->exceeded = true;
        throw Error(ErrorKind::limit, "memory limit exceeded");
    }
    b->engine += bytes;
}

void credit_memory(lua_State* L, std::size_t bytes) {
    if (MemoryBudget* b = budget_of(L)) b->engine -= std::min(bytes, b->engine);
}

Control host_control(lua_State* L) {
    lua_getfield(L, LUA_REGISTRYINDEX, kControl);
    const auto* control = static_cast<const Control*>(lua_touserdata(L, -1));
    lua_pop(L, 1);
    return control ? *control : Control{};
}

std::size_t footprint(const Claim& c) {
    std::size_t n = sizeof(Claim) + kOverhead + c.id.size() + c.text.size();
    for (const auto& t : c.tags) n += sizeof(t) + t.size();
    for (const auto& [k, v] : c.attributes) n += sizeof(k) + sizeof(v) + k.size() + v.size();
    return n;
}

std::size_t footprint(const Edge& e) { return sizeof(Edge) + kOverhead + e.id.size() + e.from.size() + e.to.size(); }

std::size_t footprint(const Graph& g) {
    std::size_t n = sizeof(Graph) + g.title().size();
    for (const Claim& c : g.claims()) n += footprint(c);
    for (const Edge& e : g.edges()) n += footprint(e);
    return n;
}

}  // namespace agon::lua
