// agon render FILE -o OUT.svg|png|pdf|dot [--semantics NAME] [--focus CLAIM --depth N] [--legend] ...
#include <CLI/CLI.hpp>

#include <csignal>

#include "agon/error.hpp"
#include "agon/question.hpp"
#include "agon/render.hpp"
#include "cli.hpp"

namespace agon::cli {

namespace {

struct RenderCmdOptions {
    std::string file, from, out, focus, layout = "auto", rankdir = "TB", cluster_by, title;
    RequestArgs ask;
    int depth = 2;
    bool legend = false;
    double timeout = 60;
};

void run(const RenderCmdOptions& o) {
    RenderOptions r;
    r.format = map_format(o.out);
    if (!o.cluster_by.empty() && o.cluster_by != "tag") throw Error(ErrorKind::usage, "--cluster-by takes 'tag'");
    Input in = load_input(o.file, o.from, true);
    r.layout = o.layout;
    r.rankdir = o.rankdir;
    r.legend = o.legend;
    r.title = o.title;
    r.timeout = o.timeout;
    r.cancel = interruptible(0).cancel;  // Ctrl-C stops a layout in a child process...
    r.cluster_by_tag = o.cluster_by == "tag";
    if (!o.focus.empty()) {
        r.focus = o.focus;
        r.depth = o.depth;
    }
    Result result;
    if (!o.ask.semantics.empty()) {
        result = evaluate(Subject(in.snapshot), o.ask.request(), interruptible(o.timeout));
        warn_if_unconverged(result);
        r.result = &result;
    }
    // ...but one in this process never looks at the token: Ctrl-C ends agon there
    // (the map is written whole or not at all).
    if (!layout_forks(*in.graph, r)) {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }
    with_hint(ErrorKind::limit, "--layout dot|sfdp|neato, --focus CLAIM or a larger --timeout",
              [&] { with_hint(ErrorKind::unsupported, "agon convert --to dot", [&] { render_to_file(*in.graph, r, o.out); }); });
}

}  // namespace

void add_render(CLI::App& app) {
    auto o = std::make_shared<RenderCmdOptions>();
    auto* cmd = app.add_subcommand("render", "Draw the argument map as SVG, PNG or PDF (through Graphviz).");
    cmd->footer("Boxes are statements, ellipses arguments; blue arrows support, vermillion bar-headed arrows\n"
                "attack, dashed arrows undercut the edge they point at. With --semantics claims are filled by\n"
                "their evaluation: green in, vermillion out, yellow undecided, or shades of blue for strengths.\n"
                "Large maps are laid out in a child process that is stopped after --timeout seconds.");
    add_input(*cmd, o->file, o->from);
    add_output(*cmd, o->out, "output file: .svg, .png, .pdf or .dot")->required();
    add_request(*cmd, o->ask, "colour the map by this semantics");
    cmd->add_option("--focus", o->focus, "show only the claims near this one");
    cmd->add_option("--depth", o->depth, "steps around --focus")->capture_default_str()->check(number_range(0, max_of(o->depth)));
    cmd->add_option("--layout", o->layout, "dot, sfdp, neato or auto")->capture_default_str();
    cmd->add_option("--rankdir", o->rankdir, "TB or LR")->capture_default_str();
    cmd->add_option("--cluster-by", o->cluster_by, "group claims: tag");
    cmd->add_option("--title", o->title, "map title (default: the graph's)");
    cmd->add_flag("--legend", o->legend, "draw the legend");
    add_timeout(*cmd, o->timeout, "seconds before a large layout is stopped");
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
