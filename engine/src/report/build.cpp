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

// Times the sections and tells the progress callback which one runs and how
// far it has got: the section's body gets a Control whose progress (from
// attributions, hinges, robustness, ...) is reported as the section's own, so
// a long section moves instead of resting at its first percent.
class Stages {
public:
    Stages(Report& report, const Control& control) : report_(report), control_(control) {}
    template <typename Body>
    void run(const std::string& name, Body&& body) {
        control_.check();
        const std::string stage = "report: " + name;
        control_.report(stage, 0);
        Control section = control_;
        if (control_.progress)
            section.progress = [this, stage, last = 0.0](std::string_view, double fraction) mutable {
                // Whole percents only: a section may report thousands of steps.
                if (fraction < 0 || fraction - last < 0.01) return;
                last = fraction;
                control_.report(stage, std::min(fraction, 0.99));
            };
        const auto start = Clock::now();
        body(section);
        report_.timings.emplace_back(name, std::chrono::duration<double>(Clock::now() - start).count());
    }
    void finish() { control_.report("report", 1.0); }

private:
    Report& report_;
    const Control& control_;
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
    RobustnessOptions run{.samples = o.samples, .seed = o.seed, .threads = o.threads};
    if (r.gradual) run.threshold = o.threshold;
    const RobustnessReport rob = robustness(subject, o.request, *o.uncertainty, run, control);
    const ClaimRobustness& c = rob.claims[target];
    ReportRobustness out{.samples = rob.samples, .seed = rob.seed, .mean = c.mean, .stddev = c.stddev, .q05 = c.q05,
                         .q95 = c.q95, .histogram = c.histogram, .default_spread = o.uncertainty->default_spread};
    if (rob.labels) {
        out.p_in = c.p_in;
        out.p_undec = c.p_undec;
        out.p_out = c.p_out;
    }
    // Counted per sample in double precision: the histogram's bins cannot say
    // it for a threshold between bin edges, at 1, or just below an edge.
    if (c.at_or_above) out.p_accepted = static_cast<double>(*c.at_or_above) / static_cast<double>(out.samples);
    r.robustness = std::move(out);
}

// A scenario made on another graph (another file, or this one as it was
// before an edit) would report every difference between the graphs as its
// own effect. Equal content is enough: a script loads the file itself.
void check_scenario_bases(const Graph& graph, const std::vector<ReportScenario>& scenarios) {
    for (const ReportScenario& sc : scenarios)
        if (sc.scenario.base().get() != &graph && !(*sc.scenario.base() == graph))
            throw Error(ErrorKind::invalid_input,
                        "scenario '" + sc.scenario.name() + "' starts from another graph than the report's (\u201c" +
                            sc.scenario.base()->title() + "\u201d, " + std::to_string(sc.scenario.base()->claims().size()) +
                            " claims); build it on the graph reported on (in a --scenarios script, agon.load(arg[1]))");
}

void add_scenarios(Report& r, const ReportOptions& o, const Control& control) {
    std::vector<ReportScenarioRow> rows;
    for (std::size_t i = 0; i < o.scenarios.size(); ++i) {
        const ReportScenario& sc = o.scenarios[i];
        control.check();
        control.report("scenarios", static_cast<double>(i) / static_cast<double>(o.scenarios.size()));
        const Subject scenario(sc.scenario);
        const Result result = evaluate(scenario, o.request, control);
        ReportScenarioRow row{sc.scenario.name(), sc.note, std::nullopt, compare(r.baseline, result), {}, {}};
        if (auto v = scenario.snapshot().index_of(o.target))
            row.target = report_detail::status_of(result, *v, o.threshold);
        const Graph edited = sc.scenario.to_graph();
        for (const Change& c : row.changes)
            if (!r.graph.find_claim(c.id))
                if (const Claim* added = edited.find_claim(c.id)) row.added_texts[c.id] = added->text;
        if (o.maps && render_available() && r.graph.claims().size() <= o.map_max_claims) {
            RenderOptions ro;
            ro.result = &result;
            ro.before = &r.baseline;
            ro.title = sc.scenario.name() + ": changes against the baseline";
            ro.legend = false;
            row.map_svg = draw(edited, ro);
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
    check_scenario_bases(graph, o.scenarios);
    report_detail::check_ach_tags(graph);
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

    Stages stages(r, control);
    stages.run("evaluation", [&](const Control& section) {
        r.baseline = evaluate(subject, o.request, section);
        r.status = report_detail::status_of(r.baseline, target, o.threshold);
        r.method = r.baseline.method;
        r.converged = r.baseline.converged;
    });
    stages.run("influence", [&](const Control& section) { add_influences(r, subject, o, section); });
    stages.run("hinges", [&](const Control& section) {
        add_hinges(r, subject, s.id(target), o, section);
        r.assumptions = report_detail::key_assumptions(graph, s, r.influences, r.hinge_sets);
    });
    if (o.uncertainty) {
        stages.run("tornado", [&](const Control& section) { r.tornado = report_detail::tornado(s, o.request, target, *o.uncertainty, section); });
        stages.run("robustness", [&](const Control& section) { add_robustness(r, subject, target, o, section); });
    } else {
        const char* note = "No uncertainty was given (pass ranges with --uncertainty, or --spread for every base score).";
        r.notes["tornado"] = note;
        r.notes["robustness"] = note;
    }
    stages.run("hypotheses", [&](const Control& section) {
        ReportHypotheses h = report_detail::competing_hypotheses(graph, s, o.request, r.baseline, o.threshold, section);
        const std::string how = "tag competing explanations 'hypothesis' and the facts that bear on them 'evidence' "
                                "to get an ACH matrix.";
        if (h.hypotheses.empty() && h.evidence.empty())
            r.notes["hypotheses"] = "No claim is tagged 'hypothesis' or 'evidence': " + how;
        else if (h.evidence.empty())
            r.notes["hypotheses"] = std::to_string(h.hypotheses.size()) + " claim" + (h.hypotheses.size() == 1 ? " is" : "s are") +
                                    " tagged 'hypothesis' but no claim is tagged 'evidence': " + how;
        else if (h.hypotheses.empty())
            r.notes["hypotheses"] = std::to_string(h.evidence.size()) + " claim" + (h.evidence.size() == 1 ? " is" : "s are") +
                                    " tagged 'evidence' but no claim is tagged 'hypothesis': " + how;
        else
            r.hypotheses = std::move(h);
    });
    if (o.scenarios.empty())
        r.notes["scenarios"] = "No what-if scenarios were given (pass a what-if Lua script with --scenarios).";
    else
        stages.run("scenarios", [&](const Control& section) { add_scenarios(r, o, section); });
    r.sources = report_detail::sources(graph);
    if (r.sources.empty()) r.notes["sources"] = "No claim names a source (attributes 'source' and 'url').";
    if (!o.maps) r.notes["maps"] = "Maps were not requested.";
    else if (!render_available()) r.notes["maps"] = "This agon was built without Graphviz, so the report has no maps.";
    else stages.run("maps", [&](const Control&) { add_maps(r, o); });
    r.summary = report_detail::summary(r);
    stages.finish();
    return r;
}

}  // namespace agon
