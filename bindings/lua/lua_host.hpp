// The sandboxed Lua host behind `agon run`.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "agon/report.hpp"

struct lua_State;

namespace agon::lua {

struct HostOptions {
    bool sandbox = true;                          ///< false: --unsafe, the full standard library, any path (out_dir still applies)
    std::size_t max_memory = std::size_t(512) << 20;  ///< bytes the script may allocate
    double timeout = 60;                          ///< seconds of wall-clock time
    std::string out_dir = "out";                  ///< where g:save may write (empty: nowhere); when missing, made by the
                                                  ///< first write into it; its parent must exist (else Error not_found)
    /// Without the sandbox: make out_dir (in a parent that must exist) before
    /// the script runs, for its own io.open (agon run --unsafe -o DIR).
    bool make_out_dir = false;
    std::vector<std::string> read_dirs;           ///< extra directories agon.load may read
    /// When set, the scenarios of the script land here after it ends well:
    /// the list it returns (scenarios or {scenario = s, note = "..."}), or
    /// else every scenario it created, in creation order, with its last edits.
    std::vector<ReportScenario>* scenarios = nullptr;
    bool quiet = false;                           ///< discard what the script prints
};

/// A sandboxed Lua state with the limits of `options`: the allow-listed
/// environment, the memory cap, the time limit (counted from construction,
/// enforced by the instruction hook and, during call(), by the watchdog) and
/// the path policy for agon.load / g:save (`script_dir` may be read; empty:
/// only the read_dirs). Used by
/// `agon run` and by anything else that runs user Lua (judge paradigms).
/// Throws agon::Error (io) when a directory cannot be resolved or made or the
/// output directory is no directory, not_found when the parent of a missing one is missing.
class Sandbox {
public:
    Sandbox(const HostOptions& options, const std::string& script_dir);
    ~Sandbox();
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    lua_State* state() const;
    /// Load `source` as a text chunk (binary chunks are refused) running in
    /// the sandbox's environment, and push it. Throws Error(invalid_input)
    /// with Lua's message (chunkname:line:) on a syntax error.
    void load(std::string_view source, const std::string& chunkname);
    /// lua_pcall(nargs, nresults) under the limits. On failure pops the error
    /// and throws agon::Error: limit for the memory or time limit, else
    /// invalid_input with the message (one line).
    void call(int nargs, int nresults);

private:
    struct State;
    std::unique_ptr<State> st_;
};

/// Run a script with `args` in `arg` (arg[0] = script) and in `...`; any failure throws
/// (agon::Error: limit for the memory or time limit, invalid_input or io).
void execute_script(const std::string& script, const std::vector<std::string>& args, const HostOptions& options);

/// Run a script as execute_script does. Returns the exit
/// status: 0 on success, 2 after any error, which is printed as one line
/// "agon: error: ..." on stderr.
int run_script(const std::string& script, const std::vector<std::string>& args, const HostOptions& options);

}  // namespace agon::lua
