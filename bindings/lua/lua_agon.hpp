// Internal: the userdata behind the Lua API and the helpers every binding
// file shares. Lua errors may longjmp (the stock lua5.4 is C), so binding
// functions check their arguments first, do C++ work inside protect(), and
// raise only after the C++ scope has closed.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

extern "C" {
#include <lauxlib.h>
#include <lua.h>
}

#include "agon/control.hpp"
#include "agon/graph.hpp"
#include "agon/io.hpp"
#include "agon/report.hpp"
#include "agon/scenario.hpp"
#include "agon/semantics.hpp"

namespace agon::lua {

inline constexpr const char* kGraph = "agon.Graph";
inline constexpr const char* kClaim = "agon.Claim";
inline constexpr const char* kEdge = "agon.Edge";
inline constexpr const char* kResult = "agon.Result";
inline constexpr const char* kScenario = "agon.Scenario";
inline constexpr const char* kSession = "agon.Session";

struct LGraph {
    std::shared_ptr<Graph> graph;
    std::size_t charged = 0;  // engine bytes charged for it (credited back by __gc)
};
struct LHandle {  // a claim or an edge of a graph
    std::shared_ptr<Graph> graph;
    std::string id;
};
struct LResult {
    Result result;
    std::unordered_map<std::string, std::uint32_t> index;
    std::shared_ptr<const Snapshot> snapshot;  // what it was computed from, for r:explain
    Request request;
};
struct LScenario {
    Scenario scenario;
    std::size_t charged = 0;  // engine bytes charged for it (credited back by __gc)
};

/// Room for a location from locate(): a chunk name as Lua shortens it, and a line.
inline constexpr std::size_t kWhereSize = LUA_IDSIZE + 24;

/// Memory of a script under the sandboxed host: what Lua allocates and what
/// the engine holds for it (graphs, scenarios), against one cap. The host
/// keeps one in the registry under kBudget; the module loaded by the stock
/// lua5.4 has none, and then charging is free.
struct MemoryBudget {
    std::size_t lua = 0;     ///< bytes Lua has allocated
    std::size_t engine = 0;  ///< bytes charged for engine objects
    std::size_t cap = SIZE_MAX;
    bool exceeded = false;   ///< a charge was refused
    /// True while a binding's C++ body runs (protect()): Lua allocations are
    /// granted over the cap then, because a memory error would unwind C++
    /// frames without their destructors; the next allocation outside is refused.
    bool in_cxx = false;
    bool lua_raised = false;  ///< one of Lua's own allocations was refused and raised a memory error
    /// Where the script was when the cap struck ("name.lua:12: ", empty when
    /// unknown; inside a coroutine, the line there), for the host's message.
    char where[kWhereSize] = "";
};
inline constexpr const char* kBudget = "agon.budget";

/// Write "chunk:line: " of the innermost Lua function running on `L` into
/// `out` (C functions are skipped: their Lua caller is named), or "" when
/// none runs; returns whether one was found. Allocates nothing and never
/// raises, so the allocator may call it.
bool locate(lua_State* L, char (&out)[kWhereSize]);

/// Charge `bytes` of engine memory to the host's budget. Throws
/// Error(limit) when the cap would be exceeded: call it inside protect().
void charge_memory(lua_State* L, std::size_t bytes);
/// The host's budget, or null under the stock lua5.4 (no cap).
MemoryBudget* budget_of(lua_State* L);
/// Give back memory charged earlier (a graph collected by the GC).
void credit_memory(lua_State* L, std::size_t bytes);
/// Estimated bytes the engine holds for a claim, an edge or a whole graph.
std::size_t footprint(const Claim& claim);
std::size_t footprint(const Edge& edge);
std::size_t footprint(const Graph& graph);

/// Run `body` (returning the number of results it pushed) and turn a C++
/// exception into a Lua error raised after the C++ scope is gone, naming the
/// Lua line that called in (also through pcall, where luaL_error names none).
template <typename Body>
int protect(lua_State* L, Body&& body) {
    char message[1024];
    int pushed = -1;
    MemoryBudget* budget = budget_of(L);
    if (budget) budget->in_cxx = true;
    {
        try {
            pushed = body();
        } catch (const std::exception& e) {
            std::snprintf(message, sizeof message, "%s", e.what());
        } catch (...) {
            std::snprintf(message, sizeof message, "unknown error");
        }
    }
    if (budget) budget->in_cxx = false;
    if (pushed < 0) {
        char where[kWhereSize];
        locate(L, where);
        lua_pushfstring(L, "%s%s", where, message);
        return lua_error(L);
    }
    return pushed;
}

/// Check that the value at `index` is nil or a list whose every element
/// `fits` (raising "WHAT must be a list of KINDS" otherwise) and return its
/// length (0 for nil). Call it before any C++ object exists; read the list
/// later (string_list, claim_list). The list is read raw (no __index or
/// __len): reading it again inside protect() must run no Lua code, which
/// could raise over C++ frames.
template <typename Fits>
lua_Integer check_list(lua_State* L, int index, const char* what, const char* kinds, Fits fits) {
    if (lua_isnil(L, index)) return 0;
    luaL_checktype(L, index, LUA_TTABLE);
    const auto n = static_cast<lua_Integer>(lua_rawlen(L, index));
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_rawgeti(L, index, i);
        if (!fits()) luaL_error(L, "%s must be a list of %s", what, kinds);
        lua_pop(L, 1);
    }
    return n;
}

