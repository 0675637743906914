// Lua: the module table - agon.graph, agon.load, agon.diff, agon.version,
// agon.semantics - and the sandbox's path policy.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "agon/error.hpp"
#include "agon/io.hpp"
#include "agon/question.hpp"
#include "agon/render.hpp"
#include "agon/version.hpp"
#include "lua_agon.hpp"
#include "lua_round.hpp"

namespace agon::lua {

namespace {

// agon.graph{title=...}
int module_graph(lua_State* L) {
    const char* title = nullptr;
    if (!lua_isnoneornil(L, 1)) {
        luaL_checktype(L, 1, LUA_TTABLE);
        lua_getfield(L, 1, "title");
        title = field_string(L, -1, "title", nullptr);
    }
    return protect(L, [&] {
        auto g = std::make_shared<Graph>();
        if (title) g->set_title(title);
        push_new<LGraph>(L, kGraph, std::move(g));
        return 1;
    });
}

// agon.load(path [, format])
int module_load(lua_State* L) {
    const char* path = luaL_checkstring(L, 1);
    const char* format = luaL_optstring(L, 2, nullptr);
    check_path(L, path, false);
    return protect(L, [&] {
        auto graph = std::make_shared<Graph>(load_graph(path, format_arg(format)));
        const std::size_t bytes = footprint(*graph);
        charge_memory(L, bytes);
        push_new<LGraph>(L, kGraph, std::move(graph), bytes);
        return 1;
    });
}

int diff_tostring(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    return protect(L, [&] {
        std::string out;
        const lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L, 1));
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_rawgeti(L, 1, i);
            for (const char* key : {"id", "before", "after"}) {
                lua_getfield(L, -1, key);
                if (lua_type(L, -1) == LUA_TNUMBER) {
                    char buf[32];
                    std::snprintf(buf, sizeof buf, "%.4f", lua_tonumber(L, -1));
                    out += buf;
                } else {
                    const char* v = lua_tostring(L, -1);
                    out += v ? v : "(absent)";
                }
                lua_pop(L, 1);
                out += std::strcmp(key, "id") == 0 ? ": " : std::strcmp(key, "before") == 0 ? " -> " : "\n";
            }
            lua_pop(L, 1);
        }
        if (out.empty()) out = "no changes\n";
        out.pop_back();
        lua_pushstring(L, out.c_str());
        return 1;
    });
}

void push_side(lua_State* L, const std::optional<Label>& label, const std::optional<double>& strength) {
    if (label) lua_pushstring(L, std::string(to_string(*label)).c_str());
    else if (strength) lua_pushnumber(L, *strength);
    else lua_pushnil(L);
}

// agon.diff(before, after [, tolerance]) -> list of {id=, before=, after=}
int module_diff(lua_State* L) {
    LResult* a = check_result(L, 1);
    LResult* b = check_result(L, 2);
    const double tol = luaL_optnumber(L, 3, 1e-9);
    if (!(tol >= 0)) return luaL_argerror(L, 3, "the tolerance must be a number >= 0");
    return protect(L, [&] {
        const Diff changes = compare(a->result, b->result, tol);
        lua_createtable(L, static_cast<int>(changes.size()), 0);
        for (std::size_t i = 0; i < changes.size(); ++i) {
            lua_createtable(L, 0, 3);
            lua_pushstring(L, changes[i].id.c_str());
            lua_setfield(L, -2, "id");
            push_side(L, changes[i].label_before, changes[i].strength_before);
            lua_setfield(L, -2, "before");
            push_side(L, changes[i].label_after, changes[i].strength_after);
            lua_setfield(L, -2, "after");
            lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
        }
        attach_json(L, to_json(changes), diff_tostring);
        return 1;
    });
}

int module_version(lua_State* L) {
    lua_pushstring(L, agon::version());
    return 1;
}

int module_semantics(lua_State* L) {
    return protect(L, [&] {
        auto names = semantics_names();
        lua_createtable(L, static_cast<int>(names.size()), 0);
        for (std::size_t i = 0; i < names.size(); ++i) {
            lua_pushstring(L, names[i].c_str());
            lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
        }
        return 1;
    });
}

}  // namespace

