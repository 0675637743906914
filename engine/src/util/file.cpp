// Whole-file reads and atomic writes (temporary file, fsync, rename).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <cstring>
#include <random>

#include "agon/error.hpp"
#include "agon/file.hpp"

namespace agon {

namespace {

[[noreturn]] void os_error(const std::string& path, std::string_view what, int err = errno) {
    throw Error(ErrorKind::io, std::string(what) + ": " + std::strerror(err), Location{path, 0, 0});
}

// A file cannot be made beside `path`: say what is wrong with its directory,
// in the user's words (the temporary file is agon's business, not theirs).
[[noreturn]] void directory_error(const std::string& path) {
    const int err = errno;  // before the strings below allocate
    std::string dir = std::filesystem::path(path).parent_path().string();
    if (dir.empty()) dir = ".";
    if (err == ENOENT)
        throw Error(ErrorKind::io, "cannot write it: the directory '" + dir + "' does not exist", Location{path, 0, 0});
    os_error(path, "cannot write in the directory '" + dir + "'", err);
}

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::string read_file(const std::string& path, std::size_t max_bytes) {
    Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (f.fd < 0) {
        if (errno == ENOENT) throw Error(ErrorKind::not_found, "no such file", Location{path, 0, 0});
        os_error(path, "cannot open");
    }
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) os_error(path, "cannot stat");
    if (S_ISDIR(st.st_mode)) throw Error(ErrorKind::io, "is a directory", Location{path, 0, 0});
    if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_bytes)
        throw Error(ErrorKind::limit, "file is larger than the limit of " + std::to_string(max_bytes) + " bytes",
                    Location{path, 0, 0});
    std::string data;
    if (S_ISREG(st.st_mode)) data.reserve(static_cast<std::size_t>(st.st_size));
    char buf[1 << 16];
    for (;;) {
        ssize_t got = ::read(f.fd, buf, sizeof buf);
        if (got < 0) {
            if (errno == EINTR) continue;
            os_error(path, "cannot read");
        }
        if (got == 0) break;
        if (data.size() + static_cast<std::size_t>(got) > max_bytes)
            throw Error(ErrorKind::limit, "input is larger than the limit of " + std::to_string(max_bytes) + " bytes",
                        Location{path, 0, 0});
        data.append(buf, static_cast<std::size_t>(got));
    }
    return data;
}

namespace {

// Write everything to an open descriptor; false with errno set on failure.
bool write_all(int fd, std::string_view data) {
    std::size_t done = 0;
    while (done < data.size()) {
        ssize_t put = ::write(fd, data.data() + done, data.size() - done);
        if (put < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(put);
    }
    return true;
}

// Devices and pipes (/dev/stdout, /dev/null, a FIFO) cannot be replaced by a
// rename - and must not be: they are written in place.
bool is_special_file(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

// The file a write to `path` must replace: through a symbolic link its
// target, or renaming the new file into place would replace the link and
// leave the file it points at unchanged.
std::string replaced_file(const std::string& path) {
    struct stat st {};
    char target[PATH_MAX];
    if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
    if (::realpath(path.c_str(), target)) return target;
    // A link to a file not made yet: follow the links by hand (a few, not a loop).
    std::filesystem::path at = path;
    std::error_code ec;
    for (int hops = 0; hops < 40 && std::filesystem::is_symlink(std::filesystem::symlink_status(at, ec)); ++hops) {
        const std::filesystem::path next = std::filesystem::read_symlink(at, ec);
        if (ec) return path;
        at = next.is_absolute() ? next : at.parent_path() / next;
    }
    return at.string();
}

}  // namespace

void write_file_atomic(const std::string& given, std::string_view data) {
    if (given == "-") {
        if (!write_all(1, data)) os_error("<stdout>", "cannot write");
        return;
    }
    // Checked through the links: /dev/stdout links to /proc/self/fd/1, which
    // names a pipe ("pipe:[…]") that is no path to make a file beside.
    if (is_special_file(given)) {
        Fd f{::open(given.c_str(), O_WRONLY | O_CLOEXEC)};
        if (f.fd < 0) os_error(given, "cannot open");
        if (!write_all(f.fd, data)) os_error(given, "cannot write");
        return;
    }
    const std::string path = replaced_file(given);
    std::random_device rd;
    std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) directory_error(path);
    auto abandon = [&](const char* what) {
        int saved = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        errno = saved;
        os_error(path, what);
    };
    // Keep the permissions of the file being replaced.
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) ::fchmod(fd, st.st_mode & 07777);
    if (!write_all(fd, data)) abandon("cannot write");
    if (::fsync(fd) != 0) abandon("cannot flush");
    if (::close(fd) != 0) {
        int saved = errno;
        ::unlink(tmp.c_str());
        errno = saved;
        os_error(path, "cannot close");
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int saved = errno;
        ::unlink(tmp.c_str());
        errno = saved;
        os_error(path, "cannot replace");
    }
}

}  // namespace agon
