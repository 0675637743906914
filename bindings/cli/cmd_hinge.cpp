// agon hinge FILE CLAIM --semantics NAME [--max-size K]
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "explain_text.hpp"

namespace agon::cli {

namespace {

struct HingeOptions {
    std::string file, claim, from, semantics = "grounded";
    std::vector<std::string> params;
    std::uint32_t max_size = 3;
    double threshold = 0.5;
    std::uint64_t max_evaluations = 200000;
    bool json = false;
    double timeout = 0;
};

void run(const HingeOptions& o) {
    Input in = load_input(o.file, o.from, true);
    const std::uint32_t target = claim_index(in, o.claim, o.file);
    Request req{o.semantics, parse_params(o.params)};
    Control control = interruptible(o.timeout);
    Result base = evaluate(*in.snapshot, req, control);
    HingeReport h = hinges(*in.snapshot, req, target, o.max_size, control, o.threshold, o.max_evaluations);
    set_exit(h.sets.empty() ? negative : ok);
    if (o.json) {
        nlohmann::ordered_json j;
        j["claim"] = o.claim;
        j["semantics"] = o.semantics;
        j["exact"] = h.exact;
        j["at_least"] = h.at_least;
        j["evaluations"] = h.evaluations;
        nlohmann::ordered_json sets = nlohmann::ordered_json::array();
        for (const auto& s : h.sets) {
            nlohmann::ordered_json ids = nlohmann::ordered_json::array();
            for (std::uint32_t v : s) ids.push_back(in.snapshot->id(v));
            sets.push_back(ids);
        }
        j["sets"] = sets;
        std::cout << j.dump() << "\n";
        return;
    }
    std::string status = base.labels.empty()
                             ? (base.strength[target] >= o.threshold ? "at or above " : "below ") + std::to_string(o.threshold)
                             : std::string(to_string(base.labels[target]));
    std::cout << hinge_text(in, target, o.semantics, status, h, o.max_size, o.max_evaluations);
}

}  // namespace

void add_hinge(CLI::App& app) {
    auto o = std::make_shared<HingeOptions>();
    auto* cmd = app.add_subcommand("hinge", "Find the fewest claims whose removal would change a claim's status.");
    cmd->footer("Searches sets of 1, 2, ... up to --max-size claims among those that can influence the target,\n"
                "and reports every smallest set that flips its label (or moves its strength across --threshold\n"
                "for gradual semantics). Exit status 1 when no such set exists within the limits.");
    cmd->add_option("file", o->file, "graph file")->required();
    cmd->add_option("claim", o->claim, "id of the target claim")->required();
    cmd->add_option("--from", o->from, "input format when the extension does not tell");
    cmd->add_option("-s,--semantics", o->semantics, "semantics name")->capture_default_str();
    cmd->add_option("-p,--param", o->params, "semantics parameter KEY=VALUE (repeatable)");
    cmd->add_option("-k,--max-size", o->max_size, "largest set size to try")->capture_default_str();
    cmd->add_option("--threshold", o->threshold, "strength threshold for gradual semantics")->capture_default_str();
    cmd->add_option("--max-evaluations", o->max_evaluations, "stop after this many evaluations")->capture_default_str();
    cmd->add_flag("--json", o->json, "print JSON");
    cmd->add_option("--timeout", o->timeout, "give up after this many seconds (exit 2)");
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
