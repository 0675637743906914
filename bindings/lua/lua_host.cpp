// The sandboxed host: a fresh Lua state with an allow-listed environment,
// a memory cap (allocator), an instruction-count hook for the time limit that
// a script cannot pcall its way out of, a watchdog for time spent inside
// library calls, and a path policy for agon.load / g:save.
#include "lua_host.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <climits>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <thread>

extern "C" {
#include <lualib.h>
}

#include "agon/error.hpp"
#include "agon/io.hpp"
#include "lua_agon.hpp"

namespace agon::lua {

namespace {

using Clock = std::chrono::steady_clock;

// Where the script called a library function that runs in C for as long as
// its input makes it (a pattern match): the watchdog, on another thread,
// names that line when it has to end the process.
struct LibraryNote {
    std::mutex mutex;
    char where[kWhereSize] = "";  // "" outside such a call
};

struct HostState {
    MemoryBudget mem;  // Lua's allocations (counted here) and the engine's (charged by the bindings)
    // The last request the allocator refused (size 0: none since a grant).
    // Lua asks for it once more after an emergency collection and raises a
    // memory error when refused again; lauxlib's buffers raise at once.
    const void* refused_block = nullptr;
    std::size_t refused_size = 0;
    Clock::time_point deadline;
    double timeout = 0;
    bool timed_out = false;
    char timed_out_where[kWhereSize] = "";  // where the script was then (locate)
    Control control;  // engine calls stop through it at the deadline
    LibraryNote library;
    // The thread running now, which the allocator reads the script's line
    // from (it is not told which thread allocates): the main thread, or the
    // coroutine a sandboxed resume or wrap runs. Null until the state is made.
    lua_State* running = nullptr;
};

HostState*& state_of(lua_State* L) { return *static_cast<HostState**>(lua_getextraspace(L)); }

void* capped_alloc(void* ud, void* ptr, std::size_t osize, std::size_t nsize) {
    auto* st = static_cast<HostState*>(ud);
    const std::size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        std::free(ptr);
        st->mem.lua -= old;
        return nullptr;
    }
    if (nsize <= old) {  // never refused: a shrink lowers the use
        void* p = std::realloc(ptr, nsize);
        if (p) st->mem.lua -= old - nsize;
        return p;
    }
    // A refused request not asked for again, or refused twice, raised a memory
    // error. It is recorded here because a __close handler may replace that
    // error by its own, which pcall would catch.
    const bool again = st->refused_size == nsize && st->refused_block == ptr;
    if (st->refused_size != 0 && !again) st->mem.lua_raised = true;
    if (st->mem.lua - old + nsize + st->mem.engine > st->mem.cap && !st->mem.in_cxx) {
        if (again) st->mem.lua_raised = true;
        // Until a memory error is raised, each refusal may be the one that
        // raises it: note the line (allocation-free) of the first limit to strike.
        else if (!st->mem.lua_raised && !st->mem.exceeded && st->running) locate(st->running, st->mem.where);
        st->refused_block = ptr;
        st->refused_size = nsize;
        return nullptr;
    }
    void* p = std::realloc(ptr, nsize);
    if (p) {
        st->mem.lua += nsize - old;
        st->refused_size = 0;
    }
    return p;
}

// "name.lua:12: time limit of 60.0 s exceeded": the line where the script was
// when the time ran out (a hook runs in no frame of its own, so luaL_error
// would name the caller of the running function instead). The seconds read
// as Lua's %f prints them ("60.0", "0.5"), as they always have.
void time_limit_message(const HostState* st, char (&out)[kWhereSize + 64]) {
    char seconds[40];
    std::snprintf(seconds, sizeof seconds, "%.14g", st->timeout);
    if (seconds[std::strspn(seconds, "-0123456789")] == '\0') std::strcat(seconds, ".0");  // looks like an integer
    std::snprintf(out, sizeof out, "%stime limit of %s s exceeded", st->timed_out_where, seconds);
}

// Checks the clock every 10,000 instructions. Once the limit is hit it
// re-arms itself for every instruction, so pcall cannot swallow the error.
void time_hook(lua_State* L, lua_Debug*) {
    HostState* st = state_of(L);
    if (!st->timed_out && Clock::now() < st->deadline) return;
    if (!st->timed_out) locate(L, st->timed_out_where);
    st->timed_out = true;
    lua_sethook(L, time_hook, LUA_MASKCOUNT, 1);
    char message[kWhereSize + 64];
    time_limit_message(st, message);
    lua_pushstring(L, message);
    lua_error(L);
}

// lua_pcall of the function below the `nargs` arguments, all results, with
// the script's line noted for the watchdog while it runs (a nested call notes
// its own; the outer line is back however the call ends).
int pcall_noted(lua_State* L, int nargs) {
    LibraryNote& note = state_of(L)->library;
    char where[kWhereSize], outer[kWhereSize];
    locate(L, where);
    {
        std::lock_guard<std::mutex> lock(note.mutex);
        std::memcpy(outer, note.where, sizeof outer);
        std::memcpy(note.where, where, sizeof where);
    }
    const int status = lua_pcall(L, nargs, LUA_MULTRET, 0);
    std::lock_guard<std::mutex> lock(note.mutex);
    std::memcpy(note.where, outer, sizeof outer);
    return status;
}

// The function in upvalue 1, called with the script's line noted (pcall_noted).
int noted_call(lua_State* L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (pcall_noted(L, lua_gettop(L) - 1) != LUA_OK) return lua_error(L);
    return lua_gettop(L);
}

// Pattern functions run in C where the hook cannot interrupt them: bound
// the sizes, and leave the rest to the watchdog, which names the line.
// Upvalue 2 is true for gmatch, whose iterator does the matching.
int guarded_string_call(lua_State* L) {
    std::size_t subject = 0, pattern = 0;
    luaL_checklstring(L, 1, &subject);
    if (lua_type(L, 2) == LUA_TSTRING) lua_tolstring(L, 2, &pattern);
    if (subject > (1u << 20) || pattern > 256)
        return luaL_error(L, "sandbox: string patterns are limited to 1 MiB subjects and 256-byte patterns");
    const int results = noted_call(L);
    if (lua_toboolean(L, lua_upvalueindex(2))) lua_pushcclosure(L, noted_call, 1);
    return results;
}

// getmetatable without the engine objects' metatables: calling their
// __gc by hand freed an object a script still held (a crash).
int sandbox_getmetatable(lua_State* L) {
    luaL_checkany(L, 1);
    if (lua_type(L, 1) == LUA_TUSERDATA) {
        lua_pushliteral(L, "agon");
        return 1;
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

// setmetatable without __gc: finalisers run where the time limit cannot
// stop them (when the state closes), so a looping one hung the host.
int sandbox_setmetatable(lua_State* L) {
    if (lua_type(L, 2) == LUA_TTABLE && lua_getfield(L, 2, "__gc") != LUA_TNIL)
        return luaL_error(L, "sandbox: __gc metamethods are not allowed");
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

// True once Lua raised a memory error (see capped_alloc). A refusal still
// pending when an error is handled was not asked for again: it raised that error.
bool memory_error_raised(HostState* st) {
    if (st->refused_size != 0) st->mem.lua_raised = true;
    return st->mem.lua_raised;
}

// True once a limit error has been raised (time, a refused engine charge, or
// Lua out of memory, whatever error a __close handler put in its place): such
// an error must end the script, so the protected calls below raise it again.
bool limit_raised(lua_State* L, int status) {
    HostState* st = state_of(L);
    if (status == LUA_ERRMEM) st->mem.lua_raised = true;
    return st->timed_out || st->mem.exceeded || memory_error_raised(st);
}

// The end of a sandboxed pcall or xpcall, also after a yield inside it.
int finish_protected(lua_State* L, int status, lua_KContext results_from) {
    if (status == LUA_OK || status == LUA_YIELD) return lua_gettop(L) - static_cast<int>(results_from);
    if (limit_raised(L, status)) return lua_error(L);
    lua_pushboolean(L, 0);
    lua_pushvalue(L, -2);
    return 2;
}

// pcall that cannot catch a limit error.
int sandbox_pcall(lua_State* L) {
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);  // the first result when the call succeeds
    lua_insert(L, 1);
    return finish_protected(L, lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, finish_protected), 0);
}

// xpcall's message handler (upvalue 1) is skipped for a limit error: it runs
// with the time hook off, so a looping handler would escape the limit.
int guarded_handler(lua_State* L) {
    lua_settop(L, 1);  // the error value
    if (limit_raised(L, LUA_OK)) return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

// xpcall that cannot catch a limit error: f, handler, args... .
int sandbox_xpcall(lua_State* L) {
    const int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);  // the first result when the call succeeds
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);  // true and f below f's arguments: handler, true, f, args...
    return finish_protected(L, lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, finish_protected), 2);
}

