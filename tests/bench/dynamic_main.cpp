// agon_bench_dynamic FILE TASK FAMILY [--seed N] [--steps N] [--limit S] [--budget S] [--dump DIR] [--trace 1] [--cpu 1]
//   A dynamic extension benchmark: STEPS (100) changes to the framework in
//   FILE, a TASK question (DC-xx or DS-xx) about a random argument after
//   each, answered by the incremental session (the whole sequence first, on
//   its own, as an IPAFAIR peer replays it) and then by agon from scratch
//   (snapshot + solver per question), answers compared. FAMILY: attacks (add
//   or delete one attack), arguments (delete an argument, or add one with a
//   few attacks). Each question may take at most S seconds (10) on either
//   side; a question stopped there counts S and is left out of the comparison.
//   The sequence ends early once both sides together have taken --budget
//   seconds on its first steps (unlimited by default); the line says how
//   many steps were done, and times both sides on those.
//   With --dump DIR, each step's framework and question are written as
//   DIR/NNN.i23 and DIR/NNN.arg (for a peer from scratch), and the whole
//   sequence as DIR/sequence.ops (for an IPAFAIR peer, dynamic_ipafair.cpp):
//   lines "+a ID", "-a ID", "+t FROM TO", "-t FROM TO", "? ID YES|NO|-".
//   With --trace 1, each question's time goes to stderr: "session|scratch
//   STEP ID SECONDS ANSWER" (answer 1 yes, 0 no, -1 stopped).
//   With --cpu 1, times are this process's CPU seconds, not wall-clock ones
//   (for a loaded machine; the per-question limit stays on the wall clock).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <random>
#include <set>
#include <string>

#include "agon/error.hpp"
#include "agon/io.hpp"
#include "agon/session.hpp"

