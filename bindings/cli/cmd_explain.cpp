// agon explain FILE CLAIM --semantics NAME [--json]
#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>

#include "agon/render.hpp"
#include "explain_text.hpp"

namespace agon::cli {

namespace {

struct ExplainOptions {
    std::string file, claim, from, semantics = "grounded", support;
    std::vector<std::string> params;
    bool json = false;
    double timeout = 0;
    std::size_t top = 10;
    std::string map;
};

// The map of the graph coloured by the semantics, with the claims of the
// explanation outlined, written to `path`.
void draw(const Input& in, const Result& r, const Explanation& why, const std::string& path) {
    RenderOptions options;
    options.format = map_format(path);
    options.result = &r;
    options.legend = true;
    options.highlight = why.named();
    render_to_file(*in.graph, options, path);
}

void run(const ExplainOptions& o) {
    if (!o.map.empty()) map_format(o.map);  // refuse a bad map name before any work
    Input in = load_input(o.file, o.from, true);
    const Request req = request_of(o.semantics, o.params, o.support);
    Control control = interruptible(o.timeout);
    require_claim(in, o.claim, o.file);
    const Explanation why = explain(Subject(in.snapshot), req, o.claim, control);
    const std::string out = o.json ? to_json(why) + "\n" : explanation_text(in, why, o.top);
    if (!o.map.empty()) draw(in, evaluate(*in.snapshot, req, control), why, o.map);
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
    cmd->add_option("file", o->file, "graph file")->required();
    cmd->add_option("claim", o->claim, "id of the claim to explain")->required();
    cmd->add_option("--from", o->from, "input format when the extension does not tell");
    cmd->add_option("-s,--semantics", o->semantics, "semantics name")->capture_default_str();
    cmd->add_option("-p,--param", o->params, "semantics parameter KEY=VALUE (repeatable)");
    cmd->add_option("--support", o->support, "support interpretation: none, deductive, necessary, evidential");
    cmd->add_option("--top", o->top, "how many contributors to list in text output")->capture_default_str();
    cmd->add_flag("--json", o->json, "print JSON");
    cmd->add_option("-o,--output,--map", o->map,
                    "also draw the map (.svg, .png, .pdf, .dot) with the explanation's claims outlined");
    cmd->add_option("--timeout", o->timeout, "give up after this many seconds (exit 2)");
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
