// Writes never damage an existing file: temporary file, fsync, rename.
#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "agon/error.hpp"
#include "agon/io.hpp"

namespace fs = std::filesystem;
using namespace agon;

namespace {

fs::path scratch_dir() {
    fs::path dir = fs::temp_directory_path() / ("agon-atomic-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool has_temporaries(const fs::path& dir) {
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("atomic write replaces a file and keeps its permissions") {
    fs::path dir = scratch_dir();
    fs::path file = dir / "map.json";
    write_file_atomic(file, "old");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    write_file_atomic(file, "new contents");
    CHECK(slurp(file) == "new contents");
    CHECK((fs::status(file).permissions() & fs::perms::group_read) == fs::perms::none);
    CHECK(!has_temporaries(dir));
    fs::remove_all(dir);
}

TEST_CASE("a write that fails half-way leaves the old file intact") {
    fs::path dir = scratch_dir();
    fs::path file = dir / "precious.json";
    write_file_atomic(file, "precious");
    // In a child, limit the file size so the write fails after 1 KiB.
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit lim{1024, 1024};
        ::setrlimit(RLIMIT_FSIZE, &lim);
        try {
            write_file_atomic(file, std::string(1 << 20, 'x'));
        } catch (const Error& e) {
            ::_exit(e.kind() == ErrorKind::io ? 42 : 1);
        }
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 42);
    CHECK(slurp(file) == "precious");
    CHECK(!has_temporaries(dir));
    fs::remove_all(dir);
}

TEST_CASE("writes to a full device or a missing directory report an io error") {
    CHECK_THROWS_AS(write_file_atomic("/nonexistent-agon-dir/x.json", "x"), Error);
    try {
        write_file_atomic("/dev/full", "x");
        FAIL("writing to /dev/full succeeded");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::io);
        CHECK(std::string(e.what()).find("/dev/full") != std::string::npos);
    }
    // The device is written in place, never replaced by a regular file.
    CHECK(fs::is_character_file("/dev/full"));
}

TEST_CASE("a write through a symbolic link replaces the file it points at and keeps the link") {
    const fs::path dir = scratch_dir() / "link";
    fs::create_directories(dir);
    const fs::path target = dir / "shared.json", link = dir / "debate.json";
    write_file_atomic(target.string(), "old");
    fs::create_symlink(target, link);
    write_file_atomic(link.string(), "new");
    CHECK(fs::is_symlink(link));
    CHECK(slurp(target) == "new");
    CHECK(!has_temporaries(dir));
    // A link to a file not made yet (relative, as links usually are) makes it.
    const fs::path dangling = dir / "new.json";
    fs::create_symlink("made.json", dangling);
    write_file_atomic(dangling.string(), "made");
    CHECK(fs::is_symlink(dangling));
    CHECK(slurp(dir / "made.json") == "made");
    fs::remove_all(dir.parent_path());
}

TEST_CASE("a write to a pipe through its /proc/self/fd link goes into the pipe") {
    // /dev/stdout is such a link when output is piped: it names "pipe:[…]",
    // which is no path to make a temporary file beside.
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    write_file_atomic("/proc/self/fd/" + std::to_string(fds[1]), "through the pipe");
    ::close(fds[1]);
    char buf[64] = {};
    const ssize_t n = ::read(fds[0], buf, sizeof buf - 1);
    ::close(fds[0]);
    CHECK(std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0) == "through the pipe");
}
