// agon report FILE --target CLAIM [-o REPORT.html|.pdf|.json] [--json] - the stress-test report.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "agon/error.hpp"
#include "agon/file.hpp"
#include "agon/report.hpp"
#include "explain_text.hpp"
#ifdef AGON_HAVE_LUA
#include "lua_host.hpp"
#endif

namespace agon::cli {

namespace {

struct ReportCommand {
    std::string file, from, target, scenarios, uncertainty, output, title, script_out = "out";
    RequestArgs ask{"dfquad"};
    std::vector<std::string> read;
    std::uint64_t samples = 2000, seed = 1, max_evaluations = 3000;
    double threshold = 0.5, timeout = 0;
    std::optional<double> spread;  // when given: checked by robustness()
    std::uint32_t max_size = 3;
    unsigned threads = 0;
    bool json = false, no_maps = false, timings = false;
};

// Run the what-if script in the sandboxed host, with the graph file as arg[1],
// and keep the scenarios it returns or creates.
std::vector<ReportScenario> scenarios_from(const ReportCommand& o) {
#ifdef AGON_HAVE_LUA
    lua::HostOptions h;
    std::vector<ReportScenario> out;
    h.scenarios = &out;
    h.quiet = true;
    h.timeout = o.timeout > 0 ? o.timeout : 60;
    const std::filesystem::path graph_dir = std::filesystem::path(o.file).parent_path();
    h.read_dirs = o.read;
    h.read_dirs.push_back(graph_dir.empty() ? "." : graph_dir.string());
    h.out_dir = o.script_out;
    try {
        lua::execute_script(o.scenarios, {o.file}, h);
    } catch (const Error& e) {  // one error line, naming the script (once, where Lua named its line)
        const bool located = e.message().rfind(o.scenarios + ":", 0) == 0;
        throw Error(e.kind(), "the scenario script " + (located ? "" : o.scenarios + ": ") + e.message());
    }
    if (out.empty()) throw Error(ErrorKind::invalid_input, "the scenario script " + o.scenarios + " makes no scenario");
    return out;
#else
    (void)o;
    throw Error(ErrorKind::unsupported, "this agon was built without Lua, so --scenarios is not available");
#endif
}

void run(const ReportCommand& o) {
    if (o.output.empty() && !o.json) throw Error(ErrorKind::usage, "say where the report goes: -o REPORT.html|.pdf|.json, or --json");
    refuse_overwriting_input(o.file, o.output);
    if (!o.output.empty()) {
        if (report_format(o.output) == "pdf" && !report_pdf_available())
            throw Error(ErrorKind::unsupported, "this agon was built without cairo, pango and librsvg: write .html instead");
    }
    Input in = load_input(o.file, o.from, true);
    ReportOptions ro;
    ro.target = o.target;
    ro.request = o.ask.request();
    ro.threshold = o.threshold;
    ro.samples = o.samples;
    ro.seed = o.seed;
    ro.threads = o.threads;
    ro.hinge_max_size = o.max_size;
    ro.hinge_max_evaluations = o.max_evaluations;
    ro.title = o.title;
    ro.maps = !o.no_maps;
    if (!o.uncertainty.empty()) ro.uncertainty = parse_uncertainty(read_file(o.uncertainty), o.uncertainty);
    if (o.spread) {
        if (!ro.uncertainty) ro.uncertainty = Uncertainty{};
        ro.uncertainty->default_spread = *o.spread;
    }
    if (!o.scenarios.empty()) ro.scenarios = scenarios_from(o);
    const Report report = build_report(*in.graph, ro, with_progress(interruptible(o.timeout)));
    if (!o.output.empty()) write_report(report, o.output);
    if (o.json) std::cout << report_json(report) << "\n";
    if (o.timings) {
        double total = 0;
        for (const auto& [name, seconds] : report.timings) total += seconds;
        for (const auto& [name, seconds] : report.timings)
            std::fprintf(stderr, "%-12s %8.3f s  %5.1f%%\n", name.c_str(), seconds, total > 0 ? 100 * seconds / total : 0.0);
        std::fprintf(stderr, "%-12s %8.3f s\n", "total", total);
    }
}

}  // namespace

void add_report(CLI::App& app) {
    auto o = std::make_shared<ReportCommand>();
    auto* cmd = app.add_subcommand("report", "Write a stress-test report on one claim for a policy team (HTML or PDF).");
    cmd->footer("Sections: summary, maps, Key Assumptions Check, tornado chart, Monte Carlo robustness, competing\n"
                "hypotheses (claims tagged 'hypothesis' and 'evidence'), scenarios and sources. Sections without\n"
                "input are omitted with a note: no --uncertainty/--spread, no tagged hypotheses, no --scenarios.\n"
                "--scenarios runs a what-if Lua script in the sandbox of `agon run` with the graph file as arg[1];\n"
                "the report takes the list the script returns ({scenario = s, note = \"...\"} or scenarios), or\n"
                "else every scenario it creates; it is stopped at --timeout, or after 60 s when there is no limit.\n"
                "Verdicts come from tags assumption:solid|caveats|unsupported.\n"
                "Example: agon report graphs/mexico_us_security.json --target designation \\\n"
                "           --scenarios scripts/whatif/mexico_us.lua --spread 0.1 -o out/report.html");
    add_input(*cmd, o->file, o->from);
    cmd->add_option("-t,--target", o->target, "id of the claim the report is about")->required();
    add_output(*cmd, o->output, "report file: .html, .pdf or .json");
    add_json(*cmd, o->json, "print every section's data as JSON on stdout");
    add_request(*cmd, o->ask);
    cmd->add_option("--threshold", o->threshold, "strength at which a gradual target counts as accepted")->capture_default_str();
    cmd->add_option("--scenarios", o->scenarios, "what-if Lua script whose scenarios the report compares");
    add_list(*cmd, "--read", o->read, "another directory the scenario script may read (repeatable)");
    cmd->add_option("--out", o->script_out, "directory the scenario script may write to, as in agon run")->capture_default_str();
    cmd->add_option("--uncertainty", o->uncertainty, "JSON file with base-score and weight ranges (see agon robust)");
    cmd->add_option("--spread", o->spread, "half-width of the base-score range for claims the uncertainty file does not list");
    cmd->add_option("-n,--samples", o->samples, "Monte Carlo samples")->capture_default_str()->check(number_range(1, max_of(o->samples)));
    cmd->add_option("--seed", o->seed, "random seed")->capture_default_str()->check(number_range(0, max_of(o->seed)));
    cmd->add_option("--threads", o->threads, "Monte Carlo threads (0 = all cores)")->capture_default_str()->check(number_range(0, max_of(o->threads)));
    cmd->add_option("-k,--max-size", o->max_size, "largest hinge set to search")->capture_default_str()->check(number_range(1, max_of(o->max_size)));
    cmd->add_option("--max-evaluations", o->max_evaluations, "stop the hinge search after this many evaluations")
        ->capture_default_str()
        ->check(number_range(1, max_of(o->max_evaluations)));
    cmd->add_option("--title", o->title, "report title (default: Stress test: <target text>)");
    cmd->add_flag("--no-maps", o->no_maps, "leave the maps out");
    cmd->add_flag("--timings", o->timings, "print the seconds each section took on stderr");
    add_timeout(*cmd, o->timeout);
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