// lua_pcall of the function below the `nargs` arguments, all results, with
// `co` (when not null) as the thread the allocator names the line of, so that
// running out of memory inside a coroutine names the line there; the outer
// thread is back however the call ends.
int pcall_in(lua_State* L, lua_State* co, int nargs) {
    HostState* st = state_of(L);
    lua_State* const outer = st->running;
    if (co) st->running = co;
    const int status = lua_pcall(L, nargs, LUA_MULTRET, 0);
    st->running = outer;
    return status;
}

// coroutine.resume and coroutine.close (upvalue 1), which do not hand a
// limit error back as a value.
int sandbox_resume(lua_State* L) {
    lua_State* co = lua_tothread(L, 1);  // null: resume names the bad argument
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (pcall_in(L, co, lua_gettop(L) - 1) != LUA_OK) return lua_error(L);
    if (!lua_toboolean(L, 1) && limit_raised(L, LUA_OK)) {
        lua_settop(L, 2);  // false, the error value
        return lua_error(L);
    }
    return lua_gettop(L);
}

// A function made by coroutine.wrap (upvalue 1), resuming its coroutine
// (upvalue 2, null if wrap ever keeps it elsewhere) as the running thread.
int call_wrapped(lua_State* L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    const int status = pcall_in(L, lua_tothread(L, lua_upvalueindex(2)), lua_gettop(L) - 1);
    if (status == LUA_OK) return lua_gettop(L);
    if (status == LUA_ERRRUN && lua_type(L, -1) == LUA_TSTRING) {
        luaL_where(L, 1);  // the line that called, which wrap adds and here could not see
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

// coroutine.wrap (upvalue 1) whose functions run as call_wrapped.
int sandbox_wrap(lua_State* L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    lua_getupvalue(L, -1, 1);  // the coroutine
    lua_pushcclosure(L, call_wrapped, 2);
    return 1;
}

// The standard libraries and the agon module (registry "agon.module"; also
// the global `agon` outside the sandbox), under lua_pcall.
int open_libraries(lua_State* L) {
    const bool sandbox = lua_toboolean(L, 1);
    luaL_openlibs(L);
    luaL_requiref(L, "agon", luaopen_agon, sandbox ? 0 : 1);
    lua_setfield(L, LUA_REGISTRYINDEX, "agon.module");
    return 0;
}

// require "agon" only.
int sandbox_require(lua_State* L) {
    const char* name = luaL_checkstring(L, 1);
    if (std::strcmp(name, "agon") != 0) return luaL_error(L, "sandbox: require is limited to \"agon\" (asked for \"%s\")", name);
    lua_getfield(L, LUA_REGISTRYINDEX, "agon.module");
    return 1;
}

// Copy t[name] for each name into the table on top of the stack.
void copy_fields(lua_State* L, int from, std::initializer_list<const char*> names) {
    for (const char* n : names) {
        lua_getfield(L, from, n);
        lua_setfield(L, -2, n);
    }
}

// The allow-listed environment, left on the stack.
void push_sandbox_env(lua_State* L) {
    lua_newtable(L);  // env
    const int env = lua_gettop(L);
    lua_pushglobaltable(L);
    const int g = lua_gettop(L);
    lua_pushvalue(L, env);
    copy_fields(L, g, {"assert", "error", "ipairs", "next", "pairs", "print", "select", "tonumber",
                       "tostring", "type", "rawequal", "rawget", "rawset", "rawlen", "_VERSION"});
    lua_pop(L, 1);
    lua_pushcfunction(L, sandbox_pcall);
    lua_setfield(L, env, "pcall");
    lua_pushcfunction(L, sandbox_xpcall);
    lua_setfield(L, env, "xpcall");
    const luaL_Reg guards[] = {{"getmetatable", sandbox_getmetatable}, {"setmetatable", sandbox_setmetatable}};
    for (const luaL_Reg& guard : guards) {
        lua_getfield(L, g, guard.name);
        lua_pushcclosure(L, guard.func, 1);
        lua_setfield(L, env, guard.name);
    }
    for (const char* lib : {"table", "math", "utf8", "coroutine"}) {
        lua_getfield(L, g, lib);
        lua_newtable(L);
        lua_pushnil(L);
        while (lua_next(L, -3)) {  // shallow copy so scripts cannot patch the shared ones
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_settable(L, -4);
        }
        lua_setfield(L, env, lib);
        lua_pop(L, 1);
    }
    lua_getfield(L, env, "coroutine");
    const luaL_Reg coroutine_guards[] = {{"resume", sandbox_resume}, {"close", sandbox_resume}, {"wrap", sandbox_wrap}};
    for (const luaL_Reg& guard : coroutine_guards) {
        lua_getfield(L, -1, guard.name);
        lua_pushcclosure(L, guard.func, 1);
        lua_setfield(L, -2, guard.name);
    }
    lua_pop(L, 1);
    // string without dump, with bounded pattern functions; also the strings' metatable.
    lua_getfield(L, g, "string");
    const int str = lua_gettop(L);
    lua_newtable(L);
    const int safe = lua_gettop(L);
    copy_fields(L, str, {"byte", "char", "format", "len", "lower", "upper", "rep", "reverse", "sub", "pack",
                         "packsize", "unpack"});
    for (const char* f : {"find", "match", "gmatch", "gsub"}) {
        lua_getfield(L, str, f);
        lua_pushboolean(L, std::strcmp(f, "gmatch") == 0);
        lua_pushcclosure(L, guarded_string_call, 2);
        lua_setfield(L, safe, f);
    }
    lua_pushvalue(L, safe);
    lua_setfield(L, env, "string");
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushvalue(L, safe);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 4);  // metatable, "", safe, str
    // os: the clock only.
    lua_getfield(L, g, "os");
    lua_newtable(L);
    copy_fields(L, lua_gettop(L) - 1, {"clock", "time", "date", "difftime"});
    lua_setfield(L, env, "os");
    lua_pop(L, 1);
    lua_pushcfunction(L, sandbox_require);
    lua_setfield(L, env, "require");
    lua_getfield(L, LUA_REGISTRYINDEX, "agon.module");
    lua_setfield(L, env, "agon");
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");
    lua_pop(L, 1);  // global table
}

int print_nothing(lua_State*) { return 0; }

// The scenarios the script returned, or else the ones it created (see HostOptions).
std::vector<ReportScenario> collected_scenarios(lua_State* L) {
    if (lua_istable(L, -1)) return scenario_list(L, lua_gettop(L));
    lua_getfield(L, LUA_REGISTRYINDEX, kScenarioLog);
    std::vector<ReportScenario> out = scenario_list(L, lua_gettop(L));
    lua_pop(L, 1);
    return out;
}

// The directories agon.load may read and g:save may write. Without
// `confine` (--unsafe) any path is allowed ("open"), and the policy is only
// there to make the output directory on the first write into it.
void set_path_policy(lua_State* L, const std::string& script_dir, const std::string& out_dir,
                     std::vector<std::string> read_dirs, bool confine) {
    lua_newtable(L);
    if (!confine) {
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, "open");
    }
    lua_newtable(L);
    int i = 0;
    for (const auto* d : {&script_dir, &out_dir})
        if (!d->empty()) read_dirs.push_back(*d);  // an empty name allows nothing
    for (const auto& d : read_dirs) {
        lua_pushstring(L, d.c_str());
        lua_rawseti(L, -2, ++i);
    }
    lua_setfield(L, -2, "read");
    lua_newtable(L);
    if (!out_dir.empty()) {
        lua_pushstring(L, out_dir.c_str());
        lua_rawseti(L, -2, 1);
    }
    lua_setfield(L, -2, "write");
    struct stat st {};
    if (!out_dir.empty() && ::stat(out_dir.c_str(), &st) != 0) {  // made by the first write into it
        lua_pushstring(L, out_dir.c_str());
        lua_setfield(L, -2, "make");
    }
    lua_setfield(L, LUA_REGISTRYINDEX, "agon.paths");
}

