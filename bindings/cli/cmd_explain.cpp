// agon explain FILE CLAIM --semantics NAME [--json]
#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>

#include "agon/render.hpp"
#include "explain_text.hpp"

namespace agon::cli {

namespace {

struct ExplainOptions {
    std::string file, claim, from;
    RequestArgs ask{"grounded"};
    bool json = false;
    double timeout = 0;
    std::size_t top = 10;
    std::string map;
};

// The map of the graph coloured by the semantics, with the claims of the
// explanation outlined, written to `path`.
void draw(const Input& in, const Result& r, const Explanation& why, std::size_t top, const std::string& path) {
    RenderOptions options;
    options.format = map_format(path);
    options.result = &r;
    options.legend = true;
    options.highlight = why.named(top);
    render_to_file(*in.graph, options, path);
}

void run(const ExplainOptions& o) {
    if (!o.map.empty()) map_format(o.map);  // refuse a bad map name before any work
    Input in = load_input(o.file, o.from, true);
    const Request req = o.ask.request();
    Control control = interruptible(o.timeout);
    require_claim(in, o.claim, o.file);
    const Explanation why = explain(Subject(in.snapshot), req, o.claim, control);
    const std::string out = o.json ? to_json(why) + "\n" : explanation_text(in, why, o.top);
    if (!o.map.empty()) {
        const Result answer = evaluate(*in.snapshot, req, control);
        warn_if_unconverged(answer);
        draw(in, answer, why, o.top, o.map);
    } else {
        warn_if_unconverged(Subject(in.snapshot), req, control);
    }
    std::cout << out;
}

}  // namespace

void add_explain(CLI::App& app) {
    auto o = std::make_shared<ExplainOptions>();
    auto* cmd = app.add_subcommand("explain", "Explain why a claim stands, falls or is undecided, or what moves its strength.");
    cmd->footer("Grounded semantics: a dispute tree (every attacker answered by a claim that stands, down to\n"
                "unattacked claims) or, for an undecided claim, the cycle of attacks that nothing settles.\n"
                "complete, preferred, stable, semi-stable, stage, ideal: whether some and every extension\n"
                "contains the claim, an extension that does with the claims that defend it there, and one\n"
                "that does not. Gradual semantics: the claims that raise or lower it, ranked by the effect\n"
                "of removing them and by the gradient of its strength with respect to their base scores.\n"
                "Explanations read the graph as eval does: with --support, supports become attacks; an undercut\n"
                "appears as the attack edge it cuts.");
    add_input(*cmd, o->file, o->from);
    cmd->add_option("claim", o->claim, "id of the claim to explain")->required();
    add_request(*cmd, o->ask);
    cmd->add_option("--top", o->top, "how many contributors to list in text output")->capture_default_str()->check(number_range(0, max_of(o->top)));
    add_json(*cmd, o->json);
    add_output(*cmd, o->map, "also draw the map (.svg, .png, .pdf, .dot) with the explanation's claims outlined", ",--map");
    add_timeout(*cmd, o->timeout);
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
