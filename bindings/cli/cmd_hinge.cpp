// agon hinge FILE CLAIM --semantics NAME [--max-size K]
#include <CLI/CLI.hpp>
#include <iostream>

#include "explain_text.hpp"

namespace agon::cli {

namespace {

struct HingeCmdOptions {
    std::string file, claim, from;
    RequestArgs ask{"grounded"};
    HingeOptions search;
    bool json = false;
    double timeout = 0;
};

void run(const HingeCmdOptions& o) {
    Input in = load_input(o.file, o.from, true);
    require_claim(in, o.claim, o.file);
    const Control control = interruptible(o.timeout);
    const Hinge h = hinge(Subject(in.snapshot), o.ask.request(), o.claim, o.search, control);
    warn_if_unconverged(Subject(in.snapshot), o.ask.request(), control);
    set_exit(h.sets.empty() ? negative : ok);
    if (o.json) {
        std::cout << to_json(h) << "\n";
        return;
    }
    std::cout << hinge_text(in, h, o.search);
}

}  // namespace

void add_hinge(CLI::App& app) {
    auto o = std::make_shared<HingeCmdOptions>();
    auto* cmd = app.add_subcommand("hinge", "Find the fewest claims whose removal would change a claim's status.");
    cmd->footer("Searches sets of 1, 2, ... up to --max-size claims among those that can influence the target,\n"
                "and reports every smallest set that flips its label (or moves its strength across --threshold\n"
                "for gradual semantics). Exit status 1 when no such set exists within the limits.");
    add_input(*cmd, o->file, o->from);
    cmd->add_option("claim", o->claim, "id of the target claim")->required();
    add_request(*cmd, o->ask);
    cmd->add_option("-k,--max-size", o->search.max_size, "largest set size to try")->capture_default_str()->check(number_range(1, max_of(o->search.max_size)));
    cmd->add_option("--threshold", o->search.threshold, "strength threshold for gradual semantics")->capture_default_str()->check(kFinite);
    cmd->add_option("--max-evaluations", o->search.max_evaluations, "stop after this many evaluations")->capture_default_str()->check(number_range(1, max_of(o->search.max_evaluations)));
    add_json(*cmd, o->json);
    add_timeout(*cmd, o->timeout);
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
