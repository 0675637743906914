// agon export FILE --html OUT.html [--semantics NAME]...
#include <CLI/CLI.hpp>

#include "agon/error.hpp"
#include "agon/file.hpp"
#include "agon/semantics.hpp"
#include "cli.hpp"
#include "explain_text.hpp"
#include "static_export.hpp"
#include "workbench.hpp"

namespace agon::workbench {

namespace {

struct ExportCmd {
    std::string file, from, html;
    std::vector<std::string> semantics{"grounded", "preferred", "dfquad"};
    double timeout = 0;
    std::uint64_t max_evaluations = 0;  // 0: export_hinge_evaluations
};

void run(const ExportCmd& o) {
    if (o.html.empty()) throw Error(ErrorKind::usage, "say where to write the page: -o OUT.html");
    cli::refuse_overwriting_input(o.file, o.html);
    cli::Input in = cli::load_input(o.file, o.from, true);
    const auto slash = o.file.find_last_of('/');
    Control control = cli::with_progress(cli::interruptible(o.timeout));
    write_file_atomic(o.html, static_page(*in.graph, o.file.substr(slash == std::string::npos ? 0 : slash + 1),
                                          o.semantics, control, 2, o.max_evaluations));
}

}  // namespace

void add_export(CLI::App& app) {
    auto o = std::make_shared<ExportCmd>();
    auto* cmd = app.add_subcommand("export", "Write the map as one interactive page that needs no server (--html).");
    cmd->footer("The page holds the map under each --semantics, every claim's explanation and what it hinges\n"
                "on, and what happens when any one claim is switched off, all computed now. It opens from an\n"
                "e-mail attachment: no server, no network.");
    cli::add_input(*cmd, o->file, o->from);
    cli::add_output(*cmd, o->html, "the page to write (.html)", ",--html")->required();
    cli::add_list(*cmd, "-s,--semantics", o->semantics, "semantics to include (repeatable)")->capture_default_str();
    cmd->add_option("--max-evaluations", o->max_evaluations,
                    "stop each claim's hinge search after this many evaluations (default: 5,000 up to 40 claims, "
                    "200,000 shared among the claims above, at least 50 each)")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40));
    cli::add_timeout(*cmd, o->timeout);
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::workbench