std::string real_dir(const std::string& dir) {
    char buf[PATH_MAX];
    if (!::realpath(dir.c_str(), buf)) throw Error(ErrorKind::io, "cannot resolve directory '" + dir + "'");
    return buf;
}

// The output directory, resolved. One that does not exist yet is made by the
// script's first write into it (check_path), so a run that writes nothing, or
// fails, leaves no directory behind; its parent must exist, so that a
// mistyped path is refused before the script runs.
std::string output_dir(const std::string& dir) {
    struct stat st {};
    if (::lstat(dir.c_str(), &st) == 0) {
        const std::string real = real_dir(dir);
        if (::stat(real.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
            throw Error(ErrorKind::io, "the output directory '" + dir + "' is not a directory");
        return real;
    }
    const std::string future = future_dir(dir);
    if (future.empty())
        throw Error(ErrorKind::not_found, "the output directory '" + dir + "' cannot be made: its parent directory does not exist");
    return future;
}

int message_handler(lua_State* L) {
    if (!lua_isstring(L, 1)) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    return 1;
}

// The last resort: engine calls stop through the host's Control, but C code
// that cannot be interrupted (Lua's string patterns, where the hook cannot
// fire) is stopped by ending the process 2 s after the time limit. The
// message names the script's line when the call was noted (pcall_noted):
// reading the Lua stack from this thread while the script runs is not safe.
class Watchdog {
public:
    Watchdog(double seconds, LibraryNote& note) {
        if (!(seconds > 0) || seconds > 1e9) return;  // none, or past what the clock holds
        thread_ = std::thread([this, seconds, &note] {
            std::unique_lock<std::mutex> lock(m_);
            const auto grace = std::chrono::duration<double>(seconds + 2.0);
            if (!cv_.wait_for(lock, grace, [this] { return done_; })) {
                char where[kWhereSize];
                {
                    std::lock_guard<std::mutex> noted(note.mutex);
                    std::memcpy(where, note.where, sizeof where);
                }
                std::fprintf(stderr, "agon: error: %stime limit of %g s exceeded (inside a library call)\n", where, seconds);
                std::fflush(stderr);
                std::_Exit(2);
            }
        });
    }
    ~Watchdog() {
        {
            std::lock_guard<std::mutex> lock(m_);
            done_ = true;
        }
        cv_.notify_all();
        if (thread_.joinable()) thread_.join();
    }

private:
    std::thread thread_;
    std::mutex m_;
    std::condition_variable cv_;
    bool done_ = false;
};

// What push_arguments hands to the script.
struct ScriptArguments {
    const std::string& script;
    const std::vector<std::string>& args;
    bool sandbox;
};

// The arguments, as in the stock lua: arg[0] = script, arg[1..] = args (set
// in the environment of the chunk, argument 2), and returned for `...`. Run
// under lua_pcall: out of memory there is an error, not a panic (abort).
int push_arguments(lua_State* L) {
    const auto* a = static_cast<const ScriptArguments*>(lua_touserdata(L, 1));
    const int n = static_cast<int>(std::min<std::size_t>(a->args.size(), INT_MAX - 8));
    luaL_checkstack(L, n + 4, "too many arguments for the script");
    lua_createtable(L, n, 1);
    lua_pushstring(L, a->script.c_str());
    lua_rawseti(L, -2, 0);
    for (int i = 0; i < n; ++i) {
        lua_pushstring(L, a->args[static_cast<std::size_t>(i)].c_str());
        lua_rawseti(L, -2, i + 1);
    }
    if (a->sandbox) {
        lua_getupvalue(L, 2, 1);  // the chunk's environment
        lua_insert(L, -2);
        lua_setfield(L, -2, "arg");
        lua_pop(L, 1);
    } else {
        lua_setglobal(L, "arg");
    }
    for (int i = 0; i < n; ++i) lua_pushstring(L, a->args[static_cast<std::size_t>(i)].c_str());
    return n;
}

}  // namespace

struct Sandbox::State {
    HostState host;
    HostOptions options;
    lua_State* L = nullptr;
};

Sandbox::Sandbox(const HostOptions& options, const std::string& script_dir) : st_(std::make_unique<State>()) {
    st_->options = options;
    std::string dir, out_dir;
    std::vector<std::string> read_dirs;
    // Also without the sandbox: agon.output_dir is where scripts write.
    if (!options.out_dir.empty()) out_dir = output_dir(options.out_dir);
    if (!options.sandbox && options.make_out_dir && !out_dir.empty() && ::mkdir(out_dir.c_str(), 0777) != 0 &&
        errno != EEXIST)
        throw Error(ErrorKind::io, "cannot make the output directory '" + options.out_dir + "': " + std::strerror(errno));
    if (options.sandbox) {  // empty directories: no reading there / no writing at all
        if (!script_dir.empty()) dir = real_dir(script_dir);
        for (const auto& d : options.read_dirs) read_dirs.push_back(real_dir(d));
    }
    HostState& hs = st_->host;
    hs.mem.cap = options.sandbox ? options.max_memory : SIZE_MAX;
    hs.timeout = options.timeout;
    hs.deadline = options.timeout > 0 && options.timeout <= 1e9 ? Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                           std::chrono::duration<double>(options.timeout))
                                      : Clock::time_point::max();
    lua_State* L = st_->L = hs.running = lua_newstate(capped_alloc, &hs);
    if (!L) throw Error(ErrorKind::limit, "cannot create a Lua state");
    state_of(L) = &hs;
    lua_pushlightuserdata(L, &hs.mem);
    lua_setfield(L, LUA_REGISTRYINDEX, kBudget);
    if (options.timeout > 0) hs.control.deadline = hs.deadline;
    lua_pushlightuserdata(L, &hs.control);
    lua_setfield(L, LUA_REGISTRYINDEX, kControl);
    // Protected: under a tiny --max-memory the libraries' allocations fail,
    // and unprotected that is a Lua panic (abort).
    lua_pushcfunction(L, open_libraries);
    lua_pushboolean(L, options.sandbox);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK)
        throw Error(ErrorKind::limit, "memory limit of " + std::to_string(options.max_memory >> 10) +
                                          " KiB is too small to start Lua");
    set_path_policy(L, dir, out_dir, read_dirs, options.sandbox);
    // agon.output_dir: where the script may write (agon run -o DIR).
    lua_getfield(L, LUA_REGISTRYINDEX, "agon.module");
    lua_pushstring(L, out_dir.c_str());
    lua_setfield(L, -2, "output_dir");
    lua_pop(L, 1);
    if (options.timeout > 0) lua_sethook(L, time_hook, LUA_MASKCOUNT, 10000);
    if (options.scenarios) {
        lua_newtable(L);
        lua_setfield(L, LUA_REGISTRYINDEX, kScenarioLog);
    }
    if (options.quiet) {
        lua_pushcfunction(L, print_nothing);
        lua_setglobal(L, "print");  // copied into the sandbox when a chunk is loaded
    }
}

