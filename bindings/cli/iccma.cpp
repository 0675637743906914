// ICCMA 2023 interface: -p TASK -f FILE [-a ARG] [-fo FORMAT], --problems, --formats.
#include "iccma.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "agon/error.hpp"
#include "agon/extensions.hpp"
#include "cli.hpp"

namespace agon::cli {

namespace {

const char* const kSemantics[] = {"CO", "PR", "ST", "SST", "STG", "ID", "GR"};
const char* const kKinds[] = {"DC", "DS", "SE", "EE", "CE"};

const char* kUsage =
    "usage: agon iccma -p TASK -f FILE [-a ARG] [-fo FORMAT] [--timeout S]\n"
    "       agon iccma --problems | --formats\n"
    "TASK is DC-X, DS-X, SE-X, EE-X or CE-X for X in CO, PR, ST, SST, STG, ID, GR.\n"
    "FORMAT is i23 (also .af), apx or tgf; by default it comes from the file extension.\n"
    "S is a number of seconds, 0 or more (0 = no limit, the default).\n";

// --timeout as the other commands read it (a negative number once meant no
// limit here, and text that was no number read "agon: error: stod").
double seconds_of(const std::string& text) {
    char* end = nullptr;
    const double seconds = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end || !(seconds >= 0))
        throw Error(ErrorKind::usage, std::string("--timeout: ") + kTimeoutRule);
    return seconds;
}

std::string line_of(const Extension& e, const Snapshot& s) {
    std::string out = "w";
    for (std::uint32_t v : e) out += " " + s.id(v);
    return out + "\n";
}

// Print through stdio in one piece (the certificate lines can be long).
void put(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
}

}  // namespace

int run_iccma(const std::vector<std::string>& args) {
    std::string task, file, arg, fmt;
    double timeout = 0;
    bool has_arg = false;
    try {
        for (std::size_t i = 0; i < args.size(); ++i) {
            const std::string& a = args[i];
            auto value = [&]() -> const std::string& {
                if (i + 1 >= args.size()) throw Error(ErrorKind::usage, a + " needs a value");
                return args[++i];
            };
            if (a == "--problems") {
                std::string out;
                for (const char* k : kKinds)
                    for (const char* s : kSemantics) out += std::string(k) + "-" + s + "\n";
                put(out);
                return 0;
            }
            if (a == "--formats") {
                put("i23\napx\ntgf\n");
                return 0;
            }
            if (a == "-h" || a == "--help") {
                put(kUsage);
                return 0;
            }
            if (a == "-p") task = value();
            else if (a == "-f") file = value();
            else if (a == "-a") {
                arg = value();
                has_arg = true;
            } else if (a == "-fo") fmt = value();
            else if (a == "--timeout") timeout = seconds_of(value());
            else throw Error(ErrorKind::usage, "unknown option '" + a + "' (see agon iccma --help)");
        }
        if (task.empty()) throw Error(ErrorKind::usage, "missing -p TASK (see agon iccma --problems)");
        if (file.empty()) throw Error(ErrorKind::usage, "missing -f FILE");
        const auto dash = task.find('-');
        const std::string kind = task.substr(0, dash);
        std::optional<ExtensionSemantics> parsed;
        if (dash != std::string::npos) parsed = extension_semantics_from_string(task.substr(dash + 1));
        const bool known_kind = kind == "DC" || kind == "DS" || kind == "SE" || kind == "EE" || kind == "CE";
        if (!parsed || !known_kind) throw Error(ErrorKind::usage, "unknown task '" + task + "' (see agon iccma --problems)");
        const ExtensionSemantics sem = parsed.value();
        const bool query = kind == "DC" || kind == "DS";
        if (query && !has_arg) throw Error(ErrorKind::usage, task + " needs the query argument: -a ARG");
        if (!fmt.empty() && fmt != "i23" && fmt != "af" && fmt != "apx" && fmt != "tgf")
            throw Error(ErrorKind::usage, "unknown format '" + fmt + "' (see agon iccma --formats)");

        Input in = load_input(file, fmt);
        const Snapshot& s = *in.snapshot;
        Control control = interruptible(timeout);
        if (query) {
            auto v = s.index_of(arg);
            if (!v) throw Error(ErrorKind::not_found, "argument '" + arg + "' is not in the framework", Location{file, 0, 0});
            if (kind == "DC") {
                Acceptance a = credulous(s, sem, *v, control);
                put(a.accepted ? "YES\n" + line_of(*a.witness, s) : std::string("NO\n"));
            } else {
                Acceptance a = skeptical(s, sem, *v, control);
                put(a.accepted ? std::string("YES\n") : "NO\n" + (a.witness ? line_of(*a.witness, s) : std::string()));
            }
        } else if (kind == "SE") {
            auto e = some_extension(s, sem, control);
            put(e ? line_of(*e, s) : std::string("NO\n"));
        } else if (kind == "EE") {
            enumerate(s, sem, 0, [&](const Extension& e) { put(line_of(e, s)); }, control);
        } else {
            put(std::to_string(enumerate(s, sem, 0, nullptr, control)) + "\n");
        }
        return 0;
    } catch (const Error& e) {
        print_error(e.kind() == ErrorKind::limit ? std::string(e.what()) + " (--timeout)" : e.what());
        return e.kind() == ErrorKind::cancelled ? 130 : 2;
    } catch (const std::bad_alloc&) {
        print_error("out of memory");
        return 2;
    } catch (const std::exception& e) {
        print_error(e.what());
        return 2;
    }
}

}  // namespace agon::cli