// agon.render{graph=, file=, result=, before=, focus=, depth=, layout=, rankdir=,
//             title=, legend=, cluster_by_tag=, format=} -> nothing, or the bytes when no file
int render_table(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, 1, "graph");
    LGraph* g = check_graph(L, -1);
    // Each option stays on the stack, which keeps its text alive.
    auto opt_string = [&](const char* key) -> const char* {
        lua_getfield(L, 1, key);
        return field_string(L, -1, key, nullptr);
    };
    const char* file = opt_string("file");
    lua_getfield(L, 1, "focus");
    const char* focus = lua_isnil(L, -1) ? nullptr : claim_id_arg(L, lua_gettop(L));
    const char* layout = opt_string("layout");
    const char* rankdir = opt_string("rankdir");
    const char* title = opt_string("title");
    const char* format = opt_string("format");
    lua_getfield(L, 1, "result");
    LResult* result = lua_isnil(L, -1) ? nullptr : check_result(L, lua_gettop(L));
    lua_getfield(L, 1, "before");
    LResult* before = lua_isnil(L, -1) ? nullptr : check_result(L, lua_gettop(L));
    lua_getfield(L, 1, "legend");
    const bool legend = lua_toboolean(L, -1);
    lua_getfield(L, 1, "cluster_by_tag");
    const bool cluster = lua_toboolean(L, -1);
    lua_getfield(L, 1, "depth");
    const lua_Integer depth = field_integer(L, -1, "depth", 2);
    if (depth < 0 || depth > 1000) return luaL_error(L, "render: depth must be from 0 to 1000");
    // highlight = {ids}: checked here, read inside protect (the strings stay in the table).
    lua_getfield(L, 1, "highlight");
    const int highlight = lua_gettop(L);
    const lua_Integer nhighlight = check_claim_list(L, highlight, "render: highlight");
    if (file) check_path(L, file, true);
    return protect(L, [&] {
        RenderOptions o;
        if (focus) o.focus = focus;
        o.depth = static_cast<int>(depth);
        if (layout) o.layout = layout;
        if (rankdir) o.rankdir = rankdir;
        if (title) o.title = title;
        o.legend = legend;
        o.cluster_by_tag = cluster;
        o.result = result ? &result->result : nullptr;
        o.before = before ? &before->result : nullptr;
        o.highlight = claim_list(L, highlight, nhighlight);
        // A layout in a child process stops with the script's own limit.
        const Control host = host_control(L);
        o.cancel = host.cancel;
        if (host.deadline) o.timeout = host.seconds_left();
        if (format) o.format = format;
        else if (file) o.format = map_format(file);
        if (file) {
            render_to_file(*g->graph, o, file);
            return 0;
        }
        const std::string bytes = render(*g->graph, o);
        lua_pushlstring(L, bytes.data(), bytes.size());
        return 1;
    });
}

namespace {

const luaL_Reg kFunctions[] = {{"graph", module_graph},     {"load", module_load}, {"render", render_table},
                               {"diff", module_diff},       {"version", module_version},
                               {"semantics", module_semantics}, {"round", module_round},
                               {"load_round", module_load_round}, {nullptr, nullptr}};

// True when `path` (resolved) lies inside directory `dir` (resolved), or is
// `dir` itself unless `writing` (a file there would stand in the directory's place).
bool inside(const char* path, const char* dir, bool writing) {
    const std::size_t n = std::strlen(dir);
    return std::strncmp(path, dir, n) == 0 && (path[n] == '/' || (!writing && path[n] == '\0'));
}

// Make the output directory when `dir` (which does not resolve) names it and
// it is not made yet (the field "make" of the path policy at `paths`).
bool make_output_dir(lua_State* L, int paths, const char* dir) {
    if (lua_getfield(L, paths, "make") != LUA_TSTRING) {
        lua_pop(L, 1);
        return false;
    }
    const char* wanted = lua_tostring(L, -1);  // no C++ object may live across luaL_error's longjmp
    const bool named = future_dir(dir) == wanted;
    if (named && ::mkdir(wanted, 0777) != 0 && errno != EEXIST)
        luaL_error(L, "cannot make the output directory '%s': %s", wanted, std::strerror(errno));
    lua_pop(L, 1);
    if (named) {
        lua_pushnil(L);
        lua_setfield(L, paths, "make");
    }
    return named;
}

}  // namespace

lua_Number field_number(lua_State* L, int at, const char* key, lua_Number fallback) {
    if (lua_isnil(L, at)) return fallback;
    if (lua_type(L, at) != LUA_TNUMBER) luaL_error(L, "field '%s' must be a number, not %s", key, luaL_typename(L, at));
    return lua_tonumber(L, at);
}

lua_Integer field_integer(lua_State* L, int at, const char* key, lua_Integer fallback) {
    if (lua_isnil(L, at)) return fallback;
    int whole = 0;
    const lua_Integer n = lua_tointegerx(L, at, &whole);
    if (lua_type(L, at) != LUA_TNUMBER || !whole)
        luaL_error(L, "field '%s' must be a whole number, not %s", key,
                   lua_type(L, at) == LUA_TNUMBER ? "a fraction or out of range" : luaL_typename(L, at));
    return n;
}

