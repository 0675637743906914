// agon diff BEFORE AFTER --semantics NAME [--json]
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "agon/question.hpp"
#include "cli.hpp"

namespace agon::cli {

namespace {

struct DiffOptions {
    std::string before, after, from;
    RequestArgs ask{"grounded"};
    double tolerance = 1e-9;
    bool json = false;
    double timeout = 0;
};

std::string side(const std::optional<Label>& label, const std::optional<double>& strength) {
    if (label) return std::string(to_string(*label));
    if (!strength) return "(absent)";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", *strength);
    return buf;
}

void run(const DiffOptions& o) {
    const Request req = o.ask.request();
    Control control = interruptible(o.timeout);
    const Result before = evaluate(Subject(load_input(o.before, o.from).snapshot), req, control);
    const Result after = evaluate(Subject(load_input(o.after, o.from).snapshot), req, control);
    warn_if_unconverged(before);
    warn_if_unconverged(after);
    const Diff changes = compare(before, after, o.tolerance);
    set_exit(changes.empty() ? negative : ok);
    if (o.json) {
        std::cout << to_json(changes) << "\n";
        return;
    }
    if (changes.empty()) std::cout << "No claim changes under " << o.ask.semantics << ".\n";
    for (const Change& c : changes)
        std::cout << c.id << ": " << side(c.label_before, c.strength_before) << " -> "
                  << side(c.label_after, c.strength_after) << "\n";
}

}  // namespace

void add_diff(CLI::App& app) {
    auto o = std::make_shared<DiffOptions>();
    auto* cmd = app.add_subcommand("diff", "Compare two versions of a graph: which claims change label or strength.");
    cmd->footer("Both files are evaluated under the same semantics; claims are matched by id. A claim present\n"
                "on one side only is listed with '(absent)' on the other. Exit status 1 when nothing changes.");
    cmd->add_option("before", o->before, "graph file before")->required();
    cmd->add_option("after", o->after, "graph file after")->required();
    cmd->add_option("--from", o->from, "input format when the extension does not tell");
    add_request(*cmd, o->ask);
    cmd->add_option("--tolerance", o->tolerance, "report strength changes larger than this")->capture_default_str()->check(number_range(0, max_of(o->tolerance)));
    add_json(*cmd, o->json);
    add_timeout(*cmd, o->timeout);
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
