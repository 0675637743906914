// libFuzzer harness for the sandboxed Lua host behind `agon run`: the input
// is a script, run with a small memory cap and time limit. Property: the
// host returns 0 or 2 for any script (no crash, no escape of a Lua error or
// C++ exception, no hang beyond its limit). The script may only write under
// the harness's own output directory.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "lua_host.hpp"

namespace {

// The harness's own directory for the script and what it writes, removed
// when the process exits normally.
struct ScratchDir {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("agon-fuzz-lua-" + std::to_string(getpid()));
    ScratchDir() { std::filesystem::create_directories(path); }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ScratchDir scratch;
    const std::filesystem::path& dir = scratch.path;
    const std::string script = (dir / "script.lua").string();
    {
        std::ofstream out(script, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    agon::lua::HostOptions options;
    options.max_memory = std::size_t(64) << 20;
    options.timeout = 0.5;
    options.out_dir = (dir / "out").string();
    const int status = agon::lua::run_script(script, {}, options);
    if (status != 0 && status != 2) std::abort();
    return 0;
}
