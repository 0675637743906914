// What a question is asked about, and the questions that only translate
// indices to ids: evaluate, hinge, robustness, compare.
#include <optional>

#include "agon/error.hpp"
#include "agon/question.hpp"
#include "given_answer.hpp"

namespace agon {

Subject::Subject(const Graph& graph) : snapshot_(std::make_shared<const Snapshot>(Snapshot::of(graph))) {}
Subject::Subject(const Scenario& scenario) : snapshot_(std::make_shared<const Snapshot>(scenario.snapshot())) {}
Subject::Subject(std::shared_ptr<const Snapshot> snapshot) : snapshot_(std::move(snapshot)) {
    if (!snapshot_) throw Error(ErrorKind::usage, "a question needs a graph, a scenario or a snapshot");
}

std::uint32_t Subject::claim(std::string_view id) const {
    auto v = snapshot_->index_of(id);
    if (!v) throw Error(ErrorKind::not_found, "no claim '" + std::string(id) + "'");
    return *v;
}

Result evaluate(const Subject& subject, const Request& request, const Control& control) {
    return evaluate(subject.snapshot(), request, control);
}

Result evaluate(IncrementalEvaluation& live, const Control& control) { return live.result(control); }

namespace {

// `answer`, when given, is evaluate(subject, request) held by the face.
Hinge hinge(const Subject& subject, const Request& request, std::string_view claim, const HingeOptions& options,
            const Result* answer, const Control& control) {
    const Snapshot& s = subject.snapshot();
    const std::uint32_t target = subject.claim(claim);
    if (answer) check_answer(*answer, s, target);
    Hinge h;
    h.claim = std::string(claim);
    h.semantics = request.semantics;
    h.threshold = options.threshold;
    std::optional<Result> evaluated;
    if (!answer) evaluated = evaluate(s, request, control);
    const Result& now = answer ? *answer : *evaluated;
    if (now.labels.empty()) h.strength = now.strength[target];
    else h.label = now.labels[target];
    HingeReport report = hinges(s, request, target, options.max_size, control, options.threshold, options.max_evaluations);
    for (const auto& set : report.sets) {
        std::vector<std::string> ids;
        for (std::uint32_t v : set) ids.push_back(s.id(v));
        h.sets.push_back(std::move(ids));
    }
    h.exact = report.exact;
    h.at_least = report.at_least;
    h.evaluations = report.evaluations;
    return h;
}

}  // namespace

Hinge hinge(const Subject& subject, const Request& request, std::string_view claim, const HingeOptions& options,
            const Control& control) {
    return hinge(subject, request, claim, options, nullptr, control);
}

Hinge hinge(const Subject& subject, const Request& request, std::string_view claim, const HingeOptions& options,
            const Result& answer, const Control& control) {
    return hinge(subject, request, claim, options, &answer, control);
}

RobustnessReport robustness(const Subject& subject, const Request& request, const Uncertainty& uncertainty,
                            const RobustnessOptions& options, const Control& control) {
    const Snapshot& s = subject.snapshot();
    const Robustness r = robustness(s, request, uncertainty, options.samples, options.seed, control, options.threads,
                                  options.threshold);
    RobustnessReport out;
    out.semantics = request.semantics;
    out.samples = r.samples;
    out.seed = options.seed;
    out.labels = !r.p_in.empty();
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        ClaimRobustness c;
        c.id = s.id(v);
        if (out.labels) {
            c.p_in = r.p_in[v];
            c.p_undec = r.p_undec[v];
            c.p_out = r.p_out[v];
        }
        c.mean = r.mean[v];
        c.stddev = r.stddev[v];
        c.q05 = r.q05[v];
        c.q95 = r.q95[v];
        if (options.threshold) c.at_or_above = r.at_or_above[v];
        c.histogram = r.histogram[v];
        out.claims.push_back(std::move(c));
    }
    return out;
}

Diff compare(const Result& before, const Result& after, double tolerance) { return diff(before, after, tolerance); }

}  // namespace agon
