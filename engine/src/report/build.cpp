// Gathering a report: one pass over the sections, timing each.
#include <chrono>

#include "agon/error.hpp"
#include "agon/question.hpp"
#include "agon/render.hpp"
#include "agon/report.hpp"
#include "sections.hpp"

namespace agon {

namespace {

using Clock = std::chrono::steady_clock;

// Times the sections and tells the progress callback which one runs.
class Stages {
public:
    Stages(Report& report, const Control& control, int total) : report_(report), control_(control), total_(total) {}
    template <typename Body>
    void run(const std::string& name, Body&& body) {
        control_.check();
        control_.report("report: " + name, static_cast<double>(done_) / total_);
        const auto start = Clock::now();
        body();
        report_.timings.emplace_back(name, std::chrono::duration<double>(Clock::now() - start).count());
        ++done_;
    }
    void finish() { control_.report("report", 1.0); }

private:
    Report& report_;
    const Control& control_;
    int total_, done_ = 0;
};

// Graphviz SVG carries an XML prolog and a DOCTYPE; the page needs the <svg> element only.
std::string svg_element(const std::string& svg) {
    const auto at = svg.find("<svg");
    return at == std::string::npos ? svg : svg.substr(at);
}

std::string draw(const Graph& graph, RenderOptions options) {
    options.format = "svg";
    options.rankdir = "LR";
    return svg_element(render(graph, options));
}

// Attributions and Shapley values come from the question layer (agon::attributions).
void add_influences(Report& r, const Subject& subject, const ReportOptions& o, const Control& control) {
    const AttributionOptions options{.shapley_max_players = o.shapley_max_players};
    for (const Contribution& c : attributions(subject, o.request, o.target, options, control))
        r.influences.push_back({c.claim, c.removal, c.gradient, c.shapley});
    if (r.influences.size() > o.shapley_max_players)
        r.notes["shapley"] = std::to_string(r.influences.size()) + " claims influence the target; exact Shapley values are "
                             "computed up to " + std::to_string(o.shapley_max_players) + ", so removal effects stand in.";
}

// The hinge sets come from the question layer (agon::hinge), keyed by id.
void add_hinges(Report& r, const Subject& subject, std::string_view target, const ReportOptions& o,
                const Control& control) {
    const HingeOptions options{
        .max_size = o.hinge_max_size, .threshold = o.threshold, .max_evaluations = o.hinge_max_evaluations};
    Hinge h = hinge(subject, o.request, target, options, control);
    r.hinge_sets = std::move(h.sets);
    r.hinge_exact = h.exact;
    r.hinge_at_least = h.at_least;
    r.hinge_max_size = o.hinge_max_size;
}

// The Monte Carlo statistics come from the question layer (agon::robustness).
void add_robustness(Report& r, const Subject& subject, std::uint32_t target, const ReportOptions& o,
                    const Control& control) {
    const RobustnessOptions run{.samples = o.samples, .seed = o.seed, .threads = o.threads};
    const RobustnessReport rob = robustness(subject, o.request, *o.uncertainty, run, control);
    const ClaimRobustness& c = rob.claims[target];
    ReportRobustness out{.samples = rob.samples, .seed = rob.seed, .mean = c.mean, .stddev = c.stddev, .q05 = c.q05,
                         .q95 = c.q95, .histogram = c.histogram, .default_spread = o.uncertainty->default_spread};
    if (rob.labels) {
        out.p_in = c.p_in;
        out.p_undec = c.p_undec;
        out.p_out = c.p_out;
    }
    const double edge = o.threshold * static_cast<double>(Robustness::kHistogramBins);
    if (r.gradual && edge == static_cast<double>(static_cast<std::size_t>(edge))) {
        std::uint64_t above = 0;
        for (std::size_t b = static_cast<std::size_t>(edge); b < out.histogram.size(); ++b) above += out.histogram[b];
        out.p_accepted = static_cast<double>(above) / static_cast<double>(out.samples);
    }
    r.robustness = std::move(out);
}

void add_scenarios(Report& r, const ReportOptions& o, const Control& control) {
    std::vector<ReportScenarioRow> rows;
    for (const ReportScenario& sc : o.scenarios) {
        control.check();
        const Subject scenario(sc.scenario);
        const Result result = evaluate(scenario, o.request, control);
        ReportScenarioRow row{sc.scenario.name(), sc.note, std::nullopt, compare(r.baseline, result), {}};
        if (auto v = scenario.snapshot().index_of(o.target))
            row.target = report_detail::status_of(result, *v, o.threshold);
        if (o.maps && render_available() && r.graph.claims().size() <= o.map_max_claims) {
            RenderOptions ro;
            ro.result = &result;
            ro.before = &r.baseline;
            ro.title = sc.scenario.name() + ": changes against the baseline";
            ro.legend = false;
            row.map_svg = draw(sc.scenario.to_graph(), ro);
        }
        rows.push_back(std::move(row));
    }
    r.scenarios = std::move(rows);
}

void add_maps(Report& r, const ReportOptions& o) {
    RenderOptions ro;
    ro.result = &r.baseline;
    ro.legend = true;
    ro.highlight = {o.target};
    ro.title = r.graph.title();
    if (r.graph.claims().size() <= o.map_max_claims) r.map_svg = draw(r.graph, ro);
    else r.notes["map"] = "The whole map has " + std::to_string(r.graph.claims().size()) + " claims, too many to read on a page "
                          "(the limit is " + std::to_string(o.map_max_claims) + "); the focus map shows the target's neighbourhood.";
    ro.focus = o.target;
    ro.depth = o.focus_depth;
    ro.legend = false;
    ro.title = "Around the target (" + std::to_string(o.focus_depth) + " step" + (o.focus_depth == 1 ? "" : "s") + ")";
    r.focus_svg = draw(r.graph, ro);
}

}  // namespace

const char* to_string(Consistency c) {
    switch (c) {
        case Consistency::consistent: return "consistent";
        case Consistency::inconsistent: return "inconsistent";
        case Consistency::neutral: break;
    }
    return "neutral";
}

Report build_report(const Graph& graph, const ReportOptions& o, const Control& control) {
    if (o.target.empty()) throw Error(ErrorKind::usage, "the report needs a target claim");
    if (!graph.find_claim(o.target)) throw Error(ErrorKind::not_found, "unknown target claim '" + o.target + "'");
    if (!(o.threshold >= 0 && o.threshold <= 1)) throw Error(ErrorKind::usage, "the threshold must be in [0,1]");
    require_strength_scale(o.request.semantics, "a report");
    Report r;
    r.target = o.target;
    r.request = o.request;
    r.threshold = o.threshold;
    r.gradual = !gives_labels(o.request.semantics);
    r.graph = graph;
    r.title = o.title.empty() ? "Stress test: " + report_detail::claim_text(graph, o.target) : o.title;
    const Subject subject(graph);
    const Snapshot& s = subject.snapshot();
    const std::uint32_t target = *s.index_of(o.target);

    Stages stages(r, control, 8);
    stages.run("evaluation", [&] {
        r.baseline = evaluate(subject, o.request, control);
        r.status = report_detail::status_of(r.baseline, target, o.threshold);
        r.method = r.baseline.method;
        r.converged = r.baseline.converged;
    });
    stages.run("influence", [&] { add_influences(r, subject, o, control); });
    stages.run("hinges", [&] {
        add_hinges(r, subject, s.id(target), o, control);
        r.assumptions = report_detail::key_assumptions(graph, s, r.influences, r.hinge_sets);
    });
    if (o.uncertainty) {
        stages.run("tornado", [&] { r.tornado = report_detail::tornado(s, o.request, target, *o.uncertainty, control); });
        stages.run("robustness", [&] { add_robustness(r, subject, target, o, control); });
    } else {
        const char* note = "No uncertainty was given (pass ranges with --uncertainty, or --spread for every base score).";
        r.notes["tornado"] = note;
        r.notes["robustness"] = note;
    }
    stages.run("hypotheses", [&] {
        ReportHypotheses h = report_detail::competing_hypotheses(graph, s, o.request, r.baseline, o.threshold, control);
        if (h.hypotheses.empty() || h.evidence.empty())
            r.notes["hypotheses"] = "No claims are tagged both ways: tag competing explanations 'hypothesis' and the "
                                    "facts that bear on them 'evidence' to get an ACH matrix.";
        else
            r.hypotheses = std::move(h);
    });
    if (o.scenarios.empty())
        r.notes["scenarios"] = "No what-if scenarios were given (pass a what-if Lua script with --scenarios).";
    else
        stages.run("scenarios", [&] { add_scenarios(r, o, control); });
    r.sources = report_detail::sources(graph);
    if (r.sources.empty()) r.notes["sources"] = "No claim names a source (attributes 'source' and 'url').";
    if (!o.maps) r.notes["maps"] = "Maps were not requested.";
    else if (!render_available()) r.notes["maps"] = "This agon was built without Graphviz, so the report has no maps.";
    else stages.run("maps", [&] { add_maps(r, o); });
    r.summary = report_detail::summary(r);
    stages.finish();
    return r;
}

}  // namespace agon