Sandbox::~Sandbox() {
    if (st_->L) lua_close(st_->L);
}

lua_State* Sandbox::state() const { return st_->L; }

void Sandbox::load(std::string_view source, const std::string& chunkname) {
    lua_State* L = st_->L;
    if (luaL_loadbufferx(L, source.data(), source.size(), ("@" + chunkname).c_str(), "t") != LUA_OK) {
        std::string message = lua_tostring(L, -1) ? lua_tostring(L, -1) : "cannot load the chunk";
        lua_pop(L, 1);
        throw Error(ErrorKind::invalid_input, message);
    }
    if (st_->options.sandbox) {
        push_sandbox_env(L);
        lua_setupvalue(L, -2, 1);  // the chunk's _ENV
    }
}

void Sandbox::call(int nargs, int nresults) {
    lua_State* L = st_->L;
    const int base = lua_gettop(L) - nargs;  // the function's slot
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    int status;
    {
        Watchdog watchdog(st_->options.sandbox ? st_->options.timeout : 0, st_->host.library);
        status = lua_pcall(L, nargs, nresults, base);
    }
    lua_remove(L, base);
    st_->host.mem.in_cxx = false;  // in case a binding raised a Lua error from inside protect()
    HostState& hs = st_->host;
    if (status == LUA_ERRMEM) hs.mem.lua_raised = true;
    // A memory error the script caught (in a coroutine) still ends it.
    const bool memory = memory_error_raised(&hs) || hs.mem.exceeded;
    if (status == LUA_OK && !memory) return;
    // Limit errors are worded here, with the line recorded when they struck:
    // a __close handler may have replaced the error on its way out.
    if (memory || hs.timed_out) {
        if (status != LUA_OK) lua_pop(L, 1);
        if (memory)
            throw Error(ErrorKind::limit, std::string(hs.mem.where) + "memory limit of " +
                                              std::to_string(st_->options.max_memory >> 20) + " MiB exceeded");
        char message[kWhereSize + 64];
        time_limit_message(&hs, message);
        throw Error(ErrorKind::limit, message);
    }
    const char* msg = lua_tostring(L, -1);
    std::string text = msg ? msg : "unknown error";
    lua_pop(L, 1);
    for (char& c : text)
        if (c == '\n') c = ' ';
    throw Error(ErrorKind::invalid_input, text);
}

