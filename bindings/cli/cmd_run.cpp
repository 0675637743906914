// agon run SCRIPT.lua [ARGS]... - sandboxed Lua with agon preloaded.
#include <CLI/CLI.hpp>

#include "agon/error.hpp"
#include "cli.hpp"
#ifdef AGON_HAVE_LUA
#include "lua_host.hpp"
#endif

namespace agon::cli {

namespace {

struct RunOptions {
    std::string script;
    std::vector<std::string> args, read;
    bool unsafe = false, out_given = false;
    double max_memory_mib = 512, timeout = 60;
    std::string out = "out";
};

void run(const RunOptions& o) {
#ifdef AGON_HAVE_LUA
    lua::HostOptions h;
    h.sandbox = !o.unsafe;
    if (!(o.max_memory_mib > 0 && o.max_memory_mib <= kMaxMemoryMiB) || !(o.timeout >= 0))
        throw Error(ErrorKind::usage, "--max-memory must be in (0, 1048576] MiB and --timeout 0 or more");
    h.max_memory = static_cast<std::size_t>(o.max_memory_mib * 1024 * 1024);
    h.timeout = o.timeout;
    h.out_dir = o.out;
    h.make_out_dir = o.out_given;  // --unsafe -o DIR: there for the script's own io.open
    h.read_dirs = o.read;
    set_exit(lua::run_script(o.script, o.args, h));
#else
    (void)o;
    throw Error(ErrorKind::unsupported, "this agon was built without Lua (AGON_WITH_LUA=OFF)");
#endif
}

}  // namespace

void add_run(CLI::App& app, std::vector<std::string> after_dashes) {
    auto o = std::make_shared<RunOptions>();
    auto* cmd = app.add_subcommand("run", "Run a Lua script with the agon module preloaded, in a sandbox.");
    cmd->footer("The sandbox (on unless --unsafe): only text chunks; no io, os.execute, debug, load, dofile or C\n"
                "modules; require \"agon\" only; agon.load reads only under the script's directory, --read\n"
                "directories and --output; g:save writes only under --output; memory and time are capped.\n"
                "The script's arguments are in the table `arg` (arg[0] is the script) and in `...`. Everything\n"
                "after the first -- reaches the script as it is, in order, also words that start with '-':\n"
                "agon run s.lua a -- -b --max-memory 8 gives the script a, -b, --max-memory, 8. Options of\n"
                "agon run go before the --. agon run [OPTIONS] -- s.lua -b also works.\n"
                "--unsafe lifts the sandbox and the memory cap; --timeout and --output still apply, and\n"
                "--unsafe -o DIR makes DIR before the script runs (for io.open).\n"
                "Errors: one line naming the script's line (also for the memory and time limits), exit 2.");
    cmd->add_option("script", o->script, "Lua script (required; may also come first after --)");
    cmd->add_option("args", o->args, "arguments for the script");
    cmd->add_flag("--unsafe", o->unsafe, "lift the sandbox (trusted scripts only)");
    cmd->add_option("--max-memory", o->max_memory_mib, "memory cap in MiB")->capture_default_str();
    add_timeout(*cmd, o->timeout, "time limit in seconds");
    add_output(*cmd, o->out, "directory the script may write to (agon.output_dir); made by its first write there, in a parent that must exist",
               ",--out")
        ->capture_default_str();
    add_list(*cmd, "--read", o->read, "another directory the script may read (repeatable)");
    cmd->prefix_command();  // unknown options are set aside, for the callback to name
    cmd->callback([o, cmd, tail = std::move(after_dashes)] {
        // CLI11 sets aside options it does not know, before the script or after
        // it: a misspelt --max-memory must not leave the default cap in place.
        if (!cmd->remaining().empty())
            throw Error(ErrorKind::usage, "run: unknown option '" + cmd->remaining().front() +
                                              "' (arguments for the script that start with '-' go after --)");
        auto words = tail.begin();
        if (o->script.empty()) {
            if (words == tail.end()) throw Error(ErrorKind::usage, "run: no script given (agon run SCRIPT.lua [ARGS]...)");
            o->script = *words++;
        }
        o->args.insert(o->args.end(), words, tail.end());
        o->out_given = cmd->get_option("--output")->count() > 0;
        run(*o);
    });
}

}  // namespace agon::cli