const char* field_string(lua_State* L, int at, const char* key, const char* fallback) {
    if (lua_isnil(L, at)) return fallback;
    if (lua_type(L, at) != LUA_TSTRING) luaL_error(L, "field '%s' must be a string, not %s", key, luaL_typename(L, at));
    return lua_tostring(L, at);
}

bool push_method(lua_State* L, const char* meta, const char* key) {
    // The metatable also holds __gc and the like: a script calling g.__gc(g)
    // would free what the object still uses.
    if (key[0] == '_' && key[1] == '_') return false;
    luaL_getmetatable(L, meta);
    lua_getfield(L, -1, key);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 2);
        return false;
    }
    lua_remove(L, -2);
    return true;
}

void define_type(lua_State* L, const char* meta, const luaL_Reg* methods, const luaL_Reg* metamethods, bool editable) {
    luaL_newmetatable(L, meta);
    luaL_setfuncs(L, methods, 0);
    luaL_setfuncs(L, metamethods, 0);
    if (editable) luaL_setfuncs(L, kEditMethods, 0);
    lua_pop(L, 1);
}

std::optional<Format> format_arg(const char* name) {
    if (!name) return std::nullopt;
    auto f = format_from_name(name);
    if (!f) throw Error(ErrorKind::usage, std::string("unknown format '") + name + "'");
    return f;
}

std::string future_dir(const std::string& dir) {
    std::filesystem::path path(dir);
    if (!path.has_filename()) path = path.parent_path();  // "out/"
    const std::string name = path.filename().string();
    if (name.empty() || name == "." || name == "..") return "";
    char parent[PATH_MAX];
    if (!::realpath(path.has_parent_path() ? path.parent_path().c_str() : ".", parent)) return "";
    return std::string(parent) + (std::strcmp(parent, "/") == 0 ? "" : "/") + name;
}

void check_path(lua_State* L, const char* path, bool writing) {
    lua_getfield(L, LUA_REGISTRYINDEX, "agon.paths");
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return;  // the plain module: no policy
    }
    const int paths = lua_gettop(L);
    const bool open = lua_getfield(L, paths, "open") != LUA_TNIL;  // --unsafe: only make the output directory
    lua_pop(L, 1);
    // Resolve the file, or for a new file its directory, following symlinks.
    char resolved[PATH_MAX];
    char dir_buf[PATH_MAX];
    bool ok = ::realpath(path, resolved) != nullptr;
    if (!ok && writing) {
        // A new file: resolve its directory; the name itself must be plain.
        std::snprintf(dir_buf, sizeof dir_buf, "%s", path);
        char* slash = std::strrchr(dir_buf, '/');
        const char* name = path;
        const char* dir = ".";
        if (slash) {
            name = path + (slash - dir_buf) + 1;
            if (slash == dir_buf) dir = "/";
            else {
                *slash = '\0';
                dir = dir_buf;
            }
        }
        char real_dir[PATH_MAX];
        const bool plain = *name && std::strcmp(name, ".") != 0 && std::strcmp(name, "..") != 0;
        if (plain && (::realpath(dir, real_dir) || (make_output_dir(L, paths, dir) && ::realpath(dir, real_dir)))) {
            const int len = std::snprintf(resolved, sizeof resolved, "%s/%s", real_dir, name);
            ok = len > 0 && static_cast<std::size_t>(len) < sizeof resolved;
        }
        // A symbolic link whose target does not exist yet: writing follows it,
        // wherever it points, so it is refused.
        struct stat entry {};
        if (ok && !open && ::lstat(resolved, &entry) == 0)
            luaL_error(L, "sandbox: '%s' is a symbolic link to a file that does not exist; writing through it is refused",
                       path);
    }
    if (open) {
        lua_pop(L, 1);
        return;
    }
    if (!ok && !writing && errno == ENOENT) luaL_error(L, "sandbox: no file '%s'", path);
    if (!ok) luaL_error(L, "sandbox: cannot resolve '%s'", path);
    lua_getfield(L, -1, writing ? "write" : "read");
    const int dirs = lua_gettop(L);
    const lua_Integer n = luaL_len(L, dirs);
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_geti(L, dirs, i);
        const bool allowed = inside(resolved, lua_tostring(L, -1), writing);
        lua_pop(L, 1);
        if (allowed) {
            lua_pop(L, 2);
            return;
        }
    }
    luaL_error(L, "sandbox: %s '%s' is outside the allowed directories", writing ? "writing" : "reading", path);
}

}  // namespace agon::lua

extern "C" __attribute__((visibility("default"))) int luaopen_agon(lua_State* L) {
    using namespace agon::lua;
    open_graph(L);
    open_result(L);
    open_scenario(L);
    open_session(L);
    open_round(L);
    luaL_newlib(L, kFunctions);
    return 1;
}
