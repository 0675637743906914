// agon_bench_dynamic FILE TASK FAMILY [SEED] [DUMP_DIR]
//   A dynamic extension benchmark: 100 changes to the framework in FILE, a
//   TASK question (DC-xx or DS-xx) about a random argument after each,
//   answered by the incremental session and by agon from scratch (snapshot +
//   solver per question), answers compared. FAMILY: attacks (add or delete
//   one attack), arguments (delete an argument, or add one with a few attacks).
//   With DUMP_DIR, each step's framework and question are written as
//   DUMP_DIR/NNN.i23 and DUMP_DIR/NNN.arg for timing a peer from scratch.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <string>

#include "agon/io.hpp"
#include "agon/session.hpp"

using namespace agon;
using Clock = std::chrono::steady_clock;

static double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: agon_bench_dynamic FILE TASK FAMILY [SEED] [DUMP_DIR]\n");
        return 2;
    }
    const std::string task = argv[2], family = argv[3];
    const auto sem = extension_semantics_from_string(task.substr(3));
    const bool credulous_task = task.rfind("DC-", 0) == 0;
    if (!sem || (!credulous_task && task.rfind("DS-", 0) != 0) || (family != "attacks" && family != "arguments")) {
        std::fprintf(stderr, "agon_bench_dynamic: bad task or family\n");
        return 2;
    }
    const std::string dump = argc > 5 ? argv[5] : "";
    std::mt19937 rng(argc > 4 ? std::stoul(argv[4]) : 1);
    const Framework start = load_framework(argv[1]);
    std::set<std::uint32_t> args;  // ids 1..n
    std::set<std::pair<std::uint32_t, std::uint32_t>> attacks;
    for (std::uint32_t i = 1; i <= start.size; ++i) args.insert(i);
    for (auto [a, b] : start.attacks) attacks.insert({a + 1, b + 1});
    std::uint32_t next_id = start.size + 1;

    auto t = Clock::now();
    Session session(start, *sem);
    const double setup = since(t);
    double incremental = 0, scratch = 0;
    int agree = 0, yes = 0;
    auto pick_arg = [&] {
        auto it = args.begin();
        std::advance(it, std::uniform_int_distribution<std::size_t>(0, args.size() - 1)(rng));
        return *it;
    };
    for (int step = 0; step < 100; ++step) {
        // The change (applied to the model; timed on the session).
        std::vector<std::pair<int, std::pair<std::uint32_t, std::uint32_t>>> ops;  // 0 add arg,1 del arg,2 add att,3 del att
        if (family == "attacks") {
            if (step % 2 == 0 && !attacks.empty()) {
                auto it = attacks.begin();
                std::advance(it, std::uniform_int_distribution<std::size_t>(0, attacks.size() - 1)(rng));
                ops.push_back({3, *it});
            } else {
                std::pair<std::uint32_t, std::uint32_t> p{pick_arg(), pick_arg()};
                while (attacks.count(p)) p = {pick_arg(), pick_arg()};
                ops.push_back({2, p});
            }
        } else if (step % 2 == 0) {
            ops.push_back({1, {pick_arg(), 0}});
        } else {
            const std::uint32_t id = next_id++;
            ops.push_back({0, {id, 0}});
            for (int k = 0; k < 3; ++k) {
                const std::uint32_t other = pick_arg();
                ops.push_back({2, k % 2 ? std::pair{id, other} : std::pair{other, id}});
            }
        }
        t = Clock::now();
        for (auto [op, p] : ops) {
            switch (op) {
                case 0: session.add_argument(p.first); break;
                case 1: session.remove_argument(p.first); break;
                case 2: session.add_attack(p.first, p.second); break;
                default: session.remove_attack(p.first, p.second);
            }
        }
        incremental += since(t);
        for (auto [op, p] : ops) {
            switch (op) {
                case 0: args.insert(p.first); break;
                case 1:
                    args.erase(p.first);
                    std::erase_if(attacks, [&](auto q) { return q.first == p.first || q.second == p.first; });
                    break;
                case 2: attacks.insert(p); break;
                default: attacks.erase(p);
            }
        }
        const std::uint32_t query = pick_arg();
        const std::uint32_t ask[] = {query};
        t = Clock::now();
        const bool inc = credulous_task ? session.credulous(ask).accepted : session.skeptical(ask).accepted;
        incremental += since(t);
        // From scratch: the framework as a file reader would give it, then the solver.
        t = Clock::now();
        Framework af;
        std::vector<std::uint32_t> index(next_id, 0);
        for (std::uint32_t id : args) index[id] = af.size++;
        for (auto [a, b] : attacks) af.attacks.emplace_back(index[a], index[b]);
        const Snapshot snap = Snapshot::of(af);
        const bool fresh = credulous_task ? credulous(snap, *sem, index[query]).accepted
                                          : skeptical(snap, *sem, index[query]).accepted;
        scratch += since(t);
        agree += inc == fresh;
        yes += fresh;
        if (!dump.empty()) {
            char name[32];
            std::snprintf(name, sizeof name, "/%03d", step);
            std::ofstream f(dump + name + ".i23");
            f << "p af " << af.size << "\n";
            for (auto [a, b] : af.attacks) f << a + 1 << " " << b + 1 << "\n";
            std::ofstream(dump + name + ".arg") << index[query] + 1 << "\n" << (fresh ? "YES" : "NO") << "\n";
        }
    }
    const auto st = session.stats();
    std::printf("%-8s %-9s setup %.3f s  incremental %.3f s  scratch %.3f s  ratio %6.1f  agree %d/100  yes %d  "
                "by-grounded %llu  encodings %llu\n",
                task.c_str(), family.c_str(), setup, incremental, scratch, scratch / incremental, agree, yes,
                static_cast<unsigned long long>(st.by_grounded), static_cast<unsigned long long>(st.encodings));
    return agree == 100 ? 0 : 1;
}