using namespace agon;
// Seconds on the wall clock, or of this process's CPU time (--cpu 1: on a
// machine loaded by other work, the two legs are then compared fairly).
static bool cpu_clock = false;
static double now() {
    if (!cpu_clock) return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
static double since(double t) { return now() - t; }

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr,
                     "usage: agon_bench_dynamic FILE TASK FAMILY [--seed N] [--steps N] [--limit S] [--budget S] "
                     "[--dump DIR] [--trace 1] [--cpu 1]\n");
        return 2;
    }
    const std::string task = argv[2], family = argv[3];
    const auto sem = extension_semantics_from_string(task.size() > 3 ? task.substr(3) : "");
    const bool credulous_task = task.rfind("DC-", 0) == 0;
    if (!sem || (!credulous_task && task.rfind("DS-", 0) != 0) || (family != "attacks" && family != "arguments")) {
        std::fprintf(stderr, "agon_bench_dynamic: bad task or family\n");
        return 2;
    }
    unsigned long seed = 1;
    int steps = 100;
    double limit = 10, budget = 0;
    std::string dump;
    bool trace = false;
    for (int i = 4; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--seed") seed = std::stoul(value);
        else if (flag == "--steps") steps = std::stoi(value);
        else if (flag == "--limit") limit = std::stod(value);
        else if (flag == "--budget") budget = std::stod(value);
        else if (flag == "--dump") dump = value;
        else if (flag == "--trace") trace = value == "1";
        else if (flag == "--cpu") cpu_clock = value == "1";
        else {
            std::fprintf(stderr, "agon_bench_dynamic: unknown option %s\n", flag.c_str());
            return 2;
        }
    }
    std::mt19937 rng(seed);
    const Framework start = load_framework(argv[1]);
    // The framework as a model, one per pass: ids 1..n, attacks between ids.
    struct Model {
        std::set<std::uint32_t> args;
        std::set<std::pair<std::uint32_t, std::uint32_t>> attacks;
        void apply(int op, std::pair<std::uint32_t, std::uint32_t> p) {
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
    };
    Model model;
    for (std::uint32_t i = 1; i <= start.size; ++i) model.args.insert(i);
    for (auto [a, b] : start.attacks) model.attacks.insert({a + 1, b + 1});
    const Model first = model;
    std::uint32_t next_id = start.size + 1;
    auto pick_arg = [&] {
        auto it = model.args.begin();
        std::advance(it, std::uniform_int_distribution<std::size_t>(0, model.args.size() - 1)(rng));
        return *it;
    };

    // 1. The sequence: each step a change (0 +a, 1 -a, 2 +t, 3 -t) and a question.
    struct Step {
        std::vector<std::pair<int, std::pair<std::uint32_t, std::uint32_t>>> change;
        std::uint32_t query = 0;
    };
    std::vector<Step> sequence(static_cast<std::size_t>(std::max(steps, 0)));
    for (int step = 0; step < steps; ++step) {
        auto& change = sequence[step].change;
        if (family == "attacks") {
            if (step % 2 == 0 && !model.attacks.empty()) {
                auto it = model.attacks.begin();
                std::advance(it, std::uniform_int_distribution<std::size_t>(0, model.attacks.size() - 1)(rng));
                change.push_back({3, *it});
            } else {
                std::pair<std::uint32_t, std::uint32_t> p{pick_arg(), pick_arg()};
                while (model.attacks.count(p)) p = {pick_arg(), pick_arg()};
                change.push_back({2, p});
            }
        } else if (step % 2 == 0) {
            change.push_back({1, {pick_arg(), 0}});
        } else {
            const std::uint32_t id = next_id++;
            change.push_back({0, {id, 0}});
            std::set<std::pair<std::uint32_t, std::uint32_t>> added;  // the same attack twice is an error
            for (int k = 0; k < 3; ++k) {
                const std::uint32_t other = pick_arg();
                const auto p = k % 2 ? std::pair{id, other} : std::pair{other, id};
                if (added.insert(p).second) change.push_back({2, p});
            }
        }
        for (auto [op, p] : change) model.apply(op, p);
        sequence[step].query = pick_arg();
    }

    // A question under the limit: 1 yes, 0 no, -1 stopped (the time counts in full).
    auto timed = [&](double& total, int& stopped, auto&& ask) {
        Control control;
        control.set_timeout(limit);
        const auto t0 = now();
        int answer = -1;
        try {
            answer = ask(control) ? 1 : 0;
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::limit && e.kind() != ErrorKind::cancelled) throw;
            ++stopped;
        }
        total += since(t0);
        return answer;
    };

    // 2. The session alone, as an IPAFAIR peer replays the sequence (from
    //    scratch in between would take the caches from it): the changes and
    //    the question of each step, timed.
    auto t = now();
    Session session(start, *sem);
    const double setup = since(t);
    double incremental = 0, scratch = 0;
    int agree = 0, compared = 0, yes = 0, inc_stopped = 0, scratch_stopped = 0;
    std::vector<double> session_until;  // the session's time up to and including each step
    std::vector<int> session_answer;
    for (const Step& st : sequence) {
        if (budget > 0 && incremental >= budget) break;
        t = now();
        for (auto [op, p] : st.change) {
            switch (op) {
                case 0: session.add_argument(p.first); break;
                case 1: session.remove_argument(p.first); break;
                case 2: session.add_attack(p.first, p.second); break;
                default: session.remove_attack(p.first, p.second);
            }
        }
        incremental += since(t);
        const std::uint32_t ask[] = {st.query};
        session_answer.push_back(timed(incremental, inc_stopped, [&](const Control& c) {
            return credulous_task ? session.credulous(ask, c).accepted : session.skeptical(ask, c).accepted;
        }));
        session_until.push_back(incremental);
        if (trace)
            std::fprintf(stderr, "session %zu %u %.4f %d\n", session_until.size() - 1, st.query,
                         incremental - (session_until.size() > 1 ? session_until[session_until.size() - 2] : 0),
                         session_answer.back());
    }

    // 3. From scratch on the same steps (snapshot + solver per question), until
    //    both sides together reach the budget.
    model = first;
    std::ofstream ops;
    if (!dump.empty()) ops.open(dump + "/sequence.ops");
    static const char* const kOp[] = {"+a", "-a", "+t", "-t"};
    int step = 0;
    for (; step < static_cast<int>(session_until.size()) && (budget <= 0 || session_until[step] + scratch < budget);
         ++step) {
        const Step& st = sequence[step];
        for (auto [op, p] : st.change) {
            if (ops.is_open()) {
                ops << kOp[op] << ' ' << p.first;
                if (op >= 2) ops << ' ' << p.second;
                ops << '\n';
            }
            model.apply(op, p);
        }
        Framework af;
        std::vector<std::uint32_t> index(next_id, 0);
        const double before_fresh = scratch;
        const int fresh = timed(scratch, scratch_stopped, [&](const Control& c) {
            // The framework as a file reader would give it, then the solver.
            for (std::uint32_t id : model.args) index[id] = af.size++;
            for (auto [a, b] : model.attacks) af.attacks.emplace_back(index[a], index[b]);
            const Snapshot snap = Snapshot::of(af);
            return credulous_task ? credulous(snap, *sem, index[st.query], c).accepted
                                  : skeptical(snap, *sem, index[st.query], c).accepted;
        });
        const int inc = session_answer[step];
        if (trace) std::fprintf(stderr, "scratch %d %u %.4f %d\n", step, st.query, scratch - before_fresh, fresh);
        const int known = inc >= 0 ? inc : fresh;
        if (inc >= 0 && fresh >= 0) {
            ++compared;
            agree += inc == fresh;
        }
        yes += known == 1;
        if (ops.is_open()) ops << "? " << st.query << ' ' << (known < 0 ? "-" : known ? "YES" : "NO") << '\n';
        if (!dump.empty()) {
            char name[32];
            std::snprintf(name, sizeof name, "/%03d", step);
            std::ofstream f(dump + name + ".i23");
            f << "p af " << af.size << "\n";
            for (auto [a, b] : af.attacks) f << a + 1 << " " << b + 1 << "\n";
            std::ofstream(dump + name + ".arg") << index[st.query] + 1 << "\n" << (known < 0 ? "-" : known ? "YES" : "NO") << "\n";
        }
    }
    if (step > 0) incremental = session_until[step - 1];
    inc_stopped = static_cast<int>(std::count(session_answer.begin(), session_answer.begin() + step, -1));
    const auto st = session.stats();
    std::printf("%-8s %-9s steps %d  setup %.3f s  session %.3f s  scratch %.3f s  ratio %6.1f  agree %d/%d  yes %d  "
                "stopped at %g s: session %d scratch %d  by-grounded %llu  by-kept %llu  by-refutation %llu\n",
                task.c_str(), family.c_str(), step, setup, incremental, scratch, scratch / incremental, agree, compared, yes,
                limit, inc_stopped, scratch_stopped, static_cast<unsigned long long>(st.by_grounded),
                static_cast<unsigned long long>(st.by_kept), static_cast<unsigned long long>(st.by_refutation));
    return agree == compared ? 0 : 1;
}