/// check_list for strings (numbers convert).
inline lua_Integer check_string_list(lua_State* L, int index, const char* what) {
    return check_list(L, index, what, "strings", [L] { return lua_isstring(L, -1) != 0; });
}

/// The first `n` strings of the list at `index` (checked by check_string_list),
/// read raw. Throws Error(usage) if the list changed since (an option's
/// __index can run Lua between the check and the read): call inside protect().
inline std::vector<std::string> string_list(lua_State* L, int index, lua_Integer n) {
    std::vector<std::string> out;
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_rawgeti(L, index, i);
        std::size_t size = 0;
        const char* text = lua_isstring(L, -1) ? lua_tolstring(L, -1, &size) : nullptr;
        if (!text) throw Error(ErrorKind::usage, "a list of strings changed while it was read");
        out.emplace_back(text, size);
        lua_pop(L, 1);
    }
    return out;
}

/// check_list for claims: claim handles or id strings.
inline lua_Integer check_claim_list(lua_State* L, int index, const char* what) {
    return check_list(L, index, what, "claims or claim ids",
                      [L] { return lua_type(L, -1) == LUA_TSTRING || luaL_testudata(L, -1, kClaim); });
}

/// The claim at the top of the stack, a handle or an id string (checked
/// before); throws Error(usage) for anything else, never raises.
inline std::string claim_on_top(lua_State* L) {
    if (auto* h = static_cast<LHandle*>(luaL_testudata(L, -1, kClaim))) return h->id;
    std::size_t size = 0;
    if (lua_type(L, -1) == LUA_TSTRING) return {lua_tolstring(L, -1, &size), size};
    throw Error(ErrorKind::usage, "a list of claims changed while it was read");
}

/// The first `n` claim ids of the list at `index` (checked by
/// check_claim_list), read raw: call inside protect().
inline std::vector<std::string> claim_list(lua_State* L, int index, lua_Integer n) {
    std::vector<std::string> out;
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_rawgeti(L, index, i);
        out.push_back(claim_on_top(L));
        lua_pop(L, 1);
    }
    return out;
}

/// The number at stack index `at` (an options table's field `key`, just read
/// with lua_getfield), or `fallback` when it is nil. Anything else raises
/// "field 'key' must be a number" (luaL_opt* would say "bad argument #-1").
lua_Number field_number(lua_State* L, int at, const char* key, lua_Number fallback);
/// As field_number, for a whole number.
lua_Integer field_integer(lua_State* L, int at, const char* key, lua_Integer fallback);
/// As field_number, for a string (a number is refused: its converted text
/// would not outlive the stack slot). The text lives while the value stays
/// on the stack: leave it there until the C++ work is done.
const char* field_string(lua_State* L, int at, const char* key, const char* fallback);

/// Allocate a userdata of type T with metatable `meta` and construct it from args.
template <typename T, typename... Args>
T* push_new(lua_State* L, const char* meta, Args&&... args) {
    void* block = lua_newuserdatauv(L, sizeof(T), 0);
    T* object = new (block) T{std::forward<Args>(args)...};
    luaL_setmetatable(L, meta);
    return object;
}

/// __gc for userdata that hold engine memory (LGraph, LScenario): give the
/// charged bytes back to the budget, then destroy the object.
template <typename T>
int collect_charged(lua_State* L) {
    if (auto* p = static_cast<T*>(lua_touserdata(L, 1))) {
        credit_memory(L, p->charged);
        p->~T();
    }
    return 0;
}

/// __gc for any userdata type.
template <typename T>
int collect(lua_State* L) {
    if (void* p = lua_touserdata(L, 1)) static_cast<T*>(p)->~T();
    return 0;
}

/// An iterator over the object at index 1 (`for x in obj:items() do`): a
/// closure that calls `step` with the object as upvalue 1 and the position
/// to yield next as upvalue 2.
inline int push_iterator(lua_State* L, lua_CFunction step) {
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, step, 2);
    return 1;
}