void execute_script(const std::string& script, const std::vector<std::string>& args, const HostOptions& options) {
    {
        const std::string source = read_file(script, std::size_t(64) << 20);
        const auto path = std::filesystem::path(script);
        Sandbox box(options, path.has_parent_path() ? path.parent_path().string() : std::string("."));
        lua_State* L = box.state();
        box.load(source, script);
        const int chunk = lua_gettop(L);
        const ScriptArguments arguments{script, args, options.sandbox};
        lua_pushcfunction(L, push_arguments);
        lua_pushlightuserdata(L, const_cast<ScriptArguments*>(&arguments));
        lua_pushvalue(L, chunk);
        if (lua_pcall(L, 2, LUA_MULTRET, 0) != LUA_OK)
            throw Error(ErrorKind::limit, "the script's arguments do not fit in the memory limit of " +
                                              std::to_string(options.max_memory >> 10) + " KiB");
        box.call(lua_gettop(L) - chunk, 1);
        if (options.scenarios) {
            try {
                *options.scenarios = collected_scenarios(L);
            } catch (const std::exception& e) {
                throw Error(ErrorKind::invalid_input, script + ": " + e.what());
            }
        }
        lua_pop(L, 1);
    }
}

int run_script(const std::string& script, const std::vector<std::string>& args, const HostOptions& options) {
    try {
        execute_script(script, args, options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "agon: error: %s\n", e.what());
        return 2;
    }
    return 0;
}

}  // namespace agon::lua
