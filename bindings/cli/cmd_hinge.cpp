// agon hinge FILE CLAIM --semantics NAME [--max-size K]
#include <CLI/CLI.hpp>
#include <iostream>

#include "explain_text.hpp"

namespace agon::cli {

namespace {

struct HingeCmdOptions {
    std::string file, claim, from, semantics = "grounded", support;
    std::vector<std::string> params;
    HingeOptions search;
    bool json = false;
    double timeout = 0;
};

void run(const HingeCmdOptions& o) {
    Input in = load_input(o.file, o.from, true);
    require_claim(in, o.claim, o.file);
    const Hinge h = hinge(Subject(in.snapshot), request_of(o.semantics, o.params, o.support), o.claim, o.search,
                          interruptible(o.timeout));
    set_exit(h.sets.empty() ? negative : ok);
    if (o.json) {
        std::cout << to_json(h) << "\n";
        return;
    }
    std::string status = h.label ? std::string(to_string(*h.label))
                                 : (h.strength >= h.threshold ? "at or above " : "below ") + std::to_string(h.threshold);
    std::cout << describe(in, h.claim) << " is " << status << " under " << o.semantics << ".\n";
    if (h.sets.empty()) {
        if (h.exact)
            std::cout << "Removing claims cannot change that: nothing that influences it can flip it.\n";
        else if (h.evaluations >= o.search.max_evaluations)
            std::cout << "No set of fewer than " << h.at_least << " claims changes that (the search stopped after "
                      << h.evaluations << " evaluations; raise --max-evaluations).\n";
        else
            std::cout << "No set of up to " << o.search.max_size << " claims changes that: it does not hinge on a few claims"
                      << " (try a larger --max-size).\n";
        return;
    }
    std::cout << "It hinges on " << (h.sets[0].size() == 1 ? "a single claim" : std::to_string(h.sets[0].size()) + " claims")
              << ": removing any one of these " << (h.sets[0].size() == 1 ? "claims" : "sets") << " changes it.\n";
    for (const auto& s : h.sets) {
        std::cout << "  -";
        for (const std::string& id : s) std::cout << " " << describe(in, id) << (s.size() > 1 ? ";" : "");
        std::cout << "\n";
    }
    if (!h.exact) std::cout << "(the search was cut off: there may be more sets of this size)\n";
}

}  // namespace

void add_hinge(CLI::App& app) {
    auto o = std::make_shared<HingeCmdOptions>();
    auto* cmd = app.add_subcommand("hinge", "Find the fewest claims whose removal would change a claim's status.");
    cmd->footer("Searches sets of 1, 2, ... up to --max-size claims among those that can influence the target,\n"
                "and reports every smallest set that flips its label (or moves its strength across --threshold\n"
                "for gradual semantics). Exit status 1 when no such set exists within the limits.");
    cmd->add_option("file", o->file, "graph file")->required();
    cmd->add_option("claim", o->claim, "id of the target claim")->required();
    cmd->add_option("--from", o->from, "input format when the extension does not tell");
    cmd->add_option("-s,--semantics", o->semantics, "semantics name")->capture_default_str();
    cmd->add_option("-p,--param", o->params, "semantics parameter KEY=VALUE (repeatable)");
    cmd->add_option("--support", o->support, "support interpretation: none, deductive, necessary, evidential");
    cmd->add_option("-k,--max-size", o->search.max_size, "largest set size to try")->capture_default_str();
    cmd->add_option("--threshold", o->search.threshold, "strength threshold for gradual semantics")->capture_default_str();
    cmd->add_option("--max-evaluations", o->search.max_evaluations, "stop after this many evaluations")->capture_default_str();
    cmd->add_flag("--json", o->json, "print JSON");
    cmd->add_option("--timeout", o->timeout, "give up after this many seconds (exit 2)");
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