/// In an iterator's `step`: the position to yield (advancing the counter),
/// or std::nullopt once `size` items have been yielded.
inline std::optional<std::size_t> next_position(lua_State* L, std::size_t size) {
    const lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
    if (static_cast<std::size_t>(i) >= size) return std::nullopt;
    lua_pushinteger(L, i + 1);
    lua_replace(L, lua_upvalueindex(2));
    return static_cast<std::size_t>(i);
}

/// In an __index metamethod: push the method `key` of metatable `meta` and
/// return true, or leave the stack as it was and return false. Metamethods
/// (keys starting "__") are never methods.
bool push_method(lua_State* L, const char* meta, const char* key);

/// The editing methods graphs and scenarios share (lua_edit.cpp).
extern const luaL_Reg kEditMethods[];

/// Register metatable `meta` with `methods` and `metamethods` (both ending in
/// {nullptr, nullptr}); `editable` adds the editing methods (lua_edit.cpp).
void define_type(lua_State* L, const char* meta, const luaL_Reg* methods, const luaL_Reg* metamethods,
                 bool editable = false);

/// The file format named `name` (nullptr: none, so guess from the path).
/// Throws usage for an unknown name: call inside protect().
std::optional<Format> format_arg(const char* name);

LGraph* check_graph(lua_State* L, int arg);
LResult* check_result(lua_State* L, int arg);
LScenario* check_scenario(lua_State* L, int arg);
/// A claim handle or an id string at `arg`; returns the id.
const char* claim_id_arg(lua_State* L, int arg);
/// An edge handle or an edge id string at `arg`.
const char* edge_id_arg(lua_State* L, int arg);

/// Read evaluate{semantics=..., support=..., <param>=...} at `arg` into a
/// Request, leaving out the keys in `skip` (a function's own options).
Request request_arg(lua_State* L, int arg, std::initializer_list<const char*> skip = {});
/// Push a result userdata (with the snapshot and request it came from, if any).
void push_result(lua_State* L, Result result, std::shared_ptr<const Snapshot> snapshot = nullptr, Request request = {});

/// r:explain(claim), g:hinge{}, g:robustness{}, g:extensions{} (lua_explain.cpp).
int result_explain(lua_State* L);
int graph_hinge(lua_State* L);
int graph_extensions(lua_State* L);
/// Give the table on top of the stack a :json() method returning `json` (and
/// `tostring` as __tostring), through a metatable so pairs() and claim ids
/// are not disturbed.
void attach_json(lua_State* L, const std::string& json, lua_CFunction tostring = nullptr);
int graph_robustness(lua_State* L);
/// g:session{semantics=} and s:session{} (lua_session.cpp).
int graph_session(lua_State* L);
/// g:report{} (lua_report.cpp).
int graph_report(lua_State* L);
/// Registry key of the list of scenarios a script creates, kept only when the
/// host collects them for `agon report --scenarios`.
inline constexpr const char* kScenarioLog = "agon.scenario_log";
/// Append the scenario on top of the stack to the log, when there is one.
void log_scenario(lua_State* L);
/// Read a list of scenarios or {scenario = s, note = "..."} at `index`.
/// Throws usage (call inside protect(), or where a throw is caught).
std::vector<ReportScenario> scenario_list(lua_State* L, int index);
/// Push a claim / edge handle.
void push_claim(lua_State* L, const std::shared_ptr<Graph>& g, const std::string& id);
void push_edge(lua_State* L, const std::shared_ptr<Graph>& g, const std::string& id);

/// The Control of the sandboxed host (its time limit), kept in the registry
/// under kControl; an empty Control for the module loaded by the stock lua5.4.
/// Every long engine call from a script runs under it.
inline constexpr const char* kControl = "agon.control";
Control host_control(lua_State* L);

/// Path policy of the sandboxed host: when set (in the registry), agon.load
/// and g:save only touch files under the allowed directories, and a write is
/// strictly inside one. An output directory not made yet (the policy's
/// "make") is made when a file is first written straight into it. Under
/// `agon run --unsafe` the policy is "open": any path, and only that making.
void check_path(lua_State* L, const char* path, bool writing);
/// The absolute path directory `dir` will have once made: its parent
/// resolved (symbolic links followed) and its last name. Empty when the
/// parent does not resolve or the last name is empty, "." or "..".
std::string future_dir(const std::string& dir);

/// agon.render{graph=..., ...} with the options table at index 1.
int render_table(lua_State* L);

/// Register the metatables and methods of each type.
void open_graph(lua_State* L);
void open_result(lua_State* L);
void open_scenario(lua_State* L);
void open_session(lua_State* L);

}  // namespace agon::lua

extern "C" int luaopen_agon(lua_State* L);
