// The sandboxed Lua host behind `agon run`.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "agon/report.hpp"

namespace agon::lua {

struct HostOptions {
    bool sandbox = true;                          ///< false: --unsafe, the full standard library
    std::size_t max_memory = std::size_t(512) << 20;  ///< bytes the script may allocate
    double timeout = 60;                          ///< seconds of wall-clock time
    std::string out_dir = "out";                  ///< where g:save may write (created when missing)
    std::vector<std::string> read_dirs;           ///< extra directories agon.load may read
    /// When set, the scenarios of the script land here after it ends well:
    /// the list it returns (scenarios or {scenario = s, note = "..."}), or
    /// else every scenario it created, in creation order, with its last edits.
    std::vector<ReportScenario>* scenarios = nullptr;
    bool quiet = false;                           ///< discard what the script prints
};

/// Run a script with `args` in `arg` (arg[0] = script). Returns the exit
/// status: 0 on success, 2 after any error, which is printed as one line
/// "agon: error: ..." on stderr.
int run_script(const std::string& script, const std::vector<std::string>& args, const HostOptions& options);

}  // namespace agon::lua
