// agon robust FILE --semantics NAME --samples N [--uncertainty FILE]
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "explain_text.hpp"

namespace agon::cli {

namespace {

struct RobustOptions {
    std::string file, from, semantics = "grounded", uncertainty;
    std::vector<std::string> params;
    std::uint64_t samples = 1000, seed = 1;
    unsigned threads = 0;
    double spread = -1;
    bool json = false;
    double timeout = 0;
};

void run(const RobustOptions& o) {
    Input in = load_input(o.file, o.from, true);
    Request req{o.semantics, parse_params(o.params)};
    Uncertainty u = o.uncertainty.empty() ? Uncertainty{} : parse_uncertainty(read_file(o.uncertainty), o.uncertainty);
    if (o.spread >= 0) u.default_spread = o.spread;
    Control control = with_progress(interruptible(o.timeout));
    Robustness r = robustness(*in.snapshot, req, u, o.samples, o.seed, control, o.threads);
    const bool labels = !r.p_in.empty();
    if (o.json) {
        nlohmann::ordered_json j;
        j["semantics"] = o.semantics;
        j["samples"] = r.samples;
        j["seed"] = o.seed;
        nlohmann::ordered_json claims = nlohmann::ordered_json::object();
        for (std::uint32_t v = 0; v < in.snapshot->size(); ++v) {
            nlohmann::ordered_json c;
            if (labels) {
                c["p_in"] = r.p_in[v];
                c["p_undec"] = r.p_undec[v];
                c["p_out"] = r.p_out[v];
            } else {
                c["mean"] = r.mean[v];
                c["stddev"] = r.stddev[v];
                c["q05"] = r.q05[v];
                c["q95"] = r.q95[v];
            }
            claims[in.snapshot->id(v)] = c;
        }
        j["claims"] = claims;
        std::cout << j.dump() << "\n";
        return;
    }
    char buf[128];
    std::cout << r.samples << " samples (seed " << o.seed << "), " << o.semantics << ":\n";
    std::snprintf(buf, sizeof buf, labels ? "  %7s %7s %7s  %s\n" : "  %7s %7s %15s  %s\n", labels ? "in" : "mean",
                  labels ? "undec" : "sd", labels ? "out" : "90% range", "claim");
    std::cout << buf;
    for (std::uint32_t v = 0; v < in.snapshot->size(); ++v) {
        if (labels)
            std::snprintf(buf, sizeof buf, "  %6.1f%% %6.1f%% %6.1f%%  ", 100 * r.p_in[v], 100 * r.p_undec[v], 100 * r.p_out[v]);
        else
            std::snprintf(buf, sizeof buf, "  %7.4f %7.4f [%.3f, %.3f]  ", r.mean[v], r.stddev[v], r.q05[v], r.q95[v]);
        std::cout << buf << describe(in, v) << "\n";
    }
}

}  // namespace

void add_robust(CLI::App& app) {
    auto o = std::make_shared<RobustOptions>();
    auto* cmd = app.add_subcommand("robust", "Monte Carlo: how stable each claim's status is when inputs are uncertain.");
    cmd->footer("Every sample redraws base scores (uniform within +-spread of the given base, or the ranges in\n"
                "--uncertainty), edge weights, and whether each uncertain claim is present, then evaluates.\n"
                "Uncertainty file (JSON): {\"claims\":{\"id\":{\"base\":[lo,hi],\"presence\":p}},\n"
                "  \"edges\":{\"id\":{\"weight\":[lo,hi]}},\"default_spread\":0.1}\n"
                "Results are reproducible for a given --seed whatever the number of threads.");
    cmd->add_option("file", o->file, "graph file")->required();
    cmd->add_option("--from", o->from, "input format when the extension does not tell");
    cmd->add_option("-s,--semantics", o->semantics, "semantics name")->capture_default_str();
    cmd->add_option("-p,--param", o->params, "semantics parameter KEY=VALUE (repeatable)");
    cmd->add_option("-n,--samples", o->samples, "number of samples")->capture_default_str();
    cmd->add_option("--uncertainty", o->uncertainty, "JSON file with ranges and presence probabilities");
    cmd->add_option("--spread", o->spread, "half-width of the base-score range for unlisted claims (default 0.1)");
    cmd->add_option("--seed", o->seed, "random seed")->capture_default_str();
    cmd->add_option("--threads", o->threads, "worker threads (0 = all cores)")->capture_default_str();
    cmd->add_flag("--json", o->json, "print JSON");
    cmd->add_option("--timeout", o->timeout, "give up after this many seconds (exit 2)");
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
