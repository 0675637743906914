// agon extensions FILE --semantics NAME [--limit N] [--count] [--json]
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "agon/error.hpp"
#include "agon/extensions.hpp"
#include "cli.hpp"

namespace agon::cli {

namespace {

struct ExtensionsOptions {
    std::string file, from, semantics = "preferred", support = "none";
    std::uint64_t limit = 0;
    bool count = false, json = false;
    double timeout = 0;
};

void run(const ExtensionsOptions& o) {
    auto sem = extension_semantics_from_string(o.semantics);
    if (!sem) throw Error(ErrorKind::usage, "'" + o.semantics + "' is not an extension semantics (grounded, complete, "
                                                "preferred, stable, semi-stable, stage, ideal)");
    Input in = load_input(o.file, o.from);
    const Snapshot& original = *in.snapshot;
    // Supports and undercuts become attacks; auxiliary claims are not shown.
    const Snapshot s = attack_view(original, o.support);
    Control control = interruptible(o.timeout);
    std::uint64_t shown = 0;
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    auto show = [&](const Extension& e) {
        ++shown;
        if (o.count) return;
        std::vector<std::string> ids;
        for (std::uint32_t v : e)
            if (v < original.size()) ids.push_back(original.id(v));
        if (o.json) {
            all.push_back(ids);
            return;
        }
        std::string line = "{";
        for (std::size_t i = 0; i < ids.size(); ++i) line += (i ? ", " : "") + ids[i];
        line += "}\n";
        std::fwrite(line.data(), 1, line.size(), stdout);
        std::fflush(stdout);
    };
    bool interrupted = false;
    try {
        enumerate(s, *sem, o.limit, show, control);
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::cancelled && e.kind() != ErrorKind::limit) throw;
        // Keep what was found; say why the list is incomplete.
        interrupted = true;
        std::cerr << "agon: " << (e.kind() == ErrorKind::cancelled ? "interrupted" : "time limit reached") << " after "
                  << shown << " extension" << (shown == 1 ? "" : "s") << "; the list is incomplete\n";
        set_exit(e.kind() == ErrorKind::cancelled ? 130 : bad_input);
    }
    if (o.count) std::cout << shown << (interrupted ? " (at least)" : "") << "\n";
    else if (o.json) std::cout << nlohmann::ordered_json{{"semantics", o.semantics}, {"complete", !interrupted}, {"extensions", all}}.dump() << "\n";
    else if (shown == 0 && !interrupted) std::cerr << "agon: there is no " << o.semantics << " extension\n";
}

}  // namespace

void add_extensions(CLI::App& app) {
    auto o = std::make_shared<ExtensionsOptions>();
    auto* cmd = app.add_subcommand("extensions", "List (or count) the extensions of a graph: sets of claims that can stand together.");
    cmd->footer("Semantics: grounded, complete, preferred, stable, semi-stable, stage, ideal.\n"
                "Extensions are printed one per line as they are found, in a deterministic order.\n"
                "Ctrl-C or --timeout stops the search: what was found stays printed and a note says the list\n"
                "is incomplete (exit 130 after Ctrl-C, 2 after a timeout).");
    cmd->add_option("file", o->file, "graph file")->required();
    cmd->add_option("--from", o->from, "input format when the extension does not tell");
    cmd->add_option("-s,--semantics", o->semantics, "extension semantics")->capture_default_str();
    cmd->add_option("--support", o->support, "support interpretation: none, deductive, necessary")->capture_default_str();
    cmd->add_option("--limit", o->limit, "stop after N extensions (0 = all)")->capture_default_str();
    cmd->add_flag("--count", o->count, "print only how many there are");
    cmd->add_flag("--json", o->json, "print JSON");
    cmd->add_option("--timeout", o->timeout, "stop after this many seconds");
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
