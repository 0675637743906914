// agon extensions FILE --semantics NAME [--limit N] [--count] [--json]
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "agon/error.hpp"
#include "agon/question.hpp"
#include "cli.hpp"

namespace agon::cli {

namespace {

struct ExtensionsCmdOptions {
    std::string file, from;
    RequestArgs ask{"preferred"};
    std::uint64_t limit = 0;
    bool count = false, json = false;
    double timeout = 0;
};

void run(const ExtensionsCmdOptions& o) {
    Input in = load_input(o.file, o.from);
    agon::ExtensionsOptions options;
    options.limit = o.limit;
    options.keep = o.json && !o.count;
    options.partial_on_stop = true;
    if (!o.count && !o.json)
        options.found = [](const std::vector<std::string>& ids) {  // printed as found
            std::string line = "{";
            for (std::size_t i = 0; i < ids.size(); ++i) line += (i ? ", " : "") + ids[i];
            line += "}\n";
            std::fwrite(line.data(), 1, line.size(), stdout);
            std::fflush(stdout);
        };
    const Extensions e = extensions(Subject(in.snapshot), o.ask.request(), options,
                                    interruptible(o.timeout));
    if (e.stopped) {
        // Keep what was found; say why the list is incomplete.
        const bool cancelled = *e.stopped == ErrorKind::cancelled;
        std::cerr << "agon: " << (cancelled ? "interrupted" : "time limit reached") << " after " << e.count
                  << " extension" << (e.count == 1 ? "" : "s") << "; the list is incomplete\n";
        set_exit(cancelled ? 130 : bad_input);
    }
    if (o.count && o.json)
        std::cout << nlohmann::ordered_json{{"semantics", e.semantics}, {"complete", e.complete}, {"count", e.count}}.dump()
                  << "\n";
    else if (o.count) std::cout << e.count << (e.complete ? "" : " (at least)") << "\n";
    else if (o.json) std::cout << to_json(e) << "\n";
    else if (e.count == 0 && e.complete) std::cerr << "agon: there is no " << o.ask.semantics << " extension\n";
    else if (!e.complete && !e.stopped) std::cerr << "agon: there are more than " << o.limit << " (--limit)\n";
}

}  // namespace

void add_extensions(CLI::App& app) {
    auto o = std::make_shared<ExtensionsCmdOptions>();
    auto* cmd = app.add_subcommand("extensions", "List (or count) the extensions of a graph: sets of claims that can stand together.");
    cmd->footer("Semantics: grounded, complete, preferred, stable, semi-stable, stage, ideal.\n"
                "Extensions are printed one per line as they are found, in a deterministic order.\n"
                "Ctrl-C or --timeout stops the search: what was found stays printed and a note says the list\n"
                "is incomplete (exit 130 after Ctrl-C, 2 after a timeout).");
    add_input(*cmd, o->file, o->from);
    add_request(*cmd, o->ask, "extension semantics");
    cmd->add_option("--limit", o->limit, "stop after N extensions (0 = all)")->capture_default_str()->check(number_range(0, max_of(o->limit)));
    cmd->add_flag("--count", o->count, "print only how many there are (with --json: {\"count\": N, ...})");
    add_json(*cmd, o->json);
    add_timeout(*cmd, o->timeout, "stop after this many seconds");
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
