// agon_bench_ipafair LIBRARY FILE TASK OPS
//   Replays a change sequence written by agon_bench_dynamic --dump (OPS:
//   "+a ID", "-a ID", "+t FROM TO", "-t FROM TO", "? ID YES|NO|-") through
//   an IPAFAIR library loaded with dlopen (crustabri's libcrustabri_ipafair.so,
//   or agon's own libagon_ipafair.so), starting from the framework in FILE.
//   Prints the time of the changes and questions (the initial framework's
//   loading apart) and how many answers match agon's; exit 1 on a mismatch.
#include <dlfcn.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "agon/io.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// The IPAFAIR functions the replay needs (ipafair.h: semantics codes
// complete 1, preferred 2, stable 3, semistable 4, stage 5, ideal 6).
struct Ipafair {
    void* (*init)();
    void (*release)(void*);
    void (*set_semantics)(void*, int);
    void (*add_argument)(void*, int32_t);
    void (*del_argument)(void*, int32_t);
    void (*add_attack)(void*, int32_t, int32_t);
    void (*del_attack)(void*, int32_t, int32_t);
    void (*assume)(void*, int32_t);
    int (*solve_cred)(void*);
    int (*solve_skept)(void*);
};

template <class F>
void bind(void* lib, const char* name, F& f) {
    f = reinterpret_cast<F>(dlsym(lib, name));
    if (!f) throw std::runtime_error(std::string("missing ") + name);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: agon_bench_ipafair LIBRARY FILE TASK OPS\n");
        return 2;
    }
    const std::string task = argv[3];
    const std::string codes[] = {"AD", "CO", "PR", "ST", "SST", "STG", "ID"};
    int code = -1;
    for (int i = 0; i < 7; ++i)
        if (task.substr(3) == codes[i]) code = i;
    if (code < 1 || task.size() < 4) {
        std::fprintf(stderr, "agon_bench_ipafair: IPAFAIR has no %s\n", task.c_str());
        return 2;
    }
    const bool credulous = task.rfind("DC-", 0) == 0;
    void* lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        std::fprintf(stderr, "agon_bench_ipafair: %s\n", dlerror());
        return 2;
    }
    Ipafair f{};
    try {
        bind(lib, "ipafair_init", f.init);
        bind(lib, "ipafair_release", f.release);
        bind(lib, "ipafair_set_semantics", f.set_semantics);
        bind(lib, "ipafair_add_argument", f.add_argument);
        bind(lib, "ipafair_del_argument", f.del_argument);
        bind(lib, "ipafair_add_attack", f.add_attack);
        bind(lib, "ipafair_del_attack", f.del_attack);
        bind(lib, "ipafair_assume", f.assume);
        bind(lib, "ipafair_solve_cred", f.solve_cred);
        bind(lib, "ipafair_solve_skept", f.solve_skept);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "agon_bench_ipafair: %s\n", e.what());
        return 2;
    }
    const agon::Framework start = agon::load_framework(argv[2]);
    void* s = f.init();
    f.set_semantics(s, code);
    for (std::uint32_t i = 1; i <= start.size; ++i) f.add_argument(s, static_cast<int32_t>(i));
    for (auto [a, b] : start.attacks) f.add_attack(s, static_cast<int32_t>(a + 1), static_cast<int32_t>(b + 1));
    std::ifstream in(argv[4]);
    std::string line;
    int questions = 0, agree = 0, compared = 0;
    const auto t = Clock::now();
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string op;
        long a = 0, b = 0;
        words >> op >> a;
        if (op == "+a") f.add_argument(s, static_cast<int32_t>(a));
        else if (op == "-a") f.del_argument(s, static_cast<int32_t>(a));
        else if (op == "+t" && words >> b) f.add_attack(s, static_cast<int32_t>(a), static_cast<int32_t>(b));
        else if (op == "-t" && words >> b) f.del_attack(s, static_cast<int32_t>(a), static_cast<int32_t>(b));
        else if (op == "?") {
            std::string want;
            words >> want;
            f.assume(s, static_cast<int32_t>(a));
            const int got = credulous ? f.solve_cred(s) : f.solve_skept(s);
            ++questions;
            if (want != "-") {
                ++compared;
                agree += (got == 10) == (want == "YES") && got != -1;
            }
        }
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - t).count();
    f.release(s);
    std::printf("%.3f s  %d questions  agree %d/%d\n", seconds, questions, agree, compared);
    return agree == compared ? 0 : 1;
}
