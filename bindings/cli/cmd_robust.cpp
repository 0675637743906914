// agon robust FILE --semantics NAME --samples N [--uncertainty FILE]
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <optional>

#include "explain_text.hpp"

namespace agon::cli {

namespace {

struct RobustCmdOptions {
    std::string file, from, uncertainty;
    RequestArgs ask{"grounded"};
    RobustnessOptions run;
    std::optional<double> spread;  // when given: checked by robustness()
    bool json = false;
    double timeout = 0;
};

void run(const RobustCmdOptions& o) {
    Input in = load_input(o.file, o.from, true);
    Uncertainty u = o.uncertainty.empty() ? Uncertainty{} : parse_uncertainty(read_file(o.uncertainty), o.uncertainty);
    if (o.spread) u.default_spread = *o.spread;
    const Control control = with_progress(interruptible(o.timeout));
    const RobustnessReport r = robustness(Subject(in.snapshot), o.ask.request(), u, o.run, control);
    warn_if_unconverged(Subject(in.snapshot), o.ask.request(), control);
    if (o.json) {
        std::cout << to_json(r) << "\n";
        return;
    }
    char buf[128];
    std::cout << r.samples << " samples (seed " << r.seed << "), " << o.ask.semantics << ":\n";
    std::snprintf(buf, sizeof buf, r.labels ? "  %7s %7s %7s  %s\n" : "  %7s %7s %15s  %s\n", r.labels ? "in" : "mean",
                  r.labels ? "undec" : "stddev", r.labels ? "out" : "90% range", "claim");
    std::cout << buf;
    for (const ClaimRobustness& c : r.claims) {
        if (r.labels)
            std::snprintf(buf, sizeof buf, "  %6.1f%% %6.1f%% %6.1f%%  ", 100 * c.p_in, 100 * c.p_undec, 100 * c.p_out);
        else
            std::snprintf(buf, sizeof buf, "  %7.4f %7.4f [%.3f, %.3f]  ", c.mean, c.stddev, c.q05, c.q95);
        std::cout << buf << describe(in, c.id) << "\n";
    }
}

}  // namespace

void add_robust(CLI::App& app) {
    auto o = std::make_shared<RobustCmdOptions>();
    auto* cmd = app.add_subcommand("robust", "Monte Carlo: how stable each claim's status is when inputs are uncertain.");
    cmd->footer("Every sample redraws base scores (uniform within +-spread of the given base, or the ranges in\n"
                "--uncertainty), edge weights, and whether each uncertain claim is present, then evaluates.\n"
                "Uncertainty file (JSON): {\"claims\":{\"id\":{\"base\":[lo,hi],\"presence\":p}},\n"
                "  \"edges\":{\"id\":{\"weight\":[lo,hi]}},\"default_spread\":0.1}\n"
                "Results are reproducible for a given --seed whatever the number of threads.");
    add_input(*cmd, o->file, o->from);
    add_request(*cmd, o->ask);
    cmd->add_option("-n,--samples", o->run.samples, "number of samples")->capture_default_str()->check(number_range(1, max_of(o->run.samples)));
    cmd->add_option("--uncertainty", o->uncertainty, "JSON file with ranges and presence probabilities");
    cmd->add_option("--spread", o->spread, "half-width of the base-score range for unlisted claims (default 0.1)");
    cmd->add_option("--seed", o->run.seed, "random seed")->capture_default_str()->check(number_range(0, max_of(o->run.seed)));
    cmd->add_option("--threads", o->run.threads, "worker threads (0 = all cores)")->capture_default_str()->check(number_range(0, max_of(o->run.threads)));
    add_json(*cmd, o->json);
    add_timeout(*cmd, o->timeout);
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
